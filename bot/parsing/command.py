"""What the parser reads a message as: the command, its fields, and the mentions it saw."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class CommandKind(StrEnum):
    MEET_NOW = "meet_now"
    MEETING = "meeting"
    SCHEDULE = "schedule"
    LIST = "list"
    CANCEL = "cancel"
    HELP = "help"
    UNKNOWN = "unknown"
    # what the bot sends by itself (bot/parsing/notices.py)
    REMIND = "remind"  # "remind me 5 min before": `minutes`
    REMINDERS_OFF = "reminders_off"
    REMINDERS_ON = "reminders_on"
    AGENDA_DAILY = "agenda_daily"  # "agenda daily at 8:30": `at`, weekdays in the sender's zone
    AGENDA_OFF = "agenda_off"


@dataclass(frozen=True)
class Mention:
    """A Teams @mention as the activity's mention entity describes it."""

    id: str
    name: str
    text: str  # the literal markup in the message, e.g. "<at>Ann Lee</at>"


@dataclass(frozen=True)
class Command:
    """One reading of a message. Sure: `error` and `confirm` are None, act on it. Unsure:
    `confirm` says why in the message's language, `doubts` names the reasons (keys of
    bot.parsing.doubts); ask before acting. Refused: `error` says what could not be read.

    `start` and `end` are in the sender's zone. `zone` is the zone named in the text, if any
    (an IANA name such as "America/Chicago", or "UTC+05:30" for a written offset): the times
    were read in that zone, so a card can show them in both. `language` is the language the
    message is written in (the code of the grammar that read its command word, e.g. "pt"; None
    when no command was read): `confirm` and `error` are in it, and replies should be too."""

    kind: CommandKind
    subject: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    attendees: tuple[str, ...] = ()
    everyone: bool = False
    error: str | None = None
    confirm: str | None = None
    zone: str | None = None
    doubts: tuple[str, ...] = ()
    language: str | None = None
    minutes: int | None = None  # remind: how long before each meeting
    at: str | None = None  # agenda_daily: "HH:MM", the sender's local time

    @property
    def sure(self) -> bool:
        return self.error is None and self.confirm is None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape `meeting-bot parse` prints."""
        doc: dict[str, Any] = {
            "command": self.kind.value,
            "subject": self.subject,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "attendees": list(self.attendees),
            "error": self.error,
            "confirm": self.confirm,
        }
        if self.minutes is not None:
            doc["minutes"] = self.minutes
        if self.at is not None:
            doc["at"] = self.at
        return doc
