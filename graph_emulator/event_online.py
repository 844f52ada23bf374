"""Whether an event is a Teams (or Skype) meeting: going online, staying online, and losing it.

The documented rules: an event goes online only with a provider its calendar allows; once
online it stays online with its provider; a PATCH whose body drops the join block re-issues the
meeting (Update event: "keep the meeting blob"). And two ways real tenants lose the meeting,
each switched on per user through the directory (graph_emulator/user_directory.py):

- created offline although Teams is allowed: POST with isOnlineMeeting true and
  teamsForBusiness answers isOnlineMeeting false, provider unknown, onlineMeeting null
  (microsoft-graph-docs issue #9741, microsoft-graph-explorer-v4 issue #3315); a user without a
  Teams licence gets the same;
- a reschedule drops the link: after a PATCH of start/end the event is offline
  (msgraph-sdk-dotnet issue #2895), and the next update brings the same link back
  (microsoft-graph-docs issue #16336: "If we update event again second time, Join meeting link
  comes back").
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from graph_emulator.errors import GraphError
from graph_emulator.odata import format_graph_datetime
from graph_emulator.online_links import TEAMS, can_host, new_meeting_info

JSONObject = dict[str, Any]

READY_AT = "@emulator.joinUrlReadyAt"
#: Where a reschedule parks the meeting it dropped, until the next update restores it.
DROPPED = "@emulator.droppedOnlineMeeting"
_ONLINE_KEYS = ("isOnlineMeeting", "onlineMeetingProvider", "onlineMeeting", READY_AT)


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose calendar: tenant, user, the user's calendar settings, "now" with the link delay,
    and what the user's tenant and directory entry change (zones, links, lost meetings)."""

    tenant_id: str
    user_id: str
    calendar: JSONObject
    now: datetime
    link_delay: timedelta
    documented_zones: bool = False
    short_links: bool = False
    teams_licensed: bool = True
    offline_on_create: bool = False
    offline_on_reschedule: bool = False


def refuse(message: str) -> GraphError:
    """Exchange's wording for a request it understood but will not carry out."""
    return GraphError(400, "ErrorInvalidRequest", f"Your request can't be completed. {message}")


def create_online(event: JSONObject, params: JSONObject, owner: Owner) -> None:
    """A new event: offline, then online if asked and the calendar and the user allow it."""
    take_offline(event)
    if not params.get("isOnlineMeeting"):
        return
    provider = _usable_provider(params.get("onlineMeetingProvider"), owner)
    if provider is not None and not (provider == TEAMS and owner.offline_on_create):
        _go_online(event, provider, owner)


def update_online(updated: JSONObject, event: JSONObject, params: JSONObject, owner: Owner) -> None:
    """Once online, an event stays online with its provider; a body losing the link re-issues it."""
    wants, provider = params.get("isOnlineMeeting"), params.get("onlineMeetingProvider")
    if event.get("isOnlineMeeting"):
        if wants is False:
            raise refuse(
                "An online meeting can't be turned off: once isOnlineMeeting is true it can't be "
                "set to false."
            )
        if provider is not None and provider != event.get("onlineMeetingProvider"):
            raise refuse(
                "The onlineMeetingProvider of an online meeting can't be changed "
                f"(it is {event.get('onlineMeetingProvider')})."
            )
        if "body" in params and not _keeps_link(updated["body"], event):
            _go_online(updated, str(event["onlineMeetingProvider"]), owner)
    elif wants:
        chosen = _usable_provider(provider, owner)
        if chosen is not None:
            _go_online(updated, chosen, owner)
    _reschedule_quirk(updated, event, params, owner)


def take_offline(event: JSONObject) -> None:
    event["isOnlineMeeting"] = False
    event["onlineMeetingProvider"] = "unknown"
    event["onlineMeeting"] = None
    event.pop(READY_AT, None)


def _reschedule_quirk(
    updated: JSONObject, event: JSONObject, params: JSONObject, owner: Owner
) -> None:
    """Drop the meeting on a reschedule; give it back on the update after (see the module doc)."""
    parked = updated.pop(DROPPED, None)
    if parked is not None:
        if not updated.get("isOnlineMeeting") and params.get("isOnlineMeeting") is not False:
            updated.update({key: value for key, value in parked.items() if value is not None})
        return
    moved = "start" in params or "end" in params
    if owner.offline_on_reschedule and moved and event.get("isOnlineMeeting"):
        updated[DROPPED] = {key: updated.get(key) for key in _ONLINE_KEYS}
        take_offline(updated)


def _usable_provider(requested: str | None, owner: Owner) -> str | None:
    """The provider if the calendar allows it (and, for Teams, the user is licensed)."""
    calendar = owner.calendar
    provider = requested or calendar.get("defaultOnlineMeetingProvider") or "unknown"
    allowed = calendar.get("allowedOnlineMeetingProviders") or []
    if provider == TEAMS and not owner.teams_licensed:
        return None
    return provider if can_host(provider) and provider in allowed else None


def _keeps_link(body: JSONObject, event: JSONObject) -> bool:
    """The docs: keep the meeting blob when changing the body, or the meeting is lost."""
    join_url = str((event.get("onlineMeeting") or {}).get("joinUrl") or "")
    content = str(body.get("content") or "")
    return bool(join_url) and (join_url in content or join_url in html.unescape(content))


def _go_online(event: JSONObject, provider: str, owner: Owner) -> None:
    event["isOnlineMeeting"] = True
    event["onlineMeetingProvider"] = provider
    event["onlineMeeting"] = new_meeting_info(
        provider, owner.tenant_id, owner.user_id, short=owner.short_links
    )
    event[READY_AT] = format_graph_datetime(owner.now + owner.link_delay)
