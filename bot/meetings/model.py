"""The bot's own view of meetings and people (Graph's shapes are read in graph_docs.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

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
    """An attendee with what invitations need: an e-mail address; and, when the chat roster
    knows them, their Entra object id and Teams id (a poll's voters, a meeting's attendees)."""

    email: str
    name: str = ""
    aad_id: str = ""
    teams_id: str = ""

    @property
    def label(self) -> str:
        return self.name or self.email


@dataclass(frozen=True)
class DialIn:
    """A meeting's phone dial-in: the toll number and the conference id."""

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
    series_id: str = ""  # an occurrence's series master (the id the bot keeps)
    recurrence: Mapping[str, Any] | None = None  # Graph's patternedRecurrence of a series
    options: Mapping[str, Any] | None = None  # the meeting options in force, Graph's names
    outsiders: tuple[str, ...] = ()  # attendees from outside the organizer's organisation
    organizer_email: str = ""  # an event's organizer address, as Graph answers it
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
