"""Every word the bot shows, in the viewer's language: gettext catalogs made with Babel.

The catalogs are `cards/locales/<language>/LC_MESSAGES/meetingbot.po` (extracted from the code
with `pybabel extract`, see babel.cfg) and compiled to `.mo` by the build; a checkout without
compiled catalogs compiles them in memory on first use, so a fresh clone shows translations too.
Code marks a text with `_("…")` (or `ngettext`) where `_ = translator(locale).gettext`, and a
text defined before any locale is known with `N_("…")`, translated where it is shown; the bot
layer uses the same translator for the words it puts in cards. Placeholders are named
(`{subject}`), so a translation may put them in any order.

English is the source text. Portuguese is pt_BR; pt_PT holds only what differs from it and
falls back to pt_BR for the rest (so do other Portuguese locales: pt-AO, pt-MZ read pt_PT).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError

#: A translator's gettext: English source text in, the viewer's words out.
Words = Callable[[str], str]

DOMAIN = "meetingbot"
LOCALES = Path(__file__).with_name("locales")
#: The catalogs: English is the source text; pt_PT holds only what differs from pt_BR.
LANGUAGES = ("en", "pt_BR", "pt_PT", "es", "de", "fr")
#: Where a catalog without a translation of its own looks next.
FALLBACK = {"pt_PT": "pt_BR"}
#: The locale a reply takes when it follows the language of the text rather than the client's
#: (a Portuguese sentence from an en-US client): that language's most used variant.
DEFAULT_LOCALES = {"en": "en-US", "pt": "pt-BR", "es": "es-ES", "de": "de-DE", "fr": "fr-FR"}


def N_(message: str) -> str:  # gettext's usual name for "translate where it is shown"
    """Mark `message` for extraction; it is translated where it is shown."""
    return message


def catalog_name(locale: str) -> str:
    """The catalog for a Teams locale: "pt-PT" -> "pt_PT", "pt-AO" -> "pt_PT", "pt" -> "pt_BR",
    "de-AT" -> "de"; anything else -> "en"."""
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return "en"
    if parsed.language == "pt":
        return "pt_BR" if parsed.territory in (None, "BR") else "pt_PT"
    return parsed.language if parsed.language in LANGUAGES else "en"


def reply_locale(locale: str, language: str | None) -> str:
    """The locale to answer in: `locale`, unless the text was written in another language the
    bot speaks, then that language's usual one: ("en-US", "pt") -> "pt-BR", but
    ("pt-PT", "pt") -> "pt-PT" and ("en-GB", "en") -> "en-GB"."""
    if language is None or language not in DEFAULT_LOCALES:
        return locale
    if locale.replace("_", "-").split("-", 1)[0].lower() == language:
        return locale
    return DEFAULT_LOCALES[language]


@lru_cache(maxsize=16)
def translator(locale: str) -> gettext.NullTranslations:
    """The translations for `locale` (the English source text when there are none)."""
    chain = [catalog_name(locale)]
    while chain[-1] in FALLBACK:
        chain.append(FALLBACK[chain[-1]])
    result: gettext.NullTranslations = gettext.NullTranslations()
    for language in reversed(chain):
        catalog = _load(language)
        if catalog is not None:
            catalog.add_fallback(result)
            result = catalog
    return result


def _load(language: str) -> gettext.GNUTranslations | None:
    folder = LOCALES / language / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if compiled.exists() and (
        not source.exists() or compiled.stat().st_mtime >= source.stat().st_mtime
    ):
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if not source.exists():
        return None
    # Babel's catalog tools only for a checkout without compiled catalogs: the built bot never
    # loads them (nor difflib, which they import).
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
