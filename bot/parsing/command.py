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


@dataclass(frozen=True)
class Mention:
    """A Teams @mention as the activity's mention entity describes it."""

    id: str
    name: str
    text: str  # the literal markup in the message, e.g. "<at>Ann Lee</at>"


@dataclass(frozen=True)
class Command:
    kind: CommandKind
    subject: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    attendees: tuple[str, ...] = ()
    everyone: bool = False
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape `meeting-bot parse` prints."""
        return {
            "command": self.kind.value,
            "subject": self.subject,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "attendees": list(self.attendees),
            "error": self.error,
        }
