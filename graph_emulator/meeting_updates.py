"""PATCH .../onlineMeetings/{id}: which properties may change, and how, per Update onlineMeeting.

- start and end move together: a request with one of them needs the other;
- the organizer cannot change; attendees are replaced by the full list sent;
- lobbyBypassSettings can be sent in part (the docs' example sends isDialInBypassEnabled only);
- an attendee's presenter role needs allowedPresenters roleIsPresenter (meeting_docs.py);
- each value must be one of its type's (Microsoft's schema); evolvable enums: evolvable.py.
"""

from __future__ import annotations

from typing import Any

from graph_emulator.errors import GraphError
from graph_emulator.meeting_docs import attendee_list
from graph_emulator.odata import parse_graph_datetime

JSONObject = dict[str, Any]

#: The Request body table of "Update onlineMeeting" (v1.0).
UPDATABLE = frozenset(
    {
        "allowAttendeeToEnableCamera",
        "allowAttendeeToEnableMic",
        "allowBreakoutRooms",
        "allowCopyingAndSharingMeetingContent",
        "allowedLobbyAdmitters",
        "allowedPresenters",
        "allowLiveShare",
        "allowMeetingChat",
        "allowPowerPointSharing",
        "allowRecording",
        "allowTeamworkReactions",
        "allowTranscription",
        "allowWhiteboard",
        "anonymizeIdentityForRoles",
        "broadcastSettings",
        "endDateTime",
        "isEntryExitAnnounced",
        "lobbyBypassSettings",
        "participants",
        "recordAutomatically",
        "startDateTime",
        "subject",
        "watermarkProtection",
    }
)


def patched_meeting(meeting: JSONObject, params: JSONObject) -> JSONObject:
    """The meeting with a validated PATCH body applied, or Graph's 400 for a refused change."""
    fixed = sorted(key for key in params if key not in UPDATABLE)
    if fixed:
        raise GraphError.bad_request(
            f"The property '{fixed[0]}' of an online meeting can't be updated. Updatable: "
            f"{', '.join(sorted(UPDATABLE))}."
        )
    if ("startDateTime" in params) != ("endDateTime" in params):
        raise GraphError.bad_request(
            "Adjusting the start or end date/time of an online meeting requires both "
            "startDateTime and endDateTime in the request body."
        )
    updated = {**meeting}
    presenters = str(params.get("allowedPresenters") or meeting.get("allowedPresenters"))
    for key, value in params.items():
        if key == "participants":
            updated[key] = _participants(meeting.get("participants") or {}, value, presenters)
        elif key == "lobbyBypassSettings" and isinstance(value, dict):
            current = meeting.get(key) or {}
            updated[key] = {**current, **{k: v for k, v in value.items() if v is not None}}
        else:
            updated[key] = value
    start, end = updated.get("startDateTime"), updated.get("endDateTime")
    if start is None or end is None:
        raise GraphError.bad_request("startDateTime and endDateTime cannot be null.")
    if parse_graph_datetime(end) < parse_graph_datetime(start):
        raise GraphError.bad_request(
            f"endDateTime ({end}) is earlier than startDateTime ({start})."
        )
    return updated


def _participants(current: JSONObject, requested: JSONObject | None, presenters: str) -> JSONObject:
    requested = requested or {}
    if requested.get("organizer") is not None:
        raise GraphError.bad_request(
            "The organizer of the meeting can't be modified after the meeting is created."
        )
    if "attendees" not in requested:
        return current
    attendees = attendee_list(requested.get("attendees") or [], presenters)
    return {**current, "attendees": attendees}
