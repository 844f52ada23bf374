"""What the card builders read of a meeting: a read-only view the bot's Meeting satisfies.

The cards package imports nothing from the bot; these Protocols are its side of that contract.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Final, Protocol

#: Meeting kinds, as the bot names them: a standalone Teams meeting, or a calendar event.
ONLINE: Final = "online"
EVENT: Final = "event"


class DialInView(Protocol):
    @property
    def toll_number(self) -> str: ...
    @property
    def conference_id(self) -> str: ...


class MeetingView(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...  # ONLINE or EVENT
    @property
    def subject(self) -> str: ...
    @property
    def start(self) -> datetime: ...  # aware
    @property
    def end(self) -> datetime: ...
    @property
    def join_url(self) -> str | None: ...
    @property
    def organizer_name(self) -> str: ...
    @property
    def attendees(self) -> Sequence[str]: ...
    @property
    def dial_in(self) -> DialInView | None: ...
    @property
    def cancelled(self) -> bool: ...
    @property
    def link_refused(self) -> bool: ...  # Outlook made the event without the Teams link asked for
    @property
    def is_organizer(self) -> bool: ...
    @property
    def occurrence(self) -> bool: ...  # one occurrence of a recurring series
    @property
    def calendar_copy_id(self) -> str: ...  # a standalone meeting's calendar copy, once added
    @property
    def series_id(self) -> str: ...  # an occurrence's series ("" for anything else)
    @property
    def recurrence(self) -> Mapping[str, Any] | None: ...  # Graph's patternedRecurrence
    @property
    def options(self) -> Mapping[str, Any] | None: ...  # lobby, presenters, record, chat
    @property
    def outsiders(self) -> Sequence[str]: ...  # attendees from outside the organisation


class SlotView(Protocol):
    """A time the bot proposes, and who is busy then (nobody: everyone is free)."""

    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...
    @property
    def busy(self) -> Sequence[str]: ...
