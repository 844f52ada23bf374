"""Who the attendees are: e-mails as typed, people picked in the form through Graph's user
directory, @mentions and `everyone` through the chat roster.

Mentions carry a Teams user id but no e-mail address; the Bot Connector's roster has it. The
people picker gives Entra object ids of anyone in the organization, most of them not in the
chat (in a personal chat only the user is), so the directory comes first for those and the
roster only as a fallback. The protocols keep Bot Framework and Graph out of this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.meetings.model import Person
from bot.parsing import Mention
from cards.i18n import translator


class Roster(Protocol):
    async def member(self, member_id: str) -> Person | None: ...
    async def everyone(self) -> list[Person]: ...


class Directory(Protocol):
    async def person(self, user_id: str) -> Person | None: ...


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
    directory: Directory | None = None,
    *,
    locale: str,
) -> tuple[list[Person], list[str]]:
    """(people to invite, problems to tell the user in their language), in the order given,
    de-duplicated."""
    _ = translator(locale).gettext
    people: list[Person] = []
    problems: list[str] = []
    for item in attendees:
        if "@" in item and not item.startswith(("29:", "8:")):
            people.append(Person(email=item.lower()))
            continue
        person = await _look_up(item, roster, directory)
        if person is None or not person.email:
            name = next((m.name for m in mentions if m.id == item), None)
            if name:
                found = _("I could not find an e-mail address for {name}.")
                problems.append(found.format(name=name))
            elif person and person.name:  # picked in the form
                missing = _("I could not find {name} in your organization's directory.")
                problems.append(missing.format(name=person.name))
            else:
                problems.append(
                    _("I could not find someone you picked in your organization's directory.")
                )
        else:
            people.append(person)
    if everyone:
        people.extend(await roster.everyone())
    return _unique(people, exclude_email), problems


async def _look_up(item: str, roster: Roster, directory: Directory | None) -> Person | None:
    """A picked person (Entra object id) from the directory, else the chat roster; a Teams
    user id (29:..., from an @mention) from the roster."""
    if directory is not None and not item.startswith(("29:", "8:")):
        found = await directory.person(item)
        if found is not None:
            return found
    return await roster.member(item)


def _unique(people: Sequence[Person], exclude_email: str) -> list[Person]:
    seen = {exclude_email.lower()} if exclude_email else set()
    unique = []
    for person in people:
        key = person.email.lower()
        if key not in seen:
            seen.add(key)
            unique.append(person)
    return unique
