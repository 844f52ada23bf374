"""The Teams meeting behind a calendar event, found by its join link.

"Get onlineMeeting" lets a client that knows only a joinWebUrl — "such as when a user creates
a meeting (for example, in the Microsoft Teams client)" or in Outlook — read the meeting with
`$filter=JoinWebUrl eq '...'`, and then update it by its id (meeting options). The emulator
keeps an event's meeting as onlineMeetingInfo only, so the first lookup by its link creates
the onlineMeeting resource: same join link, the event's subject and times, Teams defaults.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import unquote

from graph_emulator.event_docs import KIND as EVENT_KIND
from graph_emulator.event_docs import stored_instant
from graph_emulator.meeting_docs import new_meeting
from graph_emulator.odata import format_graph_datetime
from graph_emulator.online_links import TEAMS
from graph_emulator.store import Store

JSONObject = dict[str, Any]
KIND = "onlineMeeting"


def meeting_behind_event(
    store: Store, tenant_id: str, user_id: str, join_url: str, now: datetime
) -> JSONObject | None:
    """The user's Teams meeting of the event whose join link this is, created on first use."""
    wanted = unquote(join_url)
    for event in store.owned(EVENT_KIND, tenant_id, user_id):
        info = event.get("onlineMeeting") or {}
        if event.get("onlineMeetingProvider") != TEAMS or not info.get("joinUrl"):
            continue
        if unquote(str(info["joinUrl"])) != wanted:
            continue
        params = {
            "subject": event.get("subject") or None,
            "startDateTime": format_graph_datetime(stored_instant(event["start"])),
            "endDateTime": format_graph_datetime(stored_instant(event["end"])),
        }
        meeting = new_meeting(
            params, tenant_id=tenant_id, user_id=user_id, now=now, external_id=None
        )
        meeting["joinWebUrl"] = info["joinUrl"]
        window = (meeting["startDateTime"], meeting["endDateTime"])
        store.insert(KIND, tenant_id, user_id, meeting["id"], meeting, window=window)
        return meeting
    return None
