"""Who the attendees are: e-mails as typed, @mentions and `everyone` through the chat roster.

Mentions carry a Teams user id but no e-mail address; the Bot Connector's roster has it.
The Roster protocol keeps Bot Framework out of this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.meetings.model import Person
from bot.parsing import Mention


class Roster(Protocol):
    async def member(self, member_id: str) -> Person | None: ...
    async def everyone(self) -> list[Person]: ...  # the conversation's members but the sender


class NoRoster:
    """For turns without a conversation roster (tests of pure logic, other channels)."""

    async def member(self, member_id: str) -> Person | None:
        return None

    async def everyone(self) -> list[Person]:
        return []


async def resolve_attendees(
    attendees: Sequence[str],
    everyone: bool,
    roster: Roster,
    mentions: Sequence[Mention] = (),
    exclude_email: str = "",
) -> tuple[list[Person], list[str]]:
    """(people to invite, problems to tell the user), in the order given, de-duplicated."""
    people: list[Person] = []
    problems: list[str] = []
    for item in attendees:
        if "@" in item and not item.startswith(("29:", "8:")):
            people.append(Person(email=item.lower()))
            continue
        person = await roster.member(item)
        if person is None or not person.email:
            name = next((m.name for m in mentions if m.id == item), None)
            if name:
                problems.append(f"I could not find an e-mail address for {name}.")
            else:  # picked in the form: the roster only knows this conversation's members
                problems.append(
                    "I could not find the e-mail address of someone you picked: I can only look "
                    "up people who are in this chat."
                )
        else:
            people.append(person)
    if everyone:
        people.extend(await roster.everyone())
    return _unique(people, exclude_email), problems


def _unique(people: Sequence[Person], exclude_email: str) -> list[Person]:
    seen = {exclude_email.lower()} if exclude_email else set()
    unique = []
    for person in people:
        key = person.email.lower()
        if key not in seen:
            seen.add(key)
            unique.append(person)
    return unique
