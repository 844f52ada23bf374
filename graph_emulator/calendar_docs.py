"""Each user's default calendar: its online-meeting providers and its owner's name and address.

Stored in the resource table as kind "calendar" under the natural key "default", created on
first use with what a Microsoft 365 tenant with Teams has: Teams allowed and the default.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

from graph_emulator.store import DuplicateResource, Store

JSONObject = dict[str, Any]

KIND = "calendar"
_KEY = "default"
DEFAULT_PROVIDERS = ("teamsForBusiness",)


def default_address(user_id: str) -> str:
    return f"{user_id}@emulator.local"


def change_key() -> str:
    """An opaque version stamp like Exchange's (base64 of 16 bytes)."""
    return base64.b64encode(secrets.token_bytes(16)).decode("ascii")


def _new_calendar(user_id: str) -> JSONObject:
    calendar_id = "AAMkA" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")
    return {
        "id": calendar_id,
        "name": "Calendar",
        "color": "auto",
        "hexColor": "",
        "isDefaultCalendar": True,
        "changeKey": change_key(),
        "canShare": True,
        "canViewPrivateItems": True,
        "canEdit": True,
        "isRemovable": False,
        "isTallyingResponses": True,
        "allowedOnlineMeetingProviders": list(DEFAULT_PROVIDERS),
        "defaultOnlineMeetingProvider": DEFAULT_PROVIDERS[0],
        "owner": {"name": user_id, "address": default_address(user_id)},
    }


def user_calendar(store: Store, tenant_id: str, user_id: str) -> JSONObject:
    """The user's default calendar, created with the defaults on first use."""
    existing = store.get_by_key(KIND, tenant_id, user_id, _KEY)
    if existing is not None:
        return existing
    calendar = _new_calendar(user_id)
    try:
        store.insert(KIND, tenant_id, user_id, calendar["id"], calendar, natural_key=_KEY)
    except DuplicateResource:  # another process sharing the file created it first
        raced = store.get_by_key(KIND, tenant_id, user_id, _KEY)
        if raced is not None:
            return raced
        raise
    return calendar


def update_calendar(store: Store, tenant_id: str, user_id: str, changes: JSONObject) -> JSONObject:
    """Apply already-validated settings: providers, and the owner's `name`/`address`."""
    calendar = user_calendar(store, tenant_id, user_id)
    owner = dict(calendar["owner"])
    for key in ("name", "address"):
        if key in changes:
            owner[key] = changes[key]
    updated = {**calendar, "owner": owner, "changeKey": change_key()}
    for key in ("allowedOnlineMeetingProviders", "defaultOnlineMeetingProvider"):
        if key in changes:
            updated[key] = changes[key]
    store.replace(KIND, tenant_id, user_id, calendar["id"], updated)
    return updated


def organizer_of(calendar: JSONObject) -> JSONObject:
    """The recipient Graph puts in an event's **organizer**: the calendar's owner."""
    owner = calendar.get("owner") or {}
    return {"emailAddress": {"name": owner.get("name"), "address": owner.get("address")}}
