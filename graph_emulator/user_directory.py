"""The tenant's user directory: who exists, and what each user has (mailbox, Teams, guest).

A test seeds users through the control API (PUT /_emulator/users/{id}); only the fields it
sends are stored (the "spec"), and everything else is derived here, so defaults stay in one
place. In a tenant whose directory is "open" (the default) an unseeded id is a member with a
mailbox and a Teams licence, which is what the emulator always assumed; in a "closed" one it
does not exist (graph_emulator/tenant_settings.py).

Per-user switches, each with the Microsoft source of the behaviour:
- `hasMailbox: false` — Outlook calls answer 404 MailboxNotEnabledForRESTAPI (guests have none
  either: microsoft-graph-docs issue #17826);
- `hasTeamsLicense: false`, `userType: "Guest"` — onlineMeetings answer 403 Forbidden with an
  empty message (microsoft-graph-docs issues #8889 and #4832);
- `applicationAccessPolicy` — "noPolicy" / "notAuthorized": the two wordings Graph uses when no
  Teams application access policy covers the user (see graph_emulator/user_gates.py);
- `createsEventsOffline` — events POSTed as Teams meetings come back offline
  (microsoft-graph-docs issue #9741, microsoft-graph-explorer-v4 issue #3315);
- `rescheduleDropsOnlineMeeting` — a PATCH of start/end loses the Teams link
  (microsoft-graph-docs issue #16336, msgraph-sdk-dotnet issue #2895).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph_emulator.calendar_docs import KIND as CALENDAR_KIND
from graph_emulator.calendar_docs import default_address
from graph_emulator.errors import GraphError
from graph_emulator.store import Store

JSONObject = dict[str, Any]

KIND = "directoryUser"
USER_TYPES = ("Member", "Guest")
ACCESS_POLICIES = ("granted", "noPolicy", "notAuthorized")
_STRINGS = ("displayName", "mail", "userPrincipalName", "givenName", "surname", "jobTitle")
_FLAGS = (
    "hasMailbox",
    "hasTeamsLicense",
    "createsEventsOffline",
    "rescheduleDropsOnlineMeeting",
)
_CHOICES = {"userType": USER_TYPES, "applicationAccessPolicy": ACCESS_POLICIES}
SETTABLE = (*_STRINGS, *_FLAGS, *_CHOICES)
#: The user properties the emulator models (Graph's default set plus accountEnabled, userType).
USER_PROPERTIES = (
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
    "accountEnabled",
    "userType",
)
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


@dataclass(frozen=True, slots=True)
class DirectoryUser:
    """One user as the emulator knows them: Graph's user properties plus the switches."""

    id: str
    display_name: str
    mail: str | None
    user_principal_name: str
    given_name: str | None
    surname: str | None
    job_title: str | None
    user_type: str
    has_mailbox: bool
    has_teams_license: bool
    access_policy: str
    creates_events_offline: bool
    reschedule_drops_online_meeting: bool
    seeded: bool

    @property
    def is_guest(self) -> bool:
        return self.user_type == "Guest"

    def graph_properties(self) -> JSONObject:
        """Every user property the emulator models, in Graph's names (for $select)."""
        return {
            "businessPhones": [],
            "displayName": self.display_name,
            "givenName": self.given_name,
            "jobTitle": self.job_title,
            "mail": self.mail,
            "mobilePhone": None,
            "officeLocation": None,
            "preferredLanguage": None,
            "surname": self.surname,
            "userPrincipalName": self.user_principal_name,
            "id": self.id,
            "accountEnabled": True,
            "userType": self.user_type,
        }

    def to_json(self) -> JSONObject:
        """The control API's view: Graph's properties and every switch."""
        return {
            "id": self.id,
            "displayName": self.display_name,
            "mail": self.mail,
            "userPrincipalName": self.user_principal_name,
            "givenName": self.given_name,
            "surname": self.surname,
            "jobTitle": self.job_title,
            "userType": self.user_type,
            "hasMailbox": self.has_mailbox,
            "hasTeamsLicense": self.has_teams_license,
            "applicationAccessPolicy": self.access_policy,
            "createsEventsOffline": self.creates_events_offline,
            "rescheduleDropsOnlineMeeting": self.reschedule_drops_online_meeting,
            "seeded": self.seeded,
        }


def resolve(user_id: str, spec: JSONObject, *, seeded: bool) -> DirectoryUser:
    """A user from the fields a test set; every other field gets its documented default."""
    user_type = spec.get("userType") or "Member"
    guest = user_type == "Guest"
    has_mailbox = bool(spec.get("hasMailbox", not guest))
    mail = spec["mail"] if "mail" in spec else (default_address(user_id) if has_mailbox else None)
    upn = spec.get("userPrincipalName") or _default_upn(user_id, mail, guest=guest)
    return DirectoryUser(
        id=user_id,
        display_name=spec.get("displayName") or user_id,
        mail=mail,
        user_principal_name=upn,
        given_name=spec.get("givenName"),
        surname=spec.get("surname"),
        job_title=spec.get("jobTitle"),
        user_type=user_type,
        has_mailbox=has_mailbox,
        has_teams_license=bool(spec.get("hasTeamsLicense", not guest)),
        access_policy=spec.get("applicationAccessPolicy") or "granted",
        creates_events_offline=bool(spec.get("createsEventsOffline", False)),
        reschedule_drops_online_meeting=bool(spec.get("rescheduleDropsOnlineMeeting", False)),
        seeded=seeded,
    )


def _default_upn(user_id: str, mail: str | None, *, guest: bool) -> str:
    """Members: their address. Guests: Entra's `name_domain#EXT#@tenant` form."""
    if not guest:
        return mail or default_address(user_id)
    external = (mail or f"{user_id}@external.example").replace("@", "_")
    return f"{external}#EXT#@emulator.local"


def read_spec(body: JSONObject) -> JSONObject:
    """Check a control-API body; a null value means "back to the default"."""
    unknown = sorted(set(body) - set(SETTABLE))
    if unknown:
        raise GraphError.bad_request(
            f"Unknown user field(s) {', '.join(unknown)}; settable: {', '.join(SETTABLE)}."
        )
    for key, value in body.items():
        if value is None:
            continue
        if key in _STRINGS and (not isinstance(value, str) or not value.strip()):
            raise GraphError.bad_request(f"'{key}' must be a non-empty string or null.")
        if key in _FLAGS and not isinstance(value, bool):
            raise GraphError.bad_request(f"'{key}' must be true or false.")
        if key in _CHOICES and value not in _CHOICES[key]:
            raise GraphError.bad_request(f"'{key}' must be one of {', '.join(_CHOICES[key])}.")
    return body


def seed_user(store: Store, tenant_id: str, user_id: str, body: JSONObject) -> DirectoryUser:
    """Merge the fields sent into the user's stored spec (creating the user)."""
    stored = store.get(KIND, tenant_id, user_id, _resource_id(tenant_id, user_id))
    spec = {**(stored or {}).get("spec", {}), **read_spec(body)}
    spec = {key: value for key, value in spec.items() if value is not None}
    document = {"id": user_id, "spec": spec}
    store.put(KIND, tenant_id, user_id, _resource_id(tenant_id, user_id), document)
    return resolve(user_id, spec, seeded=True)


def forget_user(store: Store, tenant_id: str, user_id: str) -> bool:
    return store.delete(KIND, tenant_id, user_id, _resource_id(tenant_id, user_id))


def seeded_users(store: Store, tenant_id: str) -> list[DirectoryUser]:
    """Every user a test seeded in the tenant, oldest first."""
    return [
        resolve(str(doc["id"]), doc["spec"], seeded=True) for doc in _seeded_docs(store, tenant_id)
    ]


def find_user(store: Store, tenant_id: str, key: str, *, closed: bool) -> DirectoryUser | None:
    """The user a path segment names (object id or userPrincipalName, any case).

    In an open directory an unseeded id is a default member, named like their calendar's owner
    so /users/{id} and an event's organizer agree; in a closed one it does not exist.
    """
    lowered = key.lower()
    for doc in _seeded_docs(store, tenant_id):
        user = resolve(str(doc["id"]), doc["spec"], seeded=True)
        if lowered in (user.id.lower(), user.user_principal_name.lower()):
            return user
    if closed:
        return None
    calendar = store.get_by_key(CALENDAR_KIND, tenant_id, key, "default")
    owner = (calendar or {}).get("owner") or {}
    spec = {"displayName": owner.get("name"), "mail": owner.get("address")}
    return resolve(key, {k: v for k, v in spec.items() if v}, seeded=False)


def invalid_user_message(key: str, tenant_id: str) -> str:
    """Exchange names an object id together with its tenant (`{oid}@{tid}`), a UPN as sent."""
    shown = f"{key}@{tenant_id}" if _GUID.match(key) else key
    return f"The requested user '{shown}' is invalid."


def _seeded_docs(store: Store, tenant_id: str) -> list[JSONObject]:
    return store.in_tenant(KIND, tenant_id)


def _resource_id(tenant_id: str, user_id: str) -> str:
    """Resource ids are unique per kind across tenants; the same user id may be in two."""
    return f"{tenant_id}/{user_id}"
