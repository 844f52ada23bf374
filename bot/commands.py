"""Turn what a person typed into a Command. Pure: no I/O, no clock, no Bot Framework types."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo


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
    extras: dict[str, Any] = field(default_factory=dict)

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


DEFAULT_DURATION = timedelta(minutes=30)

_MEET_NOW = re.compile(r"^\s*(?:meet now|meet|call now|instant meeting)\b\s*(?P<rest>.*)$", re.I)
_HELP = re.compile(r"^\s*(?:help|\?)\s*$", re.I)


def parse_command(
    text: str,
    now: datetime,
    tz: ZoneInfo,
    locale: str = "en-US",
    *,
    mentions: Sequence[Mention] = (),
    default_duration: timedelta = DEFAULT_DURATION,
) -> Command:
    """Placeholder grammar (meet now / help) until the full parser lands."""
    if _HELP.match(text):
        return Command(CommandKind.HELP)
    m = _MEET_NOW.match(text)
    if m:
        start = now.astimezone(tz)
        subject = m.group("rest").strip() or None
        return Command(CommandKind.MEET_NOW, subject, start, start + default_duration)
    return Command(CommandKind.UNKNOWN, error="I did not understand that.")
