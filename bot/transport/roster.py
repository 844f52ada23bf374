"""The conversation's members as the Bot Connector knows them (with e-mail addresses).

The SDK's Teams client is imported at the first read, when a turn names people or everyone:
a turn that invites no one never loads it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.meetings.model import Person

if TYPE_CHECKING:
    from botbuilder.core import TurnContext
    from botbuilder.core.teams import TeamsInfo

log = logging.getLogger(__name__)

ROSTER_PAGE = 100
ROSTER_MAX_PAGES = 5


class ConnectorRoster:
    """The conversation.attendees Roster, read through the Bot Connector for one turn."""

    def __init__(self, turn_context: TurnContext) -> None:
        self._context = turn_context

    async def member(self, member_id: str) -> Person | None:
        try:
            account = await _teams_info().get_member(self._context, member_id)
        except Exception as exc:  # the connector answers 404 or fails: the user is told
            log.info("roster lookup of %s failed: %s", member_id, type(exc).__name__)
            return None
        return _person(account)

    async def everyone(self) -> list[Person]:
        """The other members: the sender organizes the meeting, so is not their own attendee."""
        people: list[Person] = []
        token = None
        sender = self._context.activity.from_property
        for _ in range(ROSTER_MAX_PAGES):
            page = await _teams_info().get_paged_members(self._context, token, ROSTER_PAGE)
            others = [m for m in page.members or [] if not _is(m, sender)]
            people.extend(p for p in map(_person, others) if p is not None)
            token = page.continuation_token
            if not token:
                break
        return people


def _teams_info() -> type[TeamsInfo]:
    from botbuilder.core.teams import TeamsInfo as teams_info

    client: type[TeamsInfo] = teams_info  # the SDK is untyped
    return client


def _person(account: Any) -> Person | None:
    email = getattr(account, "email", None) or getattr(account, "user_principal_name", None)
    if not email:
        return None
    return Person(
        email=str(email),
        name=str(account.name or ""),
        aad_id=str(getattr(account, "aad_object_id", None) or ""),
        teams_id=str(getattr(account, "id", None) or ""),
    )


def _is(member: Any, sender: Any) -> bool:
    """The same person: the same Entra object id, or else the same channel account id."""
    if sender is None:
        return False
    aad = getattr(sender, "aad_object_id", None)
    if aad and getattr(member, "aad_object_id", None):
        return bool(str(member.aad_object_id).lower() == str(aad).lower())
    return bool(getattr(member, "id", None) and member.id == getattr(sender, "id", None))
