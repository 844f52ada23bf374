"""Building and changing event documents by the rules Microsoft documents for the calendar API.

Pure functions over already-validated request bodies. A stored event is a valid
microsoft.graph.event with times in UTC, plus `@emulator.*` instance annotations for what only
the emulator needs (when the join link becomes visible, the cancellation comment). Whether an
event is an online meeting is decided in graph_emulator/event_online.py.
"""

from __future__ import annotations

import base64
import re
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from graph_emulator.calendar_docs import change_key, organizer_of
from graph_emulator.errors import GraphError
from graph_emulator.event_online import (
    READY_AT,
    Owner,
    create_online,
    refuse,
    update_online,
)
from graph_emulator.odata import format_graph_datetime
from graph_emulator.timezones import instant_of, wall_clock

JSONObject = dict[str, Any]

__all__ = ["READY_AT", "Owner", "refuse"]

KIND = "event"
CANCEL_COMMENT = "@emulator.cancellationComment"
#: What Exchange writes for "no response yet".
NEVER = "0001-01-01T00:00:00Z"
_ID = re.compile(r"^AAMk[A-Za-z0-9_+/-]*=*$")
_COPIED: dict[str, Any] = {
    "subject": "",
    "importance": "normal",
    "sensitivity": "normal",
    "showAs": "busy",
    "isAllDay": False,
    "isReminderOn": True,
    "reminderMinutesBeforeStart": 15,
    "responseRequested": True,
    "allowNewTimeProposals": True,
    "hideAttendees": False,
    "categories": [],
}


def is_event_id(text: str) -> bool:
    """Graph answers a malformed id with 400 ErrorInvalidIdMalformed, not with 404."""
    return bool(_ID.match(text))


def new_event(params: JSONObject, owner: Owner) -> JSONObject:
    """A complete event as Graph returns it from POST .../events (start/end in UTC); a
    recurrence is made a series by graph_emulator/series.py."""
    if params.get("start") is None or params.get("end") is None:
        raise refuse("An event needs both start and end (dateTimeTimeZone).")
    event_id = "AAMkA" + base64.urlsafe_b64encode(secrets.token_bytes(110)).decode("ascii")
    event: JSONObject = {
        "id": event_id,
        "createdDateTime": format_graph_datetime(owner.now),
        "lastModifiedDateTime": format_graph_datetime(owner.now),
        "changeKey": change_key(),
        "iCalUId": "040000008200E00074C5B7101A82E00800000000" + secrets.token_hex(36).upper(),
        "webLink": "https://outlook.office365.com/owa/?itemid="
        f"{quote(event_id, safe='')}&exvsurl=1&path=/calendar/item",
        "hasAttachments": False,
        "isCancelled": False,
        "isOrganizer": True,
        "isDraft": False,
        "seriesMasterId": None,
        "type": "singleInstance",
        "recurrence": None,
        "onlineMeetingUrl": None,  # deprecated: Graph leaves it null, and so do we
        "responseStatus": {"response": "organizer", "time": NEVER},
        "organizer": organizer_of(owner.calendar),
    }
    if params.get("transactionId") is not None:
        event["transactionId"] = params["transactionId"]
    for key, default in _COPIED.items():
        event[key] = default if params.get(key) is None else params[key]
    event["body"] = _body(params.get("body"))
    event["attendees"] = _attendees(params.get("attendees") or [], [])
    _set_times(event, params["start"], params["end"], owner.documented_zones)
    _set_locations(event, params)
    create_online(event, params, owner)
    return event


def patched_event(event: JSONObject, params: JSONObject, owner: Owner) -> JSONObject:
    """The event after a PATCH, or Graph's 400 when a documented rule forbids the change."""
    if event.get("isCancelled"):
        raise refuse("The meeting has been canceled and can't be updated.")
    _refuse_recurrence(params)
    sent_id = params.get("transactionId")
    if sent_id is not None and sent_id != event.get("transactionId"):
        raise refuse("The transactionId of an event can't be changed after it is created.")
    updated = {**event}
    for key in _COPIED:
        if key in params:
            updated[key] = _COPIED[key] if params[key] is None else params[key]
    if "start" in params or "end" in params:
        start = params.get("start") or _original(event, "start")
        end = params.get("end") or _original(event, "end")
        _set_times(updated, start, end, owner.documented_zones)
    if "location" in params or "locations" in params:
        _set_locations(updated, params)
    if "attendees" in params:
        updated["attendees"] = _attendees(params["attendees"] or [], event["attendees"])
    if "body" in params:
        updated["body"] = _body(params["body"])
    update_online(updated, event, params, owner)
    updated["lastModifiedDateTime"] = format_graph_datetime(owner.now)
    updated["changeKey"] = change_key()
    return updated


def cancelled_event(event: JSONObject, comment: str | None, now: datetime) -> JSONObject:
    """event: cancel — only the organizer may, and only once."""
    if not event.get("isOrganizer"):
        raise refuse("You need to be an organizer to cancel a meeting.")
    if event.get("isCancelled"):
        raise refuse("The meeting has already been canceled.")
    return {
        **event,
        "isCancelled": True,
        "lastModifiedDateTime": format_graph_datetime(now),
        "changeKey": change_key(),
        CANCEL_COMMENT: comment or "",
    }


def stored_instant(value: JSONObject) -> datetime:
    """A stored start/end (UTC wall clock) as an aware instant."""
    return datetime.fromisoformat(str(value["dateTime"])).replace(tzinfo=UTC)


def window(event: JSONObject) -> tuple[str, str]:
    """The store's sortable UTC window for calendarView queries."""
    start, end = stored_instant(event["start"]), stored_instant(event["end"])
    return format_graph_datetime(start), format_graph_datetime(end)


# -- the rules ---------------------------------------------------------------------------------


def _refuse_recurrence(params: JSONObject) -> None:
    if params.get("recurrence") is not None:
        raise GraphError(
            501, "NotImplemented", "The Graph emulator does not change the rule of a series."
        )


def _set_times(event: JSONObject, start: JSONObject, end: JSONObject, documented: bool) -> None:
    start_at = instant_of(start, "start", documented)
    end_at = instant_of(end, "end", documented)
    if end_at < start_at:
        raise refuse("The end time of the event is earlier than its start time.")
    event["start"], event["end"] = wall_clock(start_at, "UTC"), wall_clock(end_at, "UTC")
    event["originalStartTimeZone"] = start["timeZone"]
    event["originalEndTimeZone"] = end["timeZone"]


def _original(event: JSONObject, which: str) -> JSONObject:
    """A stored time in the zone it was given in, for a PATCH that changes only the other."""
    zone = event.get(f"original{which.capitalize()}TimeZone") or "UTC"
    return wall_clock(stored_instant(event[which]), zone)


def _body(value: JSONObject | None) -> JSONObject:
    value = value or {}
    return {
        "contentType": value.get("contentType") or "html",
        "content": value.get("content") or "",
    }


def _attendees(requested: list[JSONObject], existing: list[JSONObject]) -> list[JSONObject]:
    """Attendees as sent, each with a response status (kept for those already invited)."""
    known = {
        str((a.get("emailAddress") or {}).get("address") or "").lower(): a.get("status")
        for a in existing
    }
    result = []
    for attendee in requested:
        address = attendee.get("emailAddress") or {"name": None, "address": None}
        status = known.get(str(address.get("address") or "").lower())
        result.append(
            {
                "type": attendee.get("type") or "required",
                "status": status or {"response": "none", "time": NEVER},
                "emailAddress": address,
            }
        )
    return result


def _set_locations(event: JSONObject, params: JSONObject) -> None:
    """location and locations always correspond; setting location replaces locations."""
    if "location" in params:
        location = _location(params.get("location"))
        event["location"] = location
        event["locations"] = [location] if location["displayName"] else []
    if "locations" in params and "location" not in params:
        places = [_location(p) for p in params.get("locations") or [] if p.get("displayName")]
        event["locations"] = places
        names = "; ".join(p["displayName"] for p in places)
        event["location"] = _location({"displayName": names} if names else None)
    elif "locations" in params:
        event["locations"] = [_location(p) for p in params.get("locations") or []]
    event.setdefault("location", _location(None))
    event.setdefault("locations", [])


def _location(value: JSONObject | None) -> JSONObject:
    name = (value or {}).get("displayName") or ""
    if not name:
        return {"displayName": "", "locationType": "default", "uniqueIdType": "unknown"}
    place = {k: v for k, v in (value or {}).items() if v is not None}
    return {
        **place,
        "locationType": place.get("locationType") or "default",
        "uniqueId": place.get("uniqueId") or name,
        "uniqueIdType": place.get("uniqueIdType") or "private",
    }
