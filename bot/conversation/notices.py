"""The commands that set what the bot sends by itself: `remind me 5 min before`,
`reminders off` / `on`, `agenda daily at 8:30`, `agenda off`. Each saves the user's preference
(with their zone and language, for cards posted when they are not typing) and says what will
happen, in their language (cards.i18n)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from bot.conversation.turn import TurnInfo
from bot.meetings.agenda import DailyAgenda
from bot.meetings.model import Requester
from bot.meetings.reminders import Reminders
from bot.parsing import Command, CommandKind
from bot.storage import MeetingRows, PreferenceRows, Preferences
from cards.base import Card
from cards.i18n import translator
from cards.reminder import clock_time, setting_card

NOTICE_KINDS = frozenset(
    {
        CommandKind.REMIND,
        CommandKind.REMINDERS_OFF,
        CommandKind.REMINDERS_ON,
        CommandKind.AGENDA_DAILY,
        CommandKind.AGENDA_OFF,
    }
)


class NoticeRows(PreferenceRows, MeetingRows, Protocol):
    pass


class NoticeSettings:
    def __init__(
        self,
        store: NoticeRows,
        reminders: Reminders,
        agenda: DailyAgenda,
        clock: Callable[[], datetime],
    ) -> None:
        self._store = store
        self.reminders = reminders
        self._agenda = agenda
        self._clock = clock

    async def run(self, command: Command, turn: TurnInfo, who: Requester) -> Card:
        _ = translator(turn.locale).gettext
        prefs = await self._store.preferences(who.tenant_id, who.user_id)
        prefs = replace(prefs, zone=turn.tz.key, locale=turn.locale)
        kind = command.kind
        if kind is CommandKind.AGENDA_DAILY and command.at:
            await self._save(who, replace(prefs, agenda_at=command.at))
            due = await self._agenda.schedule(who, command.at, turn.tz)
            shown = clock_time(due, turn.tz, turn.locale)
            every = _("Every weekday at {time} ({zone}) I'll send you the day's meetings.")
            return setting_card(every.format(time=shown, zone=turn.tz.key))
        if kind is CommandKind.AGENDA_OFF:
            await self._save(who, replace(prefs, agenda_at=None))
            return setting_card(_("The daily agenda is off."))
        if kind is CommandKind.REMINDERS_OFF:
            await self._save(who, replace(prefs, reminders_on=False))
            return setting_card(_("Reminders are off. Type **reminders on** to turn them back on."))
        if kind is CommandKind.REMIND and command.minutes:
            prefs = replace(prefs, reminder_minutes=command.minutes, reminders_on=True)
            await self._save(who, prefs)
            upcoming = await self._store.upcoming(who.tenant_id, who.user_id, self._clock())
            await self.reminders.retime(who, upcoming)
            before = _("I'll remind you {minutes} min before each meeting I create for you.")
            return setting_card(before.format(minutes=command.minutes))
        await self._save(who, replace(prefs, reminders_on=True))
        lead = await self.reminders.lead(who.tenant_id, who.user_id)
        minutes = int(lead.total_seconds() // 60) if lead else 0
        on = _("Reminders are on: {minutes} min before each meeting I create for you.")
        return setting_card(on.format(minutes=minutes))

    async def _save(self, who: Requester, prefs: Preferences) -> None:
        await self._store.save_preferences(who.tenant_id, who.user_id, prefs)
