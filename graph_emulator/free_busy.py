"""Free/busy as getSchedule shows it: whose mailbox an address is, their items, their view.

From "calendar: getSchedule" (v1.0): one scheduleInformation per address asked for, with
`scheduleItems` (status, start and end in the Prefer zone or UTC, subject and location unless
the item is private), `availabilityView` (one digit per AvailabilityViewInterval minutes:
0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere — scheduleInformation) and
`workingHours`. An address that is not a mailbox of the tenant gets only an error, as Graph
answers for users outside it (microsoft-graph-docs issue #11225: responseCode "5009", "Unable
to resolve e-mail address … to an Active Directory object."). Events shown as free are not
items: the caller "can assume [the user] is free for the remaining time" ("Get free/busy
schedule", Graph concepts).

Addresses are mailboxes when a directory user has them as mail or userPrincipalName, a
calendar's owner has them (PUT /_emulator/users/{id}/calendar), or, in an open directory, they
are a user's default `{id}@emulator.local`.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from graph_emulator.calendar_docs import KIND as CALENDAR_KIND
from graph_emulator.event_docs import stored_instant
from graph_emulator.series_store import calendar_items
from graph_emulator.store import Store
from graph_emulator.timezones import wall_clock
from graph_emulator.user_directory import seeded_users

JSONObject = dict[str, Any]

WORKING_HOURS = "workingHours"
DEFAULT_WORKING_HOURS: JSONObject = {
    "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
    "startTime": "08:00:00.0000000",
    "endTime": "17:00:00.0000000",
    "timeZone": {"name": "UTC"},
}
_DIGITS = {"free": "0", "tentative": "1", "busy": "2", "oof": "3", "workingElsewhere": "4"}
#: Which status a slot shows when several items overlap it.
_RANK = ("free", "workingElsewhere", "tentative", "busy", "oof")
_DEFAULT_DOMAIN = "@emulator.local"


def mailbox_of(store: Store, tenant_id: str, address: str, *, closed: bool) -> str | None:
    """The user id whose mailbox `address` is, or None."""
    wanted = address.strip().lower()
    for user in seeded_users(store, tenant_id):
        if wanted in ((user.mail or "").lower(), user.user_principal_name.lower()):
            return user.id if user.has_mailbox else None
    for user_id, calendar in store.with_owners(CALENDAR_KIND, tenant_id):
        if str((calendar.get("owner") or {}).get("address") or "").lower() == wanted:
            return user_id
    if not closed and wanted.endswith(_DEFAULT_DOMAIN):
        return address.strip()[: -len(_DEFAULT_DOMAIN)] or None
    return None


def working_hours(store: Store, tenant_id: str, user_id: str) -> JSONObject:
    stored = store.get(WORKING_HOURS, tenant_id, user_id, f"{tenant_id}/{user_id}")
    return dict(stored) if stored is not None else dict(DEFAULT_WORKING_HOURS)


def unresolved(address: str) -> JSONObject:
    message = f"Unable to resolve e-mail address {address} to an Active Directory object."
    return {"scheduleId": address, "error": {"message": message, "responseCode": "5009"}}


def schedule_of(
    store: Store,
    tenant_id: str,
    user_id: str,
    address: str,
    window: tuple[datetime, datetime, int],
    zone: str,
) -> JSONObject:
    """One user's scheduleInformation for [start, end) in slots of `interval` minutes."""
    start, end, interval = window
    events = [
        e
        for e in calendar_items(store, tenant_id, user_id, start, end)
        if e.get("showAs") != "free"
    ]
    return {
        "scheduleId": address,
        "availabilityView": _view(events, start, end, interval),
        "scheduleItems": [_item(e, zone) for e in events],
        "workingHours": working_hours(store, tenant_id, user_id),
    }


def _status(event: JSONObject) -> str:
    shown = str(event.get("showAs") or "busy")
    return shown if shown in _DIGITS else "busy"


def _item(event: JSONObject, zone: str) -> JSONObject:
    private = event.get("sensitivity") in ("private", "confidential")
    item: JSONObject = {"isPrivate": private, "status": _status(event)}
    if not private:
        item["subject"] = event.get("subject") or ""
        item["location"] = (event.get("location") or {}).get("displayName") or ""
    item["start"] = wall_clock(stored_instant(event["start"]), zone)
    item["end"] = wall_clock(stored_instant(event["end"]), zone)
    return item


def _view(events: list[JSONObject], start: datetime, end: datetime, interval: int) -> str:
    step = timedelta(minutes=interval)
    slots = math.ceil((end - start) / step)
    spans = [(stored_instant(e["start"]), stored_instant(e["end"]), _status(e)) for e in events]
    digits = []
    for n in range(slots):
        low, high = start + n * step, min(start + (n + 1) * step, end)
        found = [status for s, e, status in spans if s < high and e > low]
        worst = max(found, key=_RANK.index, default="free")
        digits.append(_DIGITS[worst])
    return "".join(digits)
