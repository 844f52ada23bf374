"""What the parser asks of a message's locale, computed once per locale: the language order,
the reply language and the date order were string work on every message. Clients
send a handful of locales; the caches are bounded all the same."""

from __future__ import annotations

from functools import lru_cache

from bot.language import languages_for, message_language, month_first

#: The locale's language first, then the others.
languages = lru_cache(maxsize=256)(languages_for)
#: The language replies are written in.
reply_language = lru_cache(maxsize=256)(message_language)
#: Whether 12/3 is December 3.
month_first_of = lru_cache(maxsize=256)(month_first)
