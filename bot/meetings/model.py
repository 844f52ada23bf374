"""The bot's own view of meetings and people (Graph's shapes are read in graph_docs.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime

ONLINE = "online"  # a standalone Teams meeting (Graph onlineMeeting)
EVENT = "event"  # an Outlook calendar event with a Teams link (Graph event)


@dataclass(frozen=True)
class Requester:
    """The person a turn acts for: always the authenticated activity's sender."""

    user_id: str  # Entra object id (from.aadObjectId)
    tenant_id: str
    name: str = ""


@dataclass(frozen=True)
class Person:
    """An attendee with what invitations need: an e-mail address."""

    email: str
    name: str = ""


@dataclass(frozen=True)
class DialIn:
    toll_number: str
    conference_id: str


@dataclass(frozen=True)
class Meeting:
    """A meeting as the cards show it, whichever Graph resource it came from."""

    id: str
    kind: str  # ONLINE or EVENT
    subject: str
    start: datetime  # aware
    end: datetime
    join_url: str | None
    organizer_id: str = ""
    organizer_name: str = ""
    attendees: tuple[str, ...] = ()
    dial_in: DialIn | None = None
    cancelled: bool = False
    created: bool = True  # False when Graph returned an existing meeting (idempotent replay)
    #: Graph answered isOnlineMeeting false although a Teams link was asked for (a real-tenant
    #: behaviour: microsoft-graph-docs #9741): the event exists, without a way to join.
    link_refused: bool = False
    is_organizer: bool = True  # calendarView also returns events the user only attends
    occurrence: bool = False  # one occurrence (or exception) of a recurring series
    calendar_copy_id: str = ""  # a standalone meeting's "Add to calendar" event, once added

    def keeping_details_of(self, before: Meeting) -> Meeting:
        """This meeting as Graph returned it, with what Graph leaves out taken from `before`
        (an online meeting's organizer name, the calendar copy): a PATCH answer is not all."""
        return replace(
            self,
            organizer_name=self.organizer_name or before.organizer_name,
            attendees=self.attendees or before.attendees,
            dial_in=self.dial_in or before.dial_in,
            calendar_copy_id=self.calendar_copy_id or before.calendar_copy_id,
        )


def idempotency_key(conversation_id: str, activity_id: str, purpose: str = "") -> str:
    """Same conversation + activity (a redelivery, a second click) gives the same key."""
    text = f"{conversation_id}\n{activity_id}\n{purpose}"
    return f"meetingbot-{hashlib.sha256(text.encode()).hexdigest()[:40]}"
