"""Permission failures explained to the admin, in the log, with this app's id and the fix.

The user sees a card saying an admin must finish set-up (bot/explain.py); the admin needs the
exact command or permission. This GraphClient logs that line once per failed call: the access
policy cmdlets with the app id and user, the missing Graph permission, or msal's error code.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

import httpx

from bot.graph.auth import TokenAcquisitionError
from bot.graph.client import GraphClient
from bot.graph.errors import GraphAuthError, GraphError, GraphForbidden
from bot.identity.tokens import SignInRequired

log = logging.getLogger(__name__)

#: Path segment under /me or /users/{id} -> (application permission, delegated permission).
REQUIRED_PERMISSIONS: Mapping[str, tuple[str, str]] = {
    "onlinemeetings": ("OnlineMeetings.ReadWrite.All", "OnlineMeetings.ReadWrite"),
    "calendar": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
    "calendars": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
    "events": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
    "calendarview": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
}
APP_PERMISSIONS = ("OnlineMeetings.ReadWrite.All", "Calendars.ReadWrite")
POLICY_NAME = "MeetingBot-Policy"
_TARGET = re.compile(r"^/?(?:me|users/(?P<user>[^/]+))/(?P<segment>[^/?]+)", re.IGNORECASE)


def access_policy_fix(app_id: str, user_id: str | None) -> str:
    """The Teams PowerShell an admin runs so this app may act for `user_id` (or everyone)."""
    who = f'-Identity "{user_id}" (or -Global for every user)' if user_id else "-Global"
    return (
        f'New-CsApplicationAccessPolicy -Identity {POLICY_NAME} -AppIds "{app_id or "<app id>"}" '
        f'-Description "Meeting bot"; Grant-CsApplicationAccessPolicy -PolicyName {POLICY_NAME} '
        f"{who}"
    )


def admin_hint(error: Exception, app_id: str, path: str, delegated: bool) -> str | None:
    """What the admin should do about `error` on Graph `path`, or None if it is not theirs."""
    match = _TARGET.match(path)
    user = match.group("user") if match else None
    segment = match.group("segment").lower() if match else ""
    app_permission, user_permission = REQUIRED_PERMISSIONS.get(segment, APP_PERMISSIONS[:1] * 2)
    if isinstance(error, GraphForbidden) and error.access_policy_missing:
        return (
            f"Graph 403 on {path}: no Teams application access policy lets app {app_id} act for "
            f"user {user or '(me)'}. An admin runs: {access_policy_fix(app_id, user)}"
        )
    if isinstance(error, GraphForbidden):
        kind, permission = (
            ("delegated", user_permission) if delegated else ("application", app_permission)
        )
        return (
            f"Graph 403 {error.code or 'Forbidden'} on {path}: app {app_id} needs the {kind} "
            f"permission {permission} with admin consent (Entra admin center > App "
            f"registrations > {app_id} > API permissions > Grant admin consent)"
        )
    if isinstance(error, GraphAuthError):
        return f"Graph 401 on {path}: Graph rejected the token of app {app_id}: {error.message}"
    if isinstance(error, TokenAcquisitionError) and not isinstance(error, SignInRequired):
        return (
            f"Graph token for app {app_id} failed (msal error {error.code or 'unknown'}"
            f"{' ' + error.aadsts if error.aadsts else ''}): {error}"
        )
    return None


class ExplainingGraphClient(GraphClient):
    """A GraphClient that logs the admin's fix for authentication and permission failures."""

    def __init__(self, *args: Any, app_id: str, delegated: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._app_id = app_id
        self._delegated = delegated

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return await super().request(method, path, **kwargs)
        except (GraphError, TokenAcquisitionError) as error:
            hint = admin_hint(error, self._app_id, path, self._delegated)
            if hint:
                log.error("%s", hint)
            raise
