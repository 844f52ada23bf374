"""Meeting options: the values the bot sends, and the online meeting a calendar event has.

The options are Graph's onlineMeeting properties ("Update onlineMeeting"): who bypasses the
lobby (lobbyBypassSettings.scope), who may present (allowedPresenters), recordAutomatically
and allowMeetingChat. Only their documented values are sent; anything else a card carries is
refused before Graph is called. A calendar event's meeting is found by its join link
(`$filter=JoinWebUrl`), then updated by its id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.meetings.model import Person

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
