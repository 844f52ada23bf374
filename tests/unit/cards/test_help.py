"""The help card names every command the bot has, and every example on it works as shown:
pressed or typed, in each of the bot's languages, it is read as the command it illustrates."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.parsing import Command, CommandKind, parse_command
from cards import help_card
from tests.support.card_schema import assert_valid_card

LOCALES = ("en-US", "pt-BR", "pt-PT", "es-ES", "de-DE", "fr-FR")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # a Wednesday
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ESCAPED = re.compile(r"\\(.)")


def _repeats(command: Command) -> bool:
    return command.recurrence is not None


def _has_options(command: Command) -> bool:
    return command.options.lobby is not None and command.options.record is True


def _minutes(command: Command) -> bool:
    return command.minutes == 5


def _at_8_30(command: Command) -> bool:
    return command.at == "08:30"


def _anything(command: Command) -> bool:
    return True


#: Each English example on the card, the command it shows, and what it must carry.
INTENDED: dict[str, tuple[CommandKind, Callable[[Command], bool]]] = {
    "meet now Design sync": (CommandKind.MEET_NOW, _anything),
    "meeting Retro tomorrow 3pm for 45m": (CommandKind.MEETING, _anything),
    "schedule Budget review tomorrow 3pm with ann@contoso.com": (CommandKind.SCHEDULE, _anything),
    "schedule Standup every weekday 9am": (CommandKind.SCHEDULE, _repeats),
    "schedule Board review Friday 3pm lobby off, record it": (CommandKind.SCHEDULE, _has_options),
    "find a time with ann@contoso.com tomorrow": (CommandKind.FIND_TIME, _anything),
    "my meetings today": (CommandKind.LIST, _anything),
    "cancel Budget review": (CommandKind.CANCEL, _anything),
    "remind me 5 min before": (CommandKind.REMIND, _minutes),
    "reminders off": (CommandKind.REMINDERS_OFF, _anything),
    "reminders on": (CommandKind.REMINDERS_ON, _anything),
    "agenda daily at 8:30": (CommandKind.AGENDA_DAILY, _at_8_30),
    "agenda off": (CommandKind.AGENDA_OFF, _anything),
    "help": (CommandKind.HELP, _anything),
}


def examples_on(card: dict[str, object]) -> list[str]:
    """The commands the card shows in bold, as a user reads them (Markdown escapes undone)."""
    body = card["body"]
    assert isinstance(body, list)
    shown = [str(block.get("text", "")) for block in body if block.get("type") == "TextBlock"]
    return [_ESCAPED.sub(r"\1", bold) for line in shown for bold in _BOLD.findall(line)]


def test_the_help_card_shows_every_command_kind_the_bot_reads() -> None:
    english = examples_on(help_card(locale="en-US"))
    assert english == list(INTENDED)
    shown_kinds = {kind for kind, _ in INTENDED.values()}
    assert shown_kinds == set(CommandKind) - {CommandKind.UNKNOWN}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_example_on_the_help_card_is_read_as_the_command_it_shows(locale: str) -> None:
    card = help_card(locale=locale)
    assert_valid_card(card)
    shown = examples_on(card)
    english = examples_on(help_card(locale="en-US"))
    assert len(shown) == len(english)
    problems = []
    for original, example in zip(english, shown, strict=True):
        kind, carries = INTENDED[original]
        command = parse_command(example, NOW, ZoneInfo("Europe/Berlin"), locale)
        if command.kind is not kind or command.error or not carries(command):
            problems.append(f"{example!r}: {command.kind} {command.error or ''}")
    assert problems == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_help_card_buttons_are_examples_it_shows(locale: str) -> None:
    card = help_card(locale=locale)
    actions = card["actions"]
    assert isinstance(actions, list)
    runs = [a["data"]["text"] for a in actions if a["data"].get("action") == "run"]
    assert runs
    for text in runs:
        command = parse_command(text, NOW, ZoneInfo("Europe/Berlin"), locale)
        assert command.kind is not CommandKind.UNKNOWN, text
        assert not command.error, text
