"""What the emulated Entra tenant knows: app registrations, their credentials and consents.

A test changes one field (a wrong secret, a missing app role, no user consent) to reproduce
each way an admin's set-up can be wrong, and the bot meets the same errors Entra would send.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GRAPH_RESOURCE = "https://graph.microsoft.com"
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
BOT_FRAMEWORK_RESOURCE = "https://api.botframework.com"
#: The tenant behind https://login.microsoftonline.com/botframework.com (multi-tenant bots).
BOT_FRAMEWORK_TENANT_ID = "d6d49420-f39b-4df7-a1dc-d59a935871db"
#: Microsoft Teams' own client, which requests the SSO token Teams hands to the bot.
TEAMS_CLIENT_ID = "1fec8e78-bce4-4aaf-ab1b-5451cc387264"

#: Application permissions (app roles on Graph) the meeting bot needs.
#: User.ReadBasic.All: the people picked in the scheduling form are read from the directory.
GRAPH_APP_ROLES = frozenset(
    {"OnlineMeetings.ReadWrite.All", "Calendars.ReadWrite", "User.ReadBasic.All"}
)
#: Delegated permissions (scopes) the meeting bot needs in single sign-on mode.
GRAPH_DELEGATED_SCOPES = frozenset(
    {"OnlineMeetings.ReadWrite", "Calendars.ReadWrite", "User.ReadBasic.All"}
)
OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})

_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


@dataclass(frozen=True, slots=True)
class AppRegistration:
    """An Entra app registration plus what admins granted it.

    `app_roles`: Graph application permissions with admin consent (go into app tokens' `roles`).
    `delegated_consent`: Graph delegated scopes users (or an admin) consented to, for OBO.
    `certificates`: PEM certificates whose keys may sign client assertions.
    """

    client_id: str
    tenant_id: str
    secrets: tuple[str, ...] = ()
    certificates: tuple[str, ...] = ()
    app_roles: frozenset[str] = GRAPH_APP_ROLES
    delegated_consent: frozenset[str] = GRAPH_DELEGATED_SCOPES
    name: str = "Meeting Bot"

    @property
    def identifier_uri(self) -> str:
        """The Application ID URI Teams SSO tokens are issued for."""
        return f"api://botid-{self.client_id}"


@dataclass(frozen=True, slots=True)
class IdentitySettings:
    """The emulated directory; tenants are the apps' own plus `extra_tenants`."""

    apps: tuple[AppRegistration, ...] = ()
    extra_tenants: tuple[str, ...] = ()
    token_lifetime_seconds: int = 3600

    def app(self, client_id: str) -> AppRegistration | None:
        return next((a for a in self.apps if a.client_id.lower() == client_id.lower()), None)

    def resolve_tenant(self, segment: str) -> str | None:
        """The tenant GUID an authority path names, or None when Entra would say "not found"."""
        lowered = segment.lower()
        if lowered == "botframework.com":
            return BOT_FRAMEWORK_TENANT_ID
        if lowered in ("organizations", "common"):
            return lowered
        known = {a.tenant_id.lower() for a in self.apps} | {t.lower() for t in self.extra_tenants}
        known.add(BOT_FRAMEWORK_TENANT_ID)
        return lowered if _GUID.match(lowered) and lowered in known else None
