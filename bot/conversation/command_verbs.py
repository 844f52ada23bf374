"""Buttons that run a command: a suggestion's text, the schedule form, a confirmation card's
Yes or its correction, "Create a Teams meeting" for a time, and a list's next page."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.conversation.attendees import resolve_attendees
from bot.conversation.commands import NO_ACCOUNT, CommandRunner
from bot.conversation.confirm import asked_by, change, confirmed, not_asker, unreadable
from bot.conversation.forms import FormError, parse_form
from bot.conversation.presses import same_card
from bot.conversation.turn import TurnInfo
from bot.parsing import Command, CommandKind
from cards import error_card, schedule_form
from cards.base import Card
from cards.i18n import translator

Data = Mapping[str, Any]


class CommandVerbs:
    """The handlers of the buttons that end in a command run as if it had been typed."""

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    async def run(self, turn: TurnInfo, data: Data) -> Card:
        text = data.get("text")
        if not isinstance(text, str):
            _ = translator(turn.locale).gettext
            return error_card(_("That button carried no command."), locale=turn.locale)
        return await self._runner.handle_text(turn.with_text(text))

    async def open_form(self, turn: TurnInfo, data: Data) -> Card:
        return schedule_form(locale=turn.locale)

    async def submit_form(self, turn: TurnInfo, data: Data) -> Card:
        _ = translator(turn.locale).gettext
        values = {k: str(v) for k, v in data.items() if k not in ("action", "locale")}
        try:
            form = parse_form(values, turn.tz, self._runner.clock())
        except FormError as exc:
            return schedule_form(values, exc.words(_), locale=turn.locale)
        if turn.requester is None:
            return error_card(_(NO_ACCOUNT), locale=turn.locale)
        people, problems = await resolve_attendees(
            form.attendees, False, turn.roster, directory=self._runner.meetings, locale=turn.locale
        )
        if problems:  # name who could not be found beside the field; keep everything typed
            errors = {"attendees": " ".join(problems)}
            return schedule_form(values, errors, locale=turn.locale)
        end = form.start + form.duration
        on_card = same_card(turn)
        if not form.invite:
            command = Command(CommandKind.MEETING, form.subject, form.start, end)
            return await self._runner.run(command, on_card)
        command = Command(CommandKind.SCHEDULE, form.subject, form.start, end)
        return await self._runner.guarded(
            on_card, "schedule", lambda: self._runner.schedule_with(command, on_card, people)
        )

    async def create_standalone(self, turn: TurnInfo, data: Data) -> Card:
        try:
            start = datetime.fromisoformat(str(data.get("start")))
            end = datetime.fromisoformat(str(data.get("end")))
        except ValueError:
            return unreadable(turn)
        subject = str(data.get("subject") or translator(turn.locale).gettext("Teams meeting"))
        command = Command(CommandKind.MEETING, subject, start, end)
        return await self._runner.run(command, same_card(turn))

    # --- a confirmation card: do what an unsure request was read as, or correct it ----------

    async def confirm(self, turn: TurnInfo, data: Data) -> Card:
        command = confirmed(data, self._runner.clock())
        if command is None or not asked_by(data, turn):
            return unreadable(turn) if command is None else not_asker(turn)
        return await self._runner.run(command, same_card(turn))

    async def change(self, turn: TurnInfo, data: Data) -> Card:
        return change(turn, data, self._runner.clock())

    async def list_page(self, turn: TurnInfo, data: Data) -> Card:
        """A list's "More" or "Back to the first": that page of the list, read afresh."""
        return await self._runner.lists.page(turn, data, self._runner)
