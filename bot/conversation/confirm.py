"""Honest when unsure: a reading that involved a choice is said back on a confirmation card
before anything is created. Its buttons carry the reading itself, so Create does exactly what
the card showed (idempotent on the card, like every button) and Change pre-fills the form.
They also name who asked: in a group chat, only they can create it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from bot.conversation.turn import TurnInfo
from bot.meetings.recurrence_docs import patterned
from bot.parsing import Command, CommandKind, MeetingOptions, Recurrence
from bot.parsing.zones import tzinfo_for
from cards import Reading, confirm_card, error_card, notice_card, schedule_form
from cards.base import Card
from cards.confirm import NOW
from cards.i18n import translator
from cards.view import EVENT, ONLINE

#: What an unsure reading of each creating command becomes once confirmed.
CREATES = {CommandKind.MEET_NOW: NOW, CommandKind.MEETING: ONLINE, CommandKind.SCHEDULE: EVENT}
LONGEST = timedelta(hours=24)


def confirmation(command: Command, turn: TurnInfo) -> Card:
    """The card that says back an unsure `command` (its kind is in CREATES, its times set)."""
    assert command.start is not None
    assert command.end is not None
    assert command.confirm
    _ = translator(turn.locale).gettext
    kind = CREATES[command.kind]
    default = _("Meeting") if kind == EVENT else _("Teams meeting")
    names = {m.id: m.name for m in turn.mentions}
    reading = Reading(
        kind=kind,
        subject=command.subject or default,
        start=command.start,
        end=command.end,
        attendees=tuple(names.get(a, a) for a in command.attendees)
        + ((_("everyone in this chat"),) if command.everyone else ()),
        named_zone=tzinfo_for(command.zone) if command.zone else None,
        recurrence=patterned(command.recurrence, turn.tz) if command.recurrence else None,
    )
    asker = turn.requester.user_id if turn.requester else ""
    return confirm_card(reading, command.confirm, turn.tz, turn.locale, payload(command, asker))


def payload(command: Command, asker: str) -> dict[str, Any]:
    """The reading as button data (JSON), and the Entra id of who asked."""
    assert command.start is not None
    assert command.end is not None
    return {
        "asker": asker,
        "command": command.kind.value,
        "subject": command.subject or "",
        "start": command.start.isoformat(),
        "end": command.end.isoformat(),
        "attendees": list(command.attendees),
        "everyone": command.everyone,
        "zone": command.zone or "",
        "recurrence": command.recurrence.as_dict() if command.recurrence else None,
        "options": command.options.as_dict(),
    }


def asked_by(data: Mapping[str, Any], turn: TurnInfo) -> bool:
    """Whether the turn's sender is who asked for the reading the button carries."""
    return turn.requester is not None and data.get("asker") == turn.requester.user_id


def confirmed(data: Mapping[str, Any], now: datetime) -> Command | None:
    """The reading a Create button carries, now sure; None when the data is not one. "meet
    now" starts when Create is pressed, for as long as it was read."""
    try:
        kind = CommandKind(str(data.get("command", "")))
        start = datetime.fromisoformat(str(data.get("start")))
        end = datetime.fromisoformat(str(data.get("end")))
    except ValueError:
        return None
    length = end - start
    if kind not in CREATES or start.tzinfo is None or not timedelta(0) < length <= LONGEST:
        return None
    if kind is CommandKind.MEET_NOW:
        start, end = now, now + length
    attendees = data.get("attendees")
    return Command(
        kind,
        subject=str(data.get("subject") or "") or None,
        start=start,
        end=end,
        attendees=tuple(str(a) for a in attendees) if isinstance(attendees, list) else (),
        everyone=data.get("everyone") is True,
        zone=_zone(data.get("zone")),
        recurrence=Recurrence.from_dict(data.get("recurrence")),
        options=MeetingOptions.from_dict(data.get("options")),
    )


def change(turn: TurnInfo, data: Mapping[str, Any], now: datetime) -> Card:
    """Change: the scheduling form with what was read, for the asker to correct."""
    if not asked_by(data, turn):
        return not_asker(turn)
    command = confirmed(data, now)
    values = form_values(command, turn) if command is not None else None
    if values is None:  # "meet now" has no time to correct: type it again
        _ = translator(turn.locale).gettext
        again = _("Type the command again the way you meant it, for example **{example}**.")
        title, example = _("Type it again"), _("meet now Design sync")
        return notice_card(title, again.format(example=example))
    return schedule_form(values, locale=turn.locale)


def form_values(command: Command, turn: TurnInfo) -> dict[str, str] | None:
    """The scheduling form's inputs for a confirmed reading, in the viewer's zone; None for
    "meet now", which has no time to correct (the viewer types it again)."""
    if command.kind is CommandKind.MEET_NOW or command.start is None or command.end is None:
        return None
    start = command.start.astimezone(turn.tz)
    return {
        "subject": command.subject or "",
        "date": start.strftime("%Y-%m-%d"),
        "time": start.strftime("%H:%M"),
        "duration": str(int((command.end - command.start).total_seconds() // 60)),
        "attendees": ",".join(command.attendees),
        "invite": "event" if command.kind is CommandKind.SCHEDULE else "link",
    }


def _zone(value: Any) -> str | None:
    """A zone name from button data, if it is one (else the card simply shows one zone)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        tzinfo_for(value)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return value


def not_asker(turn: TurnInfo) -> Card:
    _ = translator(turn.locale).gettext
    return error_card(
        _("Only the person who asked for this meeting can create or change it."),
        _("To make one of your own, type the command yourself."),
        locale=turn.locale,
    )


def unreadable(turn: TurnInfo) -> Card:
    _ = translator(turn.locale).gettext
    return error_card(
        _("That button's time could not be read."),
        _("Please type the command."),
        locale=turn.locale,
    )
