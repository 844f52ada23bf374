"""What the bot keeps, as plain values: the words of the storage protocol, free of any driver."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

JSON = dict[str, Any]
#: How long a claimed job is its claimer's before another replica may take it over.
DEFAULT_LEASE = timedelta(minutes=1)


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting the bot created, as stored: enough to list, show and cancel it."""

    tenant_id: str
    user_id: str
    kind: str  # "online" | "event"
    graph_id: str
    subject: str
    start: datetime
    end: datetime
    join_url: str | None
    cancelled: bool = False
    # What the card shows besides the basics: organizer_name, attendees, dial_in; and a
    # standalone meeting's calendar_copy_id (the event id "Add to calendar" made).
    details: JSON = field(default_factory=dict, compare=False)


class IntentStatus(StrEnum):
    PENDING = "pending"  # written before the Graph call; still pending after a crash
    DONE = "done"  # Graph answered with the resource: graph_id is set
    ABANDONED = "abandoned"  # known not to have been created


@dataclass(frozen=True)
class Intent:
    """What the bot is about to create, keyed by the create's idempotency key."""

    key: str
    kind: str  # "online" | "event" | ...
    tenant_id: str
    user_id: str
    request: JSON
    status: IntentStatus = IntentStatus.PENDING
    graph_id: str = ""
    result: JSON = field(default_factory=dict)
    error: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class ConversationRef:
    """Enough of a conversation to post into it later (the adapter's continue_conversation)."""

    tenant_id: str
    user_id: str  # the user's Entra object id
    conversation_id: str
    service_url: str
    channel_id: str = "msteams"
    bot_id: str = ""
    user_channel_id: str = ""  # the user's id on the channel (29:…)
    user_name: str = ""
    conversation_type: str = "personal"
    locale: str = ""
    zone: str = ""  # IANA time zone of the user's last message

    def as_json(self) -> JSON:
        """Every field (all strings: nothing to copy deeply, as `asdict` would)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, doc: JSON) -> ConversationRef:
        known = {key: str(doc[key]) for key in cls.__dataclass_fields__ if key in doc}
        return cls(**known)


@dataclass(frozen=True)
class Preferences:
    """A user's own settings; None and "" mean the deployment's default."""

    reminder_minutes: int | None = None
    reminders_on: bool = True
    agenda_at: str | None = None  # "HH:MM" on weekdays in the user's zone; None: no agenda
    zone: str = ""
    locale: str = ""


class JobStatus(StrEnum):
    PENDING = "pending"  # waiting for due_at (also after a failure, with a later due_at)
    RUNNING = "running"  # claimed until claimed_until; reclaimed when that lease runs out
    DONE = "done"
    FAILED = "failed"  # gave up after its last attempt
    DROPPED = "dropped"  # nothing left to do it for (e.g. the bot was uninstalled)
    CANCELLED = "cancelled"  # called off before it ran (e.g. the meeting was cancelled)


@dataclass(frozen=True)
class Job:
    """A piece of background work (a reminder, an agenda) and its claim by a replica."""

    id: int
    kind: str
    due_at: datetime
    payload: JSON
    attempts: int = 0
    status: JobStatus = JobStatus.PENDING
    dedupe_key: str | None = None
    claimed_by: str = ""
    claimed_until: datetime | None = None
    last_error: str = ""


@dataclass(frozen=True)
class Backoff:
    """When a failed job runs again: base·2^(attempts-1), at most `cap`, `max_attempts` times."""

    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=1)
    max_attempts: int = 5

    def retry_at(self, attempts: int, now: datetime) -> datetime | None:
        """The next due time after `attempts` tries, or None when the job should give up."""
        if attempts >= self.max_attempts:
            return None
        delay: timedelta = min(self.cap, self.base * (2 ** max(0, attempts - 1)))
        return now + delay


@dataclass(frozen=True)
class Member:
    """A chat member: Entra object id (votes, invitations), Teams id (card refresh), name."""

    aad_id: str
    teams_id: str
    name: str
    email: str


@dataclass(frozen=True)
class Poll:
    """A group chat's vote on a time: who is asked, and the candidate times."""

    poll_id: str
    tenant_id: str
    conversation_id: str
    creator: Member
    subject: str
    minutes: int
    slots: tuple[tuple[str, str], ...]  # ISO start and end of each candidate time
    members: tuple[Member, ...]
    unreadable: tuple[str, ...] = ()
    zone: str = "UTC"  # the creator's: the booked event's zone
    locale: str = "en-US"  # the creator's: the booked event's default subject

    def as_json(self) -> JSON:
        return asdict(self)

    @classmethod
    def from_json(cls, doc: JSON) -> Poll:
        return cls(
            **{
                **doc,
                "creator": Member(**doc["creator"]),
                "slots": tuple((str(start), str(end)) for start, end in doc["slots"]),
                "members": tuple(Member(**m) for m in doc["members"]),
                "unreadable": tuple(doc.get("unreadable", ())),
            }
        )


@dataclass(frozen=True)
class Booking:
    """A poll's one booking: the winning slot, and the event once it is created."""

    slot: int
    meeting: JSON | None  # None while the claimer is still booking it


@dataclass(frozen=True)
class PendingCommand:
    """What a user typed before signing in; `claimed_at` is set once a sign-in ran (or
    refused) it, so a repeated sign-in never runs it again."""

    command: str
    activity_id: str  # the message it was typed in
    saved_at: datetime
    claimed_at: datetime | None = None


@dataclass(frozen=True)
class Upgrade:
    """The schema version a database had before start-up, and the one it has now."""

    before: int
    after: int


class StorageError(RuntimeError):
    """The store cannot be used: unreachable, closed, or its schema is not this bot's."""


class StorageUnavailable(StorageError):
    """The database did not answer, or the store is not open."""


class SchemaTooNew(StorageError):
    """The database was migrated by a newer bot: this one must not write to it."""

    def __init__(self, database: int, code: int) -> None:
        super().__init__(
            f"The database is at schema version {database}, but this bot knows versions up to "
            f"{code}: run the newer bot (or `meeting-bot db upgrade` from it), or point this "
            "one at another database."
        )
        self.database = database
        self.code = code
