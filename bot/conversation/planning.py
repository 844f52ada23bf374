"""Finding a time and booking it; meeting options from a card. The words are the cards'.

`find`: a personal chat, or named people, gets the best three slots as buttons; a group chat
or channel asking for everyone (or no one in particular) gets a poll (bot/conversation/polls.py).
A slot's button schedules the meeting with the usual flow and the card becomes the meeting's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from bot.conversation.attendees import resolve_attendees
from bot.conversation.polls import PollVerbs
from bot.conversation.turn import TurnInfo
from bot.conversation.wording import default_subject
from bot.meetings.model import Meeting, Person, Requester, idempotency_key
from bot.meetings.options import BadOption, NoOnlineMeeting
from bot.meetings.planning import find_slots
from bot.meetings.service import MeetingService, TeamsLinkNotAllowed
from bot.parsing import Command
from cards import error_card, meeting_card, slots_card, teams_not_allowed_card
from cards.base import Card
from cards.i18n import translator

GROUPS = ("groupChat", "channel")
SEARCH_DAYS = 7


class Planning:
    def __init__(
        self,
        meetings: MeetingService,
        polls: PollVerbs,
        clock: Callable[[], datetime],
        default_duration: timedelta,
    ) -> None:
        self._meetings = meetings
        self._polls = polls
        self._clock = clock
        self._default = default_duration

    async def find(self, command: Command, turn: TurnInfo) -> Card:
        """Slots to book, or (a group chat asking about everyone) a poll to vote on."""
        assert turn.requester is not None
        group = turn.conversation_type in GROUPS
        everyone = command.everyone or (group and not command.attendees)
        people, problems = await resolve_attendees(
            command.attendees,
            everyone,
            turn.roster,
            turn.mentions,
            directory=self._meetings,
            locale=turn.locale,
        )
        if problems:
            todo = translator(turn.locale).gettext("Write their e-mail address instead.")
            return error_card(" ".join(problems), todo, locale=turn.locale)
        now = self._clock()
        window = (command.start or now, command.end or now + timedelta(days=SEARCH_DAYS))
        length = command.duration or self._default
        if group and everyone:
            return await self._polls.start(turn, command.subject or "", people, window, length)
        others = [p for p in people if p.aad_id != turn.requester.user_id]
        search = await find_slots(self._meetings, turn.requester, others, window, length, turn.tz)
        invited = [p.email for p in search.people if p.aad_id != turn.requester.user_id]
        booking = {"subject": command.subject or "", "attendees": ",".join(invited)}
        return slots_card(
            search.choice.slots,
            turn.tz,
            turn.locale,
            length=length,
            everyone_free=search.choice.everyone_free,
            unreadable=search.choice.unreadable,
            booking=booking,
        )

    async def book_slot(self, turn: TurnInfo, data: Mapping[str, Any]) -> Card:
        """A slot's button: the usual scheduling flow; one meeting per card, however often
        it is pressed (the key is the card's)."""
        _ = translator(turn.locale).gettext
        if turn.requester is None:
            who = _("I can only book for people signed in with a work account.")
            return error_card(who, locale=turn.locale)
        try:
            start = datetime.fromisoformat(str(data.get("start")))
            end = datetime.fromisoformat(str(data.get("end")))
        except ValueError:
            unread = _("That button's time could not be read.")
            return error_card(unread, _("Please ask again."), locale=turn.locale)
        if start.tzinfo is None or end <= start or start < self._clock() - timedelta(minutes=1):
            todo = _("Ask me to **find a time** again.")
            return error_card(_("That time has passed."), todo, locale=turn.locale)
        emails = [e.strip() for e in str(data.get("attendees") or "").split(",") if "@" in e]
        people = [Person(email=e.lower()) for e in emails]
        subject = str(data.get("subject") or "") or default_subject(people, _)
        key = idempotency_key(turn.conversation_id, f"card:{turn.reply_to_id or turn.activity_id}")
        try:
            meeting = await self._meetings.schedule_event(
                turn.requester, subject, start, end, people, turn.tz, key
            )
        except TeamsLinkNotAllowed:
            return teams_not_allowed_card(subject, start, end, locale=turn.locale)
        return meeting_card(meeting, turn.tz, turn.locale)

    async def set_options(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Mapping[str, Any]
    ) -> Card:
        """ "Save options" on a meeting card: PATCH the Teams meeting, show what is in force."""
        wanted: dict[str, Any] = {
            "lobby": data.get("lobby") or None,
            "presenters": data.get("presenters") or None,
            "chat": data.get("chat") or None,
        }
        if "record" in data:
            wanted["record"] = str(data["record"]).lower() == "true"
        _ = translator(turn.locale).gettext
        try:
            updated = await self._meetings.apply_options(who, meeting, wanted)
        except BadOption:
            notice = _("Those options are not ones Teams has.")
            return meeting_card(meeting, turn.tz, turn.locale, notice=notice)
        except NoOnlineMeeting:
            notice = _("Teams has no meeting behind this event yet.")
            return meeting_card(meeting, turn.tz, turn.locale, notice=notice)
        return meeting_card(updated, turn.tz, turn.locale, notice=_("Meeting options saved."))
