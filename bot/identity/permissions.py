"""What the app must be granted: Graph permissions per resource, and the Teams access policy."""

from __future__ import annotations

from collections.abc import Mapping

#: Path segment under /me or /users/{id} -> (application permission, delegated permission);
#: "users" is the directory itself (/users/{id}, /users?$filter=...).
REQUIRED_PERMISSIONS: Mapping[str, tuple[str, str]] = {
    "users": ("User.ReadBasic.All", "User.ReadBasic.All"),
    "onlinemeetings": ("OnlineMeetings.ReadWrite.All", "OnlineMeetings.ReadWrite"),
    "calendar": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
    "calendars": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
    "events": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
    "calendarview": ("Calendars.ReadWrite", "Calendars.ReadWrite"),
}
APP_PERMISSIONS = ("OnlineMeetings.ReadWrite.All", "Calendars.ReadWrite", "User.ReadBasic.All")
POLICY_NAME = "MeetingBot-Policy"
#: Microsoft: "changes to application access policies can take up to 30 minutes to take effect".
POLICY_DELAY = "up to 30 minutes"


def access_policy_fix(app_id: str, user_id: str | None) -> str:
    """The Teams PowerShell an admin runs so this app may act for `user_id` (or everyone)."""
    who = f'-Identity "{user_id}" (or -Global for every user)' if user_id else "-Global"
    return (
        f'New-CsApplicationAccessPolicy -Identity {POLICY_NAME} -AppIds "{app_id or "<app id>"}" '
        f'-Description "Meeting bot"; Grant-CsApplicationAccessPolicy -PolicyName {POLICY_NAME} '
        f"{who}"
    )
