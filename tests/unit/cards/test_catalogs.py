"""Every word the user sees, in five languages: the gettext catalogs against the code.

The messages are extracted from the code here, as `make catalogs` does (babel.cfg), and each
catalog must have every one of them translated: no missing msgid, no empty or fuzzy msgstr,
the same {placeholders} and Markdown emphasis as the English, and commands that the bot reads
in that language. pt_PT lists only what differs from pt_BR, and falls back to it."""

from __future__ import annotations

import configparser
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from bot.parsing import CommandKind, parse_command
from cards.i18n import DOMAIN, FALLBACK, LOCALES, catalog_name, translator

ROOT = Path(__file__).resolve().parents[3]
#: The catalogs every message must be in, with a locale of each.
FULL = {"pt_BR": "pt-BR", "es": "es-ES", "de": "de-DE", "fr": "fr-FR"}
PARTIAL = {"pt_PT": "pt-PT"}  # only what differs from FALLBACK["pt_PT"]
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Source:
    msgid: str | tuple[str, str]
    where: str

    @property
    def key(self) -> str:
        return self.msgid if isinstance(self.msgid, str) else self.msgid[0]

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.msgid,) if isinstance(self.msgid, str) else self.msgid


@cache
def extracted() -> dict[str, Source]:
    """The user-visible messages of the code, as `pybabel extract -F babel.cfg` finds them."""
    config = configparser.RawConfigParser()
    config.read(ROOT / "babel.cfg", encoding="utf-8")
    sections = [section.split(":", 1) for section in config.sections()]  # [python: cards/**.py]
    method_map = [(pattern.strip(), method.strip()) for method, pattern in sections]
    found: dict[str, Source] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        ROOT,
        method_map,
        keywords=DEFAULT_KEYWORDS,
        directory_filter=_in_the_product,
    ):
        msgid = message if isinstance(message, str) else (message[0], message[1])
        source = Source(msgid, f"{filename}:{lineno}")
        found.setdefault(source.key, source)
    return found


def _in_the_product(path: str) -> bool:
    """Only the product's own folders (not node_modules, .venv, tests)."""
    relative = Path(path).relative_to(ROOT).parts
    return not relative or relative[0] in ("bot", "cards")


def catalog(language: str) -> Catalog:
    with (LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        return read_po(handle, locale=language)


def messages(language: str) -> Iterator[Message]:
    return (m for m in catalog(language) if m.id)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def problems_of(message: Message, source: Source, nplurals: int) -> list[str]:
    """What is wrong with one translation of `source`."""
    wanted = source.forms
    strings = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
    found = []
    if message.fuzzy:
        found.append("fuzzy")
    if isinstance(source.msgid, tuple) and len(strings) != nplurals:
        found.append(f"{len(strings)} plural forms, the catalog has {nplurals}")
    if not all(s.strip() for s in strings):
        found.append("not translated")
    for text in strings:
        if fields(text) != fields(wanted[-1]):
            found.append(f"placeholders {sorted(fields(text))} in {text!r}")
        if text.count("**") != wanted[-1].count("**"):
            found.append(f"bold marks differ in {text!r}")
    return [f"{source.key!r} ({source.where}): {p}" for p in found]


def test_the_code_has_words_to_translate() -> None:
    assert len(extracted()) > 100
    assert "Join" in extracted()


def test_the_template_is_extracted_from_the_code() -> None:
    """`make catalogs` was run after the last change of words."""
    with (LOCALES / f"{DOMAIN}.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert sorted(set(extracted()) - template) == [], "run `make catalogs`"
    assert sorted(template - set(extracted())) == [], "run `make catalogs`"


@pytest.mark.parametrize("language", [*FULL, *PARTIAL])
def test_a_catalog_has_no_message_the_code_no_longer_shows(language: str) -> None:
    stale = [
        m.id
        for m in messages(language)
        if (m.id if isinstance(m.id, str) else m.id[0]) not in extracted()
    ]
    assert stale == []


@pytest.mark.parametrize("language", list(FULL))
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    translations = catalog(language)
    problems = []
    for key, source in sorted(extracted().items()):
        message = translations.get(source.msgid)
        if message is None:
            problems.append(f"{key!r} ({source.where}): missing")
            continue
        problems += problems_of(message, source, translations.num_plurals)
    assert problems == [], f"{language}: {len(problems)} problems\n" + "\n".join(problems)


@pytest.mark.parametrize("language", list(PARTIAL))
def test_a_variant_translates_what_it_lists_and_falls_back_for_the_rest(language: str) -> None:
    variant = catalog(language)
    listed = list(messages(language))
    problems = []
    for message in listed:
        source = extracted()[message.id if isinstance(message.id, str) else message.id[0]]
        problems += problems_of(message, source, variant.num_plurals)
    assert problems == []
    assert 0 < len(listed) < len(extracted())
    base = translator(FULL[FALLBACK[language]].replace("_", "-"))
    differs = translator(PARTIAL[language])
    assert differs.gettext("Join") != base.gettext("Join")  # listed: its own
    assert differs.gettext("Cancel") == base.gettext("Cancel") != "Cancel"  # not listed


def _spans(text: str) -> list[str]:
    """The text itself (a help example is a command) and the spans it puts in bold ("type
    **help**"), in order: a translation keeps them in the same places."""
    return [text, *_BOLD.findall(text)]


@cache
def _kind(text: str, locale: str) -> CommandKind | None:
    command = parse_command(text, NOW, ZoneInfo("Europe/Berlin"), locale)
    if command.kind is CommandKind.UNKNOWN or command.error:
        return None
    return command.kind


@pytest.mark.parametrize("locale", [*FULL.values(), *PARTIAL.values()])
def test_commands_in_the_words_are_ones_the_bot_reads_in_that_language(locale: str) -> None:
    """A help example or a "type **my meetings**" names a command that works as written
    (English commands start lower case; "press **Create**" names a button)."""
    words = translator(locale)
    problems = []
    for source in extracted().values():
        english = _spans(source.key)
        translated = _spans(words.gettext(source.key))
        for said, shown in zip(english, translated, strict=True):
            kind = _kind(said, "en-US") if said[:1].islower() else None
            if kind is not None and _kind(shown, locale) is not kind:
                problems.append(f"{said!r} -> {shown!r} is not read as {kind}")
    assert problems == []


@pytest.mark.parametrize(
    ("locale", "name"),
    [
        ("pt-BR", "pt_BR"),
        ("pt", "pt_BR"),
        ("pt-PT", "pt_PT"),
        ("pt-AO", "pt_PT"),
        ("es-MX", "es"),
        ("de-AT", "de"),
        ("fr-CA", "fr"),
        ("en-GB", "en"),
        ("ja-JP", "en"),
        ("not a locale", "en"),
    ],
)
def test_each_teams_locale_reads_its_catalog(locale: str, name: str) -> None:
    assert catalog_name(locale) == name


def test_teams_own_names_for_a_teams_meeting() -> None:
    names = {locale: translator(locale).gettext("Teams meeting") for locale in FULL.values()}
    assert names == {
        "pt-BR": "Reunião do Teams",
        "es-ES": "Reunión de Teams",
        "de-DE": "Teams-Besprechung",
        "fr-FR": "Réunion Teams",
    }
    assert translator("ja-JP").gettext("Teams meeting") == "Teams meeting"
