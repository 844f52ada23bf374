"""A group chat votes on a time: the poll card, each member's votes, and the one booking.

The poll offers the times free for the most people (bot/meetings/planning.py). Every member
sees their own card (Universal Actions refresh); a vote toggles one time for the voter. The
time with the most votes (the earliest of equals) is booked by the poll's creator with one tap,
or by itself once every member has voted — acting for the creator, which only app-only Graph
access allows (with delegated access the creator's tap books it). Votes and the booking live in
the PollStore (the bot's database), so every replica sees them and exactly one books.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.conversation.turn import TurnInfo
from bot.meetings.model import EVENT, Meeting, Person, Requester, idempotency_key
from bot.meetings.planning import find_slots
from bot.meetings.polls import Member, Poll, PollStore
from bot.meetings.service import MeetingNotSaved, MeetingService
from bot.storage import StorageError
from cards import error_card, poll_card
from cards.base import Card
from cards.i18n import translator
from cards.poll import MAX_AUTO_REFRESH

log = logging.getLogger(__name__)

CANDIDATES = 4


@dataclass(frozen=True)
class _Slot:
    """One option of a poll and who voted for it."""

    start: datetime
    end: datetime
    voters: tuple[str, ...]


class PollVerbs:
    def __init__(
        self,
        meetings: MeetingService,
        store: PollStore,
        clock: Callable[[], datetime],
        books_for_creator: bool,
    ) -> None:
        self._meetings = meetings
        self._store = store
        self._clock = clock
        self._auto = books_for_creator

    async def start(
        self,
        turn: TurnInfo,
        subject: str,
        people: Sequence[Person],
        window: tuple[datetime, datetime],
        length: timedelta,
    ) -> Card:
        """A new poll for the chat's members (a redelivered message finds the same poll)."""
        requester = turn.requester
        assert requester is not None
        others = [p for p in people if p.aad_id != requester.user_id]
        search = await find_slots(
            self._meetings, requester, others, window, length, turn.tz, CANDIDATES
        )
        # the roster leaves the sender out; the turn names them (refresh needs their Teams id)
        creator = Member(requester.user_id, turn.sender_id, requester.name, "")
        members = [creator] + [Member(p.aad_id, p.teams_id, p.label, p.email) for p in others]
        poll = Poll(
            poll_id=idempotency_key(turn.conversation_id, turn.activity_id, "poll"),
            tenant_id=requester.tenant_id,
            conversation_id=turn.conversation_id,
            creator=creator,
            subject=subject,
            minutes=int(length.total_seconds() // 60),
            slots=tuple((s.start.isoformat(), s.end.isoformat()) for s in search.choice.slots),
            members=tuple(m for m in members if m.aad_id),
            unreadable=search.choice.unreadable,
            zone=turn.tz.key,
            locale=turn.locale,
        )
        if not poll.slots:
            _ = translator(turn.locale).gettext
            return error_card(
                _("I found no time inside everyone's working hours in that range."),
                _("Try a longer range, for example **next week**."),
                locale=turn.locale,
            )
        poll = await self._store.create_poll(poll)
        return await self._view(await self._store.poll(poll.poll_id) or poll, None, turn)

    async def vote(self, turn: TurnInfo, data: Mapping[str, Any]) -> Card:
        poll, voter = await self._poll(turn, data)
        if poll is None or voter is None:
            return _gone(turn)
        booking = await self._store.booking(poll.poll_id)
        slot = _index(data.get("slot"), len(poll.slots))
        if booking is None and slot is not None:
            mine = (await self._store.votes(poll.poll_id)).get(voter, frozenset())
            await self._store.record_vote(poll.poll_id, voter, slot, slot not in mine)
            votes = await self._store.votes(poll.poll_id)
            if self._auto and all(m.aad_id in votes for m in poll.members):
                await self._book(poll, votes)
        return await self._view(poll, voter, turn)

    async def book(self, turn: TurnInfo, data: Mapping[str, Any]) -> Card:
        poll, voter = await self._poll(turn, data)
        if poll is None or voter is None:
            return _gone(turn)
        if voter != poll.creator.aad_id:
            return await self._view(poll, voter, turn)
        await self._book(poll, await self._store.votes(poll.poll_id))
        return await self._view(poll, voter, turn)

    async def refresh(self, turn: TurnInfo, data: Mapping[str, Any]) -> Card:
        poll, voter = await self._poll(turn, data)
        if poll is None:
            return _gone(turn)
        return await self._view(poll, voter, turn)

    async def _poll(
        self, turn: TurnInfo, data: Mapping[str, Any]
    ) -> tuple[Poll | None, str | None]:
        poll = await self._store.poll(str(data.get("poll") or ""))
        if poll is None or turn.requester is None or poll.tenant_id != turn.requester.tenant_id:
            return None, None
        return poll, turn.requester.user_id

    async def _book(self, poll: Poll, votes: Mapping[str, frozenset[int]]) -> None:
        """Claim the booking (exactly one caller wins), then create the event as the creator."""
        winner = _winner(len(poll.slots), votes)
        if not await self._store.close_poll(poll.poll_id, winner):
            return
        creator = Requester(poll.creator.aad_id, poll.tenant_id, poll.creator.name)
        start, end = (datetime.fromisoformat(t) for t in poll.slots[winner])
        people = [Person(m.email, m.name) for m in poll.members if m.email]
        try:
            meeting = await self._meetings.schedule_event(
                creator,
                poll.subject or translator(poll.locale).gettext("Team meeting"),
                start,
                end,
                people,
                ZoneInfo(poll.zone),
                idempotency_key(poll.poll_id, "book"),
            )
        except MeetingNotSaved as not_saved:  # Graph has the event: the poll is booked anyway
            with suppress(MeetingNotSaved):
                await self._booked(poll, not_saved.meeting)
            raise
        except Exception:
            await self._reopen(poll)
            raise
        await self._booked(poll, meeting)

    async def _booked(self, poll: Poll, meeting: Meeting) -> None:
        """Record the event on the poll. It exists, so a storage failure here says so (the
        card shows the meeting and its join link), never "nothing was created"."""
        try:
            await self._store.set_booked(poll.poll_id, _meeting_doc(meeting))
        except StorageError as error:
            log.error(
                "Poll %s booked event %s but could not record it: %s",
                poll.poll_id,
                meeting.id,
                error,
            )
            raise MeetingNotSaved(meeting, error) from error

    async def _reopen(self, poll: Poll) -> None:
        """Nothing was booked: free the claim. If storage fails too, the booking's own failure
        is what the user reads; the claim stays (logged)."""
        try:
            await self._store.reopen(poll.poll_id)
        except StorageError as error:
            log.error(
                "Poll %s could not be reopened after a failed booking: %s", poll.poll_id, error
            )

    async def _view(self, poll: Poll, viewer: str | None, turn: TurnInfo) -> Card:
        votes = await self._store.votes(poll.poll_id)
        booking = await self._store.booking(poll.poll_id)
        names = {m.aad_id: m.name for m in poll.members}
        someone = translator(turn.locale).gettext("someone")
        slots = [
            _Slot(
                datetime.fromisoformat(start),
                datetime.fromisoformat(end),
                tuple(names.get(user, someone) for user, chosen in votes.items() if i in chosen),
            )
            for i, (start, end) in enumerate(poll.slots)
        ]
        ids = [m.teams_id for m in poll.members if m.teams_id]
        booked = booking.meeting if booking is not None else None
        return poll_card(
            poll.poll_id,
            poll.subject,
            timedelta(minutes=poll.minutes),
            slots,
            turn.tz,
            turn.locale,
            mine=votes.get(viewer or "", frozenset()),
            waiting=[m.name for m in poll.members if m.aad_id not in votes],
            refresh_ids=ids if len(poll.members) <= MAX_AUTO_REFRESH else None,
            creator=poll.creator.name,
            is_creator=viewer == poll.creator.aad_id and booking is None,
            unreadable=poll.unreadable,
            booked=_meeting(booked) if booked else None,
        )


def _index(value: Any, count: int) -> int | None:
    try:
        index = int(str(value))
    except ValueError:
        return None
    return index if 0 <= index < count else None


def _winner(count: int, votes: Mapping[str, frozenset[int]]) -> int:
    """Most votes; the earliest of equals (the slots are earliest first)."""
    tally = [sum(1 for chosen in votes.values() if i in chosen) for i in range(count)]
    return max(range(count), key=lambda i: (tally[i], -i))


def _meeting_doc(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "subject": meeting.subject,
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat(),
        "join_url": meeting.join_url,
    }


def _meeting(doc: Mapping[str, Any]) -> Meeting:
    return Meeting(
        id=str(doc["id"]),
        kind=EVENT,
        subject=str(doc.get("subject") or ""),
        start=datetime.fromisoformat(str(doc["start"])),
        end=datetime.fromisoformat(str(doc["end"])),
        join_url=doc.get("join_url"),
    )


def _gone(turn: TurnInfo) -> Card:
    _ = translator(turn.locale).gettext
    todo = _("Ask me to **find a time** again.")
    return error_card(_("I can't find that poll any more."), todo, locale=turn.locale)
