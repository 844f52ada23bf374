"""What the parser reads a message as: the command, its fields, and the mentions it saw."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

PATTERNS = ("daily", "weekly", "absoluteMonthly", "relativeMonthly")
INDEXES = ("first", "second", "third", "fourth", "last")


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def _date_or_none(value: Any) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


class CommandKind(StrEnum):
    MEET_NOW = "meet_now"
    MEETING = "meeting"
    SCHEDULE = "schedule"
    LIST = "list"
    CANCEL = "cancel"
    HELP = "help"
    FIND_TIME = "find_time"
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
class Recurrence:
    """A repetition as Graph's patternedRecurrence names it: `pattern` is a recurrencePatternType
    (daily, weekly, absoluteMonthly, relativeMonthly); `days` are weekdays (Monday = 0);
    `index` is first..fourth or last; `start` is the first meeting's date, and the series ends
    on `until` (inclusive), after `count` meetings, or never."""

    pattern: str
    interval: int = 1
    days: tuple[int, ...] = ()
    day_of_month: int | None = None
    index: str | None = None
    start: date | None = None
    until: date | None = None
    count: int | None = None

    def as_dict(self) -> dict[str, Any]:
        shown = asdict(self)
        for name in ("start", "until"):
            shown[name] = shown[name].isoformat() if shown[name] else None
        shown["days"] = list(self.days)
        return shown

    @staticmethod
    def from_dict(value: Any) -> Recurrence | None:
        """Recurrence.as_dict's output read back (a button's data): None unless it is one."""
        if not isinstance(value, dict) or value.get("pattern") not in PATTERNS:
            return None
        try:
            days = tuple(int(d) for d in value.get("days") or ())
            rule = Recurrence(
                pattern=str(value["pattern"]),
                interval=int(value.get("interval") or 1),
                days=days,
                day_of_month=_int_or_none(value.get("day_of_month")),
                index=value.get("index") if value.get("index") in INDEXES else None,
                start=_date_or_none(value.get("start")),
                until=_date_or_none(value.get("until")),
                count=_int_or_none(value.get("count")),
            )
        except (TypeError, ValueError):
            return None
        if not 1 <= rule.interval <= 99 or any(not 0 <= d <= 6 for d in days):
            return None
        return rule


@dataclass(frozen=True)
class MeetingOptions:
    """Meeting options asked for, in Graph's values: `lobby` a lobbyBypassScope ("everyone"
    when nobody waits), `presenters` an onlineMeetingPresenters, `record` recordAutomatically,
    `chat` a meetingChatMode. None: not asked, the meeting's default stays."""

    lobby: str | None = None
    presenters: str | None = None
    record: bool | None = None
    chat: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.lobby, self.presenters, self.record, self.chat))

    def as_dict(self) -> dict[str, Any]:
        """The options asked for, by field name (every turn that makes a meeting asks)."""
        asked = (
            ("lobby", self.lobby),
            ("presenters", self.presenters),
            ("record", self.record),
            ("chat", self.chat),
        )
        return {name: value for name, value in asked if value is not None}

    @staticmethod
    def from_dict(value: Any) -> MeetingOptions:
        """as_dict's output read back (a button's data); anything else is left out (the values
        are checked again before Graph sees them)."""
        if not isinstance(value, dict):
            return MeetingOptions()
        record = value.get("record")
        return MeetingOptions(
            lobby=value["lobby"] if isinstance(value.get("lobby"), str) else None,
            presenters=value["presenters"] if isinstance(value.get("presenters"), str) else None,
            record=record if isinstance(record, bool) else None,
            chat=value["chat"] if isinstance(value.get("chat"), str) else None,
        )


@dataclass(frozen=True)
class Command:
    """One reading of a message. Sure: `error` and `confirm` are None, act on it. Unsure:
    `confirm` says why in the message's language, `doubts` names the reasons (keys of
    bot.parsing.doubts); ask before acting. Refused: `error` says what could not be read.

    `start` and `end` are in the sender's zone. `zone` is the zone named in the text, if any
    (an IANA name such as "America/Chicago", or "UTC+05:30" for a written offset): the times
    were read in that zone, so a card can show them in both. `language` is the language the
    message is written in (the code of the grammar that read its command word, e.g. "pt"; None
    when no command was read): `confirm` and `error` are in it, and replies should be too.
    `recurrence` repeats the meeting (`start` is the first one); `options` are meeting options
    asked for. For find_time, `start` and `end` bound the search and `duration` is the
    meeting's length."""

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
    recurrence: Recurrence | None = None
    options: MeetingOptions = MeetingOptions()
    duration: timedelta | None = None
    language: str | None = None
    minutes: int | None = None  # remind: how long before each meeting
    at: str | None = None  # agenda_daily: "HH:MM", the sender's local time

    @property
    def sure(self) -> bool:
        return self.error is None and self.confirm is None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape `meeting-bot parse` prints (the other fields only when set)."""
        shown: dict[str, Any] = {
            "command": self.kind.value,
            "subject": self.subject,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "attendees": list(self.attendees),
            "error": self.error,
            "confirm": self.confirm,
        }
        if self.everyone and self.kind is CommandKind.FIND_TIME:
            shown["everyone"] = True
        if self.recurrence is not None:
            shown["recurrence"] = self.recurrence.as_dict()
        if self.options:
            shown["options"] = self.options.as_dict()
        if self.duration is not None:
            shown["duration"] = int(self.duration.total_seconds() // 60)
        if self.minutes is not None:
            shown["minutes"] = self.minutes
        if self.at is not None:
            shown["at"] = self.at
        return shown


_FIELDS = frozenset(f.name for f in fields(Command))


def evolve(command: Command, **changes: object) -> Command:
    """`dataclasses.replace` for a Command, without its generic per-field loop: a message's
    reading is copied up to three times (subject, confirmation, language), and replace cost
    ~11 µs each, a tenth of a parse. Command is frozen, has no __post_init__ and
    no init=False field, so copying its fields and setting the changed ones is what replace does
    (tests/unit/parsing/test_fast_paths.py holds them equal)."""
    unknown = changes.keys() - _FIELDS
    if unknown:
        raise TypeError(f"Command has no field {sorted(unknown)}")
    copy = object.__new__(Command)
    copy.__dict__.update(command.__dict__)
    copy.__dict__.update(changes)
    return copy
