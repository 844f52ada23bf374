"""Card buttons: each Verb (cards/verbs.py) beside its handler, dispatched by one lookup.

The acting user is always the turn's sender; ids in card data only name a meeting, and
`MeetingService.owned` checks it is the sender's own before anything changes. A replayed click
or invoke finds the work already done (action keys, Graph idempotency) and changes nothing; a
press whose Graph call failed releases its action key, so the same press can be retried.
A button whose data names a locale (a card answered in the language of its text) is answered
in that language.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.conversation.activity import known_locale
from bot.conversation.commands import NO_ACCOUNT, CommandRunner, cancel_note
from bot.conversation.confirm import asked_by, confirmed, form_values, not_asker, unreadable
from bot.conversation.failures import not_yours
from bot.conversation.forms import FormError, parse_form, parse_reschedule
from bot.conversation.turn import TurnInfo
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.service import NotBotMeeting, TeamsLinkNotAllowed
from bot.parsing import Command, CommandKind
from bot.storage import ActionClaims
from cards import Verb, error_card, meeting_card, notice_card, schedule_form
from cards.actions import in_language
from cards.base import Card
from cards.i18n import translator

log = logging.getLogger(__name__)

Data = Mapping[str, Any]
Handler = Callable[[TurnInfo, Data], Awaitable[Card]]
MeetingHandler = Callable[[TurnInfo, Requester, Meeting, Data], Awaitable[Card]]


class CardVerbs:
    """The handler of every Verb; `handle` answers a pressed button with a card."""

    def __init__(self, runner: CommandRunner, storage: ActionClaims) -> None:
        self._runner = runner
        self._meetings = runner.meetings
        self._storage = storage
        on_meeting = self._on_meeting
        self._handlers: dict[Verb, Handler] = {
            Verb.RUN: self._run,
            Verb.OPEN_FORM: self._open_form,
            Verb.SUBMIT_FORM: self._submit_form,
            Verb.SHOW: on_meeting(self._show),
            Verb.ASK_CANCEL: on_meeting(self._ask_cancel),
            Verb.CANCEL: on_meeting(self._cancel),
            Verb.RESCHEDULE: on_meeting(self._reschedule),
            Verb.ADD_TO_CALENDAR: on_meeting(self._add_to_calendar),
            Verb.MAKE_ONLINE: self._make_online,
            Verb.CREATE_STANDALONE: self._create_standalone,
            Verb.CONFIRM: self._confirm,
            Verb.CHANGE: self._change,
        }

    async def handle(self, turn: TurnInfo, data: Data) -> Card:
        locale = data.get("locale")
        if isinstance(locale, str) and known_locale(locale) and locale != turn.locale:
            return in_language(await self._handle(replace(turn, locale=locale), data), locale)
        return await self._handle(turn, data)

    async def _handle(self, turn: TurnInfo, data: Data) -> Card:
        try:
            handler = self._handlers[Verb(str(data.get("action", "")))]
        except ValueError:
            _ = translator(turn.locale).gettext
            return error_card(
                _("That button is not one I know."),
                _("Type **help** to start over."),
                locale=turn.locale,
            )
        return await handler(turn, data)

    def _on_meeting(self, handler: MeetingHandler) -> Handler:
        """The button names one of the sender's own meetings: look it up once, or refuse."""

        async def owned(turn: TurnInfo, data: Data) -> Card:
            kind, graph_id = str(data.get("kind", "")), str(data.get("id", ""))
            if turn.requester is None or kind not in (ONLINE, EVENT) or not graph_id:
                return not_yours(turn)
            try:
                meeting = await self._meetings.owned(turn.requester, kind, graph_id)
            except NotBotMeeting:
                return not_yours(turn)
            return await handler(turn, turn.requester, meeting, data)

        return owned

    async def _once(
        self, turn: TurnInfo, what: str, data: Data, work: Callable[[], Awaitable[Card]]
    ) -> Card | None:
        """`work`'s card the first time this user presses this button with these inputs, or
        None when it was pressed before. A failed press releases its claim, so it can be
        retried (the database holds the claim: a press on another replica counts too)."""
        assert turn.requester is not None
        key = _action_key(turn.requester, data)
        if not await self._storage.claim_action(key):
            return None

        async def claimed() -> Card:
            try:
                return await work()
            except Exception:
                await self._release(key)
                raise

        return await self._runner.guarded(turn, what, claimed)

    async def _release(self, key: str) -> None:
        try:
            await self._storage.release_action(key)
        except Exception:  # the press stays claimed; the user is told about the first failure
            log.exception("Could not release card action %s after its failure", key[:12])

    # --- buttons that run commands ---------------------------------------------------------

    async def _run(self, turn: TurnInfo, data: Data) -> Card:
        text = data.get("text")
        if not isinstance(text, str):
            _ = translator(turn.locale).gettext
            return error_card(_("That button carried no command."), locale=turn.locale)
        return await self._runner.handle_text(turn.with_text(text))

    async def _open_form(self, turn: TurnInfo, data: Data) -> Card:
        return schedule_form(locale=turn.locale)

    async def _submit_form(self, turn: TurnInfo, data: Data) -> Card:
        _ = translator(turn.locale).gettext
        values = {k: str(v) for k, v in data.items() if k not in ("action", "locale")}
        try:
            form = parse_form(values, turn.tz, self._runner.clock())
        except FormError as exc:
            return schedule_form(values, exc.words(_), locale=turn.locale)
        if turn.requester is None:
            return error_card(_(NO_ACCOUNT), locale=turn.locale)
        kind = CommandKind.SCHEDULE if form.invite else CommandKind.MEETING
        command = Command(
            kind, form.subject, form.start, form.start + form.duration, attendees=form.attendees
        )
        return await self._runner.run(command, _same_card(turn))

    async def _create_standalone(self, turn: TurnInfo, data: Data) -> Card:
        _ = translator(turn.locale).gettext
        try:
            start = datetime.fromisoformat(str(data.get("start")))
            end = datetime.fromisoformat(str(data.get("end")))
        except ValueError:
            return unreadable(turn)
        subject = str(data.get("subject") or _("Teams meeting"))
        command = Command(CommandKind.MEETING, subject, start, end)
        return await self._runner.run(command, _same_card(turn))

    # --- a confirmation card: do what an unsure request was read as, or correct it ----------

    async def _confirm(self, turn: TurnInfo, data: Data) -> Card:
        command = confirmed(data, self._runner.clock())
        if command is None:
            return unreadable(turn)
        if not asked_by(data, turn):
            return not_asker(turn)
        return await self._runner.run(command, _same_card(turn))

    async def _change(self, turn: TurnInfo, data: Data) -> Card:
        if not asked_by(data, turn):
            return not_asker(turn)
        command = confirmed(data, self._runner.clock())
        values = form_values(command, turn) if command is not None else None
        if values is None:  # "meet now" has no time to correct: type it again
            _ = translator(turn.locale).gettext
            again = _("Type the command again the way you meant it, for example **{example}**.")
            title, example = _("Type it again"), _("meet now Design sync")
            return notice_card(title, again.format(example=example))
        return schedule_form(values, locale=turn.locale)

    # --- buttons on a meeting card: ask to cancel, cancel, keep, move, add to calendar ------

    async def _show(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        return meeting_card(meeting, turn.tz, turn.locale)

    async def _ask_cancel(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        return meeting_card(meeting, turn.tz, turn.locale, confirm_cancel=not meeting.cancelled)

    async def _cancel(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        if meeting.cancelled:  # a double click or a redelivered invoke
            return meeting_card(meeting, turn.tz, turn.locale)

        async def cancel() -> Card:
            done = await self._meetings.cancel(who, meeting, cancel_note(turn))
            return meeting_card(done, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "cancel", cancel)

    async def _reschedule(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        try:
            start, end = parse_reschedule(data, turn.tz, self._runner.clock())
        except FormError as exc:
            notice = "; ".join(exc.words(translator(turn.locale).gettext).values())
            return meeting_card(meeting, turn.tz, turn.locale, notice=notice)
        if (start, end) == (meeting.start, meeting.end):
            return meeting_card(meeting, turn.tz, turn.locale)

        async def move() -> Card:
            moved = await self._meetings.reschedule(who, meeting, start, end, turn.tz)
            return meeting_card(moved, turn.tz, turn.locale)

        done = await self._once(turn, "reschedule", data, move)
        return done if done is not None else meeting_card(meeting, turn.tz, turn.locale)

    async def _add_to_calendar(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != ONLINE:
            return not_yours(turn)
        _ = translator(turn.locale).gettext

        async def add() -> Card:
            words = (_("Microsoft Teams meeting"), _("Join the meeting now"))
            await self._meetings.add_to_calendar(who, meeting, turn.tz, words)
            notice = _("Added to your calendar, with the same join link.")
            return meeting_card(meeting, turn.tz, turn.locale, notice=notice)

        return await self._runner.guarded(turn, "add to calendar", add)

    # --- an event the bot did not create ---------------------------------------------------

    async def _make_online(self, turn: TurnInfo, data: Data) -> Card:
        _ = translator(turn.locale).gettext
        if turn.requester is None:
            return error_card(_(NO_ACCOUNT), locale=turn.locale)
        requester, event_id = turn.requester, str(data.get("id", ""))

        async def make_online() -> Card:
            try:
                meeting = await self._meetings.make_online(requester, event_id, turn.tz)
            except TeamsLinkNotAllowed:
                return error_card(
                    _(
                        "Your calendar does not allow Teams meetings, so I could not "
                        "add a Teams link to this event."
                    ),
                    _("Ask your admin to allow Teams meetings in Outlook."),
                    locale=turn.locale,
                )
            return meeting_card(meeting, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "make online", make_online)


def _action_key(requester: Requester, data: Data) -> str:
    payload = json.dumps(
        [requester.tenant_id, requester.user_id, dict(data)], sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _same_card(turn: TurnInfo) -> TurnInfo:
    """Key idempotency on the card pressed, so a double click creates one meeting, not two."""
    if not turn.reply_to_id:
        return turn
    return replace(turn, activity_id=f"card:{turn.reply_to_id}")
