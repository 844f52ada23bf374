"""The shortcuts taken for speed give what the plain way gives."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.parsing.command import Command, CommandKind, MeetingOptions, Recurrence, evolve
from bot.parsing.scan import _ALNUM
from bot.parsing.text import _fold_char, fold

FULL = Command(
    CommandKind.SCHEDULE,
    subject="Sync",
    start=datetime(2026, 1, 5, 9, tzinfo=UTC),
    end=datetime(2026, 1, 5, 10, tzinfo=UTC),
    attendees=("ann@contoso.com",),
    everyone=True,
    confirm="Sure?",
    zone="Europe/Berlin",
    doubts=("am_pm",),
    recurrence=Recurrence("daily"),
    options=MeetingOptions(record=True),
    duration=timedelta(minutes=30),
    language="en",
    minutes=5,
    at="08:30",
)


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Command)])
def test_evolve_is_dataclasses_replace(field: str) -> None:
    for base in (Command(CommandKind.MEET_NOW), FULL):
        value = getattr(FULL if base is not FULL else Command(CommandKind.HELP), field)
        changed = evolve(base, **{field: value})
        assert changed == dataclasses.replace(base, **{field: value})
        assert changed is not base
        assert hash(changed) == hash(dataclasses.replace(base, **{field: value}))


def test_evolve_keeps_command_frozen_and_refuses_unknown_fields() -> None:
    changed = evolve(FULL, language="pt")
    with pytest.raises(dataclasses.FrozenInstanceError):
        changed.language = "en"  # type: ignore[misc]
    with pytest.raises(TypeError, match="langauge"):
        evolve(FULL, langauge="pt")


def test_command_builds_nothing_that_evolve_would_skip() -> None:
    """evolve copies fields: it would skip a __post_init__ or a field set outside __init__."""
    assert not hasattr(Command, "__post_init__")
    assert all(f.init for f in dataclasses.fields(Command))


def test_fold_is_each_characters_fold() -> None:
    """fold translates through a table filled as characters come; the plain way joins them."""
    rng = random.Random(15)
    chars = [chr(c) for c in range(0x3100)] + ["😀", "’", "\u00a0", "ǅ", "İ", "ẞ", "ß", "ﬁ"]
    texts = ["".join(rng.choice(chars) for _ in range(rng.randrange(40))) for _ in range(500)]
    for text in [*chars, *texts, "Revisão amanhã às 15h", "ÜBERNÄCHSTEN Montag"]:
        assert fold(text) == "".join(map(_fold_char, text)), repr(text)
        assert len(fold(text)) == len(text)


def test_a_piece_with_a_letter_or_digit_is_found_as_str_isalnum_finds_it() -> None:
    for code in range(0x3100):
        assert bool(_ALNUM.search(chr(code))) == chr(code).isalnum(), hex(code)
