"""Parser behaviour the phrasing table cannot show: options, the everyone flag, purity, limits,
and the language data."""

from __future__ import annotations

import builtins
import dataclasses
import socket
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.language import ALL, languages_for, message_language
from bot.language.en import EN
from bot.parsing import Command, CommandKind, Mention, parse_command
from bot.parsing.grammar import commands_for, grammar_for
from bot.parsing.text import key
from tests.unit.parsing.cases import BY_LANGUAGE, CASES, MENTIONS, aware, status

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)


def parse(text: str, locale: str = "en-US", **kwargs: Any) -> Command:
    return parse_command(text, NOW, BERLIN, locale, **kwargs)


def test_default_duration_is_configurable_and_a_given_duration_wins() -> None:
    quarter = timedelta(minutes=15)
    assert parse("meet now", default_duration=quarter).end == NOW + quarter
    assert parse("meet now half an hour", default_duration=quarter).end == NOW + timedelta(
        minutes=30
    )


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("meet now with everyone", "en-US"),
        ("schedule Town hall @everyone tomorrow 4pm", "en-US"),
        ("schedule Town hall with <at>everyone</at> tomorrow 4pm", "en-US"),
        ("agendar Revisão amanhã às 15h com todos", "pt-BR"),
        ("reunião agora com todo mundo", "pt-BR"),
    ],
)
def test_everyone_sets_the_flag_not_an_attendee(text: str, locale: str) -> None:
    command = parse(text, locale)
    assert command.error is None
    assert command.everyone
    assert command.attendees == ()


def test_no_everyone_flag_without_the_word() -> None:
    assert not parse("schedule Sync with ann@x.com tomorrow 3pm").everyone


def test_a_mention_matches_by_name_when_its_markup_differs() -> None:
    mentions = [Mention(id="29:ann", name="Ann Lee", text="<at>Ann</at>")]
    command = parse("schedule Sync with <at>ann lee</at> tomorrow 3pm", mentions=mentions)
    assert command.attendees == ("29:ann",)
    assert command.subject == "Sync"


def test_times_come_back_in_the_senders_zone_whatever_zone_now_is_in() -> None:
    now_utc = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    command = parse_command("meet now", now_utc, BERLIN)
    assert command.start is not None
    assert command.start.isoformat() == "2026-11-25T10:00:00+01:00"


def test_html_entities_are_read_as_text() -> None:
    assert parse("schedule Q&amp;A tomorrow 3pm").subject == "Q&A"


def test_parsing_does_no_io(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser must not do I/O")

    rows = [
        (p.values[0], aware(p.values[1], p.values[2]), ZoneInfo(p.values[2]), p.values[3])
        for p in CASES
    ]
    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(socket, "socket", refuse)
    for text, now, tz, locale in rows:
        first = parse_command(text, now, tz, locale, mentions=MENTIONS)
        assert parse_command(text, now, tz, locale, mentions=MENTIONS) == first


def test_a_100kb_message_is_refused_without_reading_it() -> None:
    text = "schedule " + "tomorrow 3pm " * 8000
    start = time.perf_counter()
    command = parse(text)
    assert time.perf_counter() - start < 0.01
    assert command.kind is CommandKind.UNKNOWN
    assert command.error is not None
    assert command.error.startswith("That message is too long for me")


@pytest.mark.parametrize(
    "text",
    [
        "schedule " + "1 " * 495,
        "schedule " + "tomorow " * 123,
        "schedule " + "3-" * 495,
        "schedule with " + "and " * 246,
        "schedule " + "<at>" * 247,
        "agendar " + "de às " * 165,
    ],
    ids=["digits", "typos", "dashes", "joiners", "open-tags", "pt-connectors"],
)
def test_the_longest_accepted_message_stays_fast(text: str) -> None:
    locale = "pt-BR" if text.startswith("agendar") else "en-US"
    parse("schedule x", locale)  # compile the grammars first: that is not per-message work
    parse(text[:1000], locale)  # nor are the rare patterns compiled the first time one is wanted
    start = time.perf_counter()
    command = parse(text[:1000], locale)
    assert time.perf_counter() - start < 0.1
    assert command.error is not None


@pytest.mark.parametrize("text", ["hello", "good morning", "42", "😀", "ok thanks!"])
def test_unknown_always_says_what_and_shows_an_example(text: str) -> None:
    command = parse(text)
    assert command.kind is CommandKind.UNKNOWN
    assert command.error is not None
    assert "schedule Budget review tomorrow 3pm" in command.error
    assert command.start is None
    assert command.end is None


def test_as_dict_has_exactly_the_documented_keys() -> None:
    assert set(parse("meet now").as_dict()) == {
        "command",
        "subject",
        "start",
        "end",
        "attendees",
        "error",
        "confirm",
    }


@pytest.mark.parametrize(
    ("locale", "first"),
    [
        ("pt-BR", "pt"),
        ("pt_PT", "pt"),
        ("PT", "pt"),
        ("en-GB", "en"),
        ("de-DE", "de"),
        ("es-MX", "es"),
        ("fr-CA", "fr"),
        ("it-IT", "en"),
        ("", "en"),
    ],
)
def test_the_locale_language_is_tried_first(locale: str, first: str) -> None:
    order = languages_for(locale)
    assert order[0].code == first
    assert {lang.code for lang in order} == {lang.code for lang in ALL}
    assert message_language(locale).code == first


@pytest.mark.parametrize("lang", ALL, ids=lambda lang: lang.code)
def test_no_command_phrase_means_two_things(lang: Any) -> None:
    seen: dict[str, str] = {}
    for kind, phrases in lang.commands.items():
        for phrase in phrases:
            assert seen.setdefault(key(phrase), kind) == kind, phrase


def test_an_incomplete_language_is_refused_when_defined() -> None:
    messages = dict(EN.messages)
    del messages["past"]
    with pytest.raises(ValueError, match="past"):
        dataclasses.replace(EN, code="xx", messages=messages)


def test_a_new_language_is_only_data() -> None:
    commands = dict(EN.commands)
    commands["schedule"] = ("planen",)
    german_ish = dataclasses.replace(EN, code="xx", commands=commands, tomorrow=("morgen",))
    match = commands_for(german_ish).command.match("planen review morgen 3pm")
    assert match is not None
    assert commands_for(german_ish).kinds[key(match["cmd"])] == "schedule"
    assert grammar_for(german_ish).days[key("morgen")] == "1"


NEW_LANGUAGES = ("es", "de", "fr")
DOUBTS = ("am_pm", "corrected", "command", "zone", "weekday", "far_ahead", "no_unit")


def test_every_language_has_its_table_and_ids_are_unique_in_each() -> None:
    from tests.unit.parsing import (
        test_en_chat,
        test_en_shorthand,
        test_en_zones,
        test_pt_chat,
        test_pt_times,
    )

    for lang, rows in BY_LANGUAGE.items():
        ids = [p.id for p in rows]
        assert len(ids) == len(set(ids)), lang
    for lang in NEW_LANGUAGES:
        assert len(BY_LANGUAGE[lang]) >= 150, lang
    added_en = [*test_en_shorthand.ROWS, *test_en_zones.ROWS, *test_en_chat.ROWS]
    assert len(added_en) >= 100
    assert len([*test_pt_times.ROWS, *test_pt_chat.ROWS]) >= 100
    assert len([p for p in CASES if status(p.values[4]) == "refused"]) >= 20


@pytest.mark.parametrize("lang", list(BY_LANGUAGE))
def test_each_table_has_sure_unsure_and_refused_rows_and_every_doubt(lang: str) -> None:
    rows = [p.values[4] for p in BY_LANGUAGE[lang]]
    assert {status(r) for r in rows} == {"sure", "unsure", "refused"}
    seen = {d for r in rows for d in r.get("doubts", ())}
    assert seen >= set(DOUBTS), sorted(set(DOUBTS) - seen)


def test_an_unsure_reading_says_why_in_the_message_language() -> None:
    english = parse("schedule Retro at 5")
    assert english.doubts == ("am_pm",)
    assert english.confirm == "“at 5” could be 05:00 or 17:00; I read 17:00"
    assert not english.sure
    german = parse("planen Retro um 5", "de-DE")
    assert german.confirm == "„um 5“ kann 05:00 oder 17:00 sein; ich habe 17:00 verstanden"
    assert parse("schedule Retro tomorrow 5pm").sure


@pytest.mark.parametrize(
    ("text", "locale", "language"),
    [
        ("agendar Revisão amanhã às 15h por 30 min", "en-US", "pt"),
        ("schedule Retro tomorrow 3pm", "pt-BR", "en"),
        ("réunion maintenant", "de-DE", "fr"),
        ("Budget-Review morgen um 15 Uhr planen", "es-ES", "de"),
        ("reunión ahora", "fr-FR", "es"),
        ("link Retro amanhã às 15h", "pt-BR", "pt"),  # a word both know: the locale's reading
        ("meet now", "en-GB", "en"),
    ],
)
def test_the_language_is_the_one_whose_words_read_the_command(
    text: str, locale: str, language: str
) -> None:
    command = parse(text, locale)
    assert command.language == language


def test_a_sentence_in_another_language_is_answered_in_that_language() -> None:
    portuguese = parse("agendar Retro ontem às 15h", "en-US")
    assert portuguese.error is not None
    assert "já passou" in portuguese.error
    unsure = parse("marcar Retro amanhã às 5", "de-DE")
    assert unsure.confirm is not None
    assert "pode ser 05:00 ou 17:00" in unsure.confirm
    assert parse("blah", "pt-BR").language is None  # nothing read: the locale decides


def test_a_command_built_the_old_way_is_sure() -> None:
    command = Command(CommandKind.SCHEDULE, "X", NOW, NOW, attendees=("a@x.com",), everyone=False)
    assert command.confirm is None
    assert command.zone is None
    assert command.doubts == ()
    assert command.sure
    assert command.as_dict()["confirm"] is None


def test_a_named_zone_is_given_back_with_the_times_in_the_senders_zone() -> None:
    command = parse("schedule Sync tomorrow 10am ET")
    assert command.zone == "America/New_York"
    assert command.start is not None
    assert command.start.utcoffset() == timedelta(hours=1)
    assert command.start.astimezone(ZoneInfo("America/New_York")).hour == 10


@pytest.mark.parametrize("lang", ALL, ids=lambda lang: lang.code)
def test_every_language_has_every_message(lang: Any) -> None:
    for name in EN.messages:
        assert lang.messages.get(name), f"{lang.code}: {name}"
