"""Meeting options: the values the bot sends, and the online meeting a calendar event has.

The options are Graph's onlineMeeting properties ("Update onlineMeeting"): who bypasses the
lobby (lobbyBypassSettings.scope), who may present (allowedPresenters), recordAutomatically
and allowMeetingChat. Only their documented values are sent; anything else a card carries is
refused before Graph is called. A calendar event's meeting is found by its join link
(`$filter=JoinWebUrl`), then updated by its id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from bot.graph.errors import GraphError
from bot.meetings.graph_api import GraphApi
from bot.meetings.graph_docs import options_of
from bot.meetings.model import EVENT, Meeting, Person, Requester
from bot.meetings.organizer import Organizer

JSON = dict[str, Any]

LOBBY = ("everyone", "organization", "organizationAndFederated", "invited", "organizer")
PRESENTERS = ("everyone", "organization", "roleIsPresenter", "organizer")
CHAT = ("enabled", "limited", "disabled")


class BadOption(ValueError):
    """A value that is not one of Graph's for that option."""


class NoOnlineMeeting(Exception):
    """The event has no Teams meeting Graph can find by its join link."""


def checked(options: Mapping[str, Any]) -> dict[str, Any]:
    """Only the options given, each one of its documented values (BadOption otherwise)."""
    found: dict[str, Any] = {}
    for name, allowed in (("lobby", LOBBY), ("presenters", PRESENTERS), ("chat", CHAT)):
        value = options.get(name)
        if value is None:
            continue
        if value not in allowed:
            raise BadOption(f"{name}={value!r}")
        found[name] = value
    record = options.get("record")
    if record is not None:
        if not isinstance(record, bool):
            raise BadOption(f"record={record!r}")
        found["record"] = record
    return found


def options_patch(options: Mapping[str, Any]) -> JSON:
    """The PATCH body for checked options."""
    patch: JSON = {}
    if "lobby" in options:
        patch["lobbyBypassSettings"] = {"scope": options["lobby"]}
    if "presenters" in options:
        patch["allowedPresenters"] = options["presenters"]
    if "record" in options:
        patch["recordAutomatically"] = options["record"]
    if "chat" in options:
        patch["allowMeetingChat"] = options["chat"]
    return patch


def outsiders(addresses: list[str], organizer_address: str) -> tuple[str, ...]:
    """Attendees whose address is not in the organizer's domain (nobody, when it is unknown)."""
    domain = organizer_address.rpartition("@")[2].lower()
    if not domain:
        return ()
    return tuple(a for a in addresses if a.rpartition("@")[2].lower() != domain)


def participant(person: Person) -> JSON:
    """An invited person as createOrGet's participants.attendees takes them."""
    entry: JSON = {"upn": person.email, "role": "attendee"}
    if person.aad_id:
        entry["identity"] = {"user": {"id": person.aad_id, "displayName": person.name or None}}
    return entry


async def own_address(graph: GraphApi, user: str) -> str:
    """The user's mailbox address (their calendar's owner), or "" when unreadable."""
    try:
        calendar = await graph.get_calendar(user)
    except GraphError:
        return ""
    return str((calendar.get("owner") or {}).get("address") or "")


async def patch_options(
    graph: GraphApi, user: str, meeting: Meeting, options: Mapping[str, Any]
) -> JSON:
    """PATCH checked options onto the meeting's onlineMeeting (an event's: by its join link);
    Graph's answer."""
    meeting_id = meeting.id
    if meeting.kind == EVENT:
        found = None
        if meeting.join_url:
            found = await graph.find_online_meeting_by_join_url(user, meeting.join_url)
        if found is None:
            raise NoOnlineMeeting(meeting.id)
        meeting_id = str(found["id"])
    return await graph.update_online_meeting(user, meeting_id, options_patch(options))


async def apply_options(
    organizer: Organizer, requester: Requester, meeting: Meeting, options: Mapping[str, Any]
) -> Meeting:
    """The meeting's options PATCHed, and remembered with them."""
    wanted = checked(options)
    user = organizer.user_path(requester)
    doc = await patch_options(organizer.graph, user, meeting, wanted)
    updated = replace(meeting, options=options_of(doc))
    await organizer.remember(requester, updated)
    return updated


async def planned(
    organizer: Organizer,
    requester: Requester,
    meeting: Meeting,
    invited: tuple[Sequence[Person], str],
    options: Mapping[str, Any],
) -> Meeting:
    """A new meeting with who of the invited is from outside the organizer's domain (`invited`:
    the people and the organizer's address); then its options, if any."""
    people, address = invited
    found = outsiders([p.email for p in people], address)
    if found != meeting.outsiders:
        meeting = replace(meeting, outsiders=found)
        await organizer.remember(requester, meeting)
    if options and meeting.join_url:
        return await apply_options(organizer, requester, meeting, options)
    return meeting
