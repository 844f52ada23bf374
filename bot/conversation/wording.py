"""Words a command's answer is built from: the note cancelled attendees read, how an unsure
request was read, and the subject of a meeting asked for without one."""

from __future__ import annotations

from collections.abc import Sequence

from bot.conversation.turn import TurnInfo
from bot.meetings.model import Person
from bot.parsing import Command
from cards.i18n import Words, translator


def cancel_note(turn: TurnInfo) -> str:
    """What the attendees of a cancelled event read, in the organizer's language."""
    _ = translator(turn.locale).gettext
    who = turn.requester.name if turn.requester and turn.requester.name else _("The organizer")
    return _("{who} cancelled this meeting in Microsoft Teams.").format(who=who)


def read_as(command: Command, _: Words) -> str | None:
    """How an unsure request was read, for the card that answers it without acting."""
    return _("Please check: {reason}").format(reason=command.confirm) if command.confirm else None


def default_subject(people: Sequence[Person], _: Words) -> str:
    """`schedule a call with ann@x.com tomorrow` has no subject: "Meeting with Ann"."""
    if not people:
        # TRANSLATORS: the subject of a meeting the request gave none
        return _("Meeting")
    first = people[0].name or people[0].email.split("@")[0].replace(".", " ").title()
    if len(people) > 1:
        return _("Meeting with {name} and others").format(name=first)
    return _("Meeting with {name}").format(name=first)
