"""The start-up warm-up reads real sentences, so it compiles what real messages use."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.parsing import CommandKind, parse_command
from bot.parsing.warm import EVERYDAY, SENTENCES, UNKNOWN, warm_up


@pytest.mark.parametrize(("text", "locale"), SENTENCES)
def test_each_warm_up_sentence_is_read_whole(text: str, locale: str) -> None:
    """Each one is understood (a refusal would stop before the later patterns compile)."""
    command = parse_command(text, datetime(2026, 1, 5, 9, tzinfo=UTC), ZoneInfo("UTC"), locale)
    assert command.kind in (CommandKind.SCHEDULE, CommandKind.FIND_TIME)
    assert command.start is not None
    assert command.attendees == ("ann@contoso.com",)
    assert command.confirm is None
    if command.kind is CommandKind.SCHEDULE:
        assert command.recurrence is not None
        assert command.end is not None
        assert (command.end - command.start).total_seconds() == 1800


def test_every_language_the_bot_speaks_is_warmed() -> None:
    assert {locale[:2] for _, locale in SENTENCES} == {"en", "pt", "es", "de", "fr"}
    warm_up()


@pytest.mark.parametrize(("text", "locale"), EVERYDAY)
def test_each_everyday_sentence_is_read_whole(text: str, locale: str) -> None:
    command = parse_command(text, datetime(2026, 1, 5, 9, tzinfo=UTC), ZoneInfo("UTC"), locale)
    assert command.kind is CommandKind.SCHEDULE
    assert command.start is not None
    assert command.attendees == ("ann@contoso.com",)
    assert command.sure
    assert {locale[:2] for _, locale in EVERYDAY} == {"en", "pt", "es", "de", "fr"}


def test_the_unknown_sentence_is_read_by_no_language() -> None:
    text, locale = UNKNOWN
    now = datetime(2026, 1, 5, 9, tzinfo=UTC)
    assert parse_command(text, now, ZoneInfo("UTC"), locale).kind is CommandKind.UNKNOWN


FIRST_MESSAGES = [
    ("schedule Sync tomorrow 4pm for 45m with bob@contoso.com", "en-US"),
    ("meet now", "en-US"),
    ("my meetings", "en-US"),
    ("hi", "en-US"),
    ("agendar Planejamento amanhã às 10h", "pt-BR"),
    ("reunião agora", "pt-BR"),
    ("agendar Planificación mañana a las 10h", "es-ES"),
    ("planen Planung morgen um 10 Uhr", "de-DE"),
    ("planifier Planning demain à 10h", "fr-FR"),
    ("schedule Sync friday 10 for 1h", "en-US"),
    ("reunião sexta 15h 2h", "pt-BR"),
]


def test_after_the_warm_up_the_first_everyday_messages_compile_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warm_up()
    compiled: list[str] = []
    compile_ = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    now = datetime(2026, 11, 25, 9, tzinfo=UTC)
    for text, locale in FIRST_MESSAGES:
        parse_command(text, now, ZoneInfo("Europe/Berlin"), locale)
    assert compiled == []
