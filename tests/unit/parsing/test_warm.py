"""The start-up warm-up reads real sentences, so it compiles what real messages use."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.parsing import CommandKind, parse_command
from bot.parsing.warm import SENTENCES, warm_up


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
