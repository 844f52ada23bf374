"""Languages the command parser understands. Adding one is adding a data module to `ALL`."""

from __future__ import annotations

from bot.language.de import DE
from bot.language.en import EN
from bot.language.es import ES
from bot.language.fr import FR
from bot.language.pt import PT
from bot.language.schema import Language

ALL: tuple[Language, ...] = (EN, PT, ES, DE, FR)
_BY_CODE = {lang.code: lang for lang in ALL}


def primary_code(locale: str) -> str:
    """ "pt-BR" -> "pt"; "" -> "en"."""
    return locale.replace("_", "-").split("-", 1)[0].strip().lower() or "en"


def message_language(locale: str) -> Language:
    """The language replies are written in: the locale's, else English."""
    return _BY_CODE.get(primary_code(locale), EN)


def month_first(locale: str) -> bool:
    """Whether 12/3 means December 3 for this locale (en-US) rather than 12 March."""
    wanted = locale.replace("_", "-").lower()
    return any(wanted in lang.month_first_locales for lang in ALL)


def languages_for(locale: str) -> tuple[Language, ...]:
    """The locale's language first, then the others: an English command still works under pt-BR."""
    first = message_language(locale)
    return (first, *(lang for lang in ALL if lang is not first))


__all__ = ["ALL", "Language", "languages_for", "message_language", "month_first", "primary_code"]
