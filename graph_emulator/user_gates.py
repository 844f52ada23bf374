"""What a call meets before its handler because of who the target user is, as Graph answers it.

Run by the pipeline after authentication, for `/me/...` and `/users/{id}/...` routes:

Outlook resources (calendar, calendars, events, calendarView):
- no such user in a closed directory: 404 ErrorInvalidUser, "The requested user '{id}@{tenant}'
  is invalid." (microsoft-graph-docs issues #7909, #4097; a UPN is echoed as sent,
  microsoft-graph-explorer-v4 issue #4038);
- a user without an Exchange Online mailbox (guests included): 404 MailboxNotEnabledForRESTAPI,
  "The mailbox is either inactive, soft-deleted, or is hosted on-premise." (microsoft-graph-docs
  issue #17826, microsoft/MicrosoftCloud issue #41);
- a tenant with documented time zones: an unknown `Prefer: outlook.timezone` is a 400
  TimeZoneNotSupportedException (microsoft-graph-docs issue #6870).

onlineMeetings, app-only (no signed-in user):
- `applicationAccessPolicy: "noPolicy"`: 403 General, "No application access policy found for
  this app." (msgraph-sdk-dotnet issue #2350);
- `applicationAccessPolicy: "notAuthorized"`: 403 Unauthorized, "App {appId} is not authorized to
  Create meeting on behalf of user {userId}" — the wording Microsoft's "Configure application
  access to online meetings" article showed in its Errors section (changed in
  microsoft-graph-docs pull request #21541). Only the Create verb is documented; other methods
  use the same sentence with Get, Update or Delete.
onlineMeetings, any caller: a guest, or a user without a Teams licence: 403 Forbidden with an
empty message (microsoft-graph-docs issues #8889 and #4832).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiohttp import web

from graph_emulator.auth import Caller, remember_resolved_user
from graph_emulator.errors import GraphError
from graph_emulator.query import prefer_values
from graph_emulator.state import EmulatorState
from graph_emulator.tenant_settings import TenantSettings, tenant_settings
from graph_emulator.timezones import known_zone, unsupported_zone
from graph_emulator.user_directory import DirectoryUser, find_user, invalid_user_message

OUTLOOK = "outlook"
MEETINGS = "meetings"
_FAMILIES = {
    "calendar": OUTLOOK,
    "calendars": OUTLOOK,
    "events": OUTLOOK,
    "calendarview": OUTLOOK,
    "onlinemeetings": MEETINGS,
}
_TARGET = re.compile(r"^/v1\.0/(?:me|users/(?P<user>[^/]+))/(?P<segment>[^/]+)", re.IGNORECASE)
_VERBS = {"POST": "Create", "GET": "Get", "PATCH": "Update", "DELETE": "Delete"}
NO_MAILBOX = "The mailbox is either inactive, soft-deleted, or is hosted on-premise."


@dataclass(frozen=True, slots=True)
class Target:
    """The user a Graph call acts for, and what kind of resource it touches."""

    tenant_id: str
    user: DirectoryUser
    family: str
    settings: TenantSettings


def check_target(request: web.Request, caller: Caller, state: EmulatorState) -> Target | None:
    """Raise Graph's error when the target user cannot have this call; None for other routes."""
    match = _TARGET.match(request.path)
    family = _FAMILIES.get(match.group("segment").lower()) if match else None
    if match is None or family is None:
        return None
    key = match.group("user") or caller.user_id
    if key is None:  # app-only /me: the handler answers Graph's 400
        return None
    settings = tenant_settings(state.store, caller.tenant_id)
    user = find_user(state.store, caller.tenant_id, key, closed=settings.closed_directory)
    if family == OUTLOOK:
        if user is None:
            raise GraphError.not_found(
                invalid_user_message(key, caller.tenant_id), code="ErrorInvalidUser"
            )
        _check_mailbox(request, user, settings)
    elif user is not None:
        _check_meetings(request, caller, user)
    if user is None:
        return None
    if user.id != key:
        remember_resolved_user(request, user.id)
    return Target(caller.tenant_id, user, family, settings)


def _check_mailbox(request: web.Request, user: DirectoryUser, settings: TenantSettings) -> None:
    if not user.has_mailbox:
        raise GraphError.not_found(NO_MAILBOX, code="MailboxNotEnabledForRESTAPI")
    if settings.documented_time_zones:
        zone = prefer_values(request).get("outlook.timezone")
        if zone is not None and known_zone(zone, documented_only=True) is None:
            raise unsupported_zone(zone)


def _check_meetings(request: web.Request, caller: Caller, user: DirectoryUser) -> None:
    if caller.user_id is None and user.access_policy == "noPolicy":
        raise GraphError(403, "General", "No application access policy found for this app.")
    if caller.user_id is None and user.access_policy == "notAuthorized":
        verb = _VERBS.get(request.method.upper(), "Create")
        app = caller.app_id or "00000000-0000-0000-0000-000000000000"
        raise GraphError(
            403,
            "Unauthorized",
            f"App {app} is not authorized to {verb} meeting on behalf of user {user.id}",
        )
    if user.is_guest or not user.has_teams_license:
        raise GraphError(403, "Forbidden", "")
