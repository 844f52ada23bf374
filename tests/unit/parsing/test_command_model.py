"""The command model's dict forms: what buttons carry and what `meeting-bot parse` prints."""

from __future__ import annotations

import itertools
from dataclasses import asdict, fields

from bot.parsing.command import MeetingOptions

_LOBBY: tuple[str | None, ...] = (None, "everyone", "organizer")
_PRESENTERS: tuple[str | None, ...] = (None, "organizer")
_RECORD: tuple[bool | None, ...] = (None, True, False)
_CHAT: tuple[str | None, ...] = (None, "disabled", "limited")


def test_the_options_are_the_four_tried_here() -> None:
    assert [f.name for f in fields(MeetingOptions)] == ["lobby", "presenters", "record", "chat"]


def test_options_as_dict_keeps_what_was_asked_in_field_order() -> None:
    for lobby, presenters, record, chat in itertools.product(_LOBBY, _PRESENTERS, _RECORD, _CHAT):
        options = MeetingOptions(lobby, presenters, record, chat)
        expected = {name: value for name, value in asdict(options).items() if value is not None}
        assert options.as_dict() == expected
        assert list(options.as_dict()) == list(expected)
        assert MeetingOptions.from_dict(options.as_dict()) == options
