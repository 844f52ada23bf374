"""Every word the bot shows, in the viewer's language: gettext catalogs made with Babel.

The catalogs are `cards/locales/<language>/LC_MESSAGES/meetingbot.po` (extracted from the code
with `pybabel extract`, see babel.cfg) and compiled to `.mo` by the build; a checkout without
compiled catalogs compiles them in memory on first use, so a fresh clone shows translations too.
Code marks a text with `t.gettext("…")` (or `t.ngettext`) where `t = translator(locale)`; the
bot layer uses the same translator for the words it puts in cards.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "meetingbot"
LOCALES = Path(__file__).with_name("locales")
#: The languages the bot speaks, most specific first (pt_BR and pt_PT differ in places).
LANGUAGES = ("en", "pt_BR", "pt_PT", "pt", "es", "de", "fr")


def catalog_name(locale: str) -> str:
    """The catalog for a Teams locale: "pt-PT" -> "pt_PT", "pt-AO" -> "pt", "de-AT" -> "de";
    anything else -> "en"."""
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return "en"
    for candidate in (f"{parsed.language}_{parsed.territory}", parsed.language):
        if candidate in LANGUAGES:
            return candidate
    return "en"


@lru_cache(maxsize=16)
def translator(locale: str) -> gettext.NullTranslations:
    """The translations for `locale` (the English source text when there are none)."""
    name = catalog_name(locale)
    chain = [name] + (["pt"] if name.startswith("pt_") else [])
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
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
