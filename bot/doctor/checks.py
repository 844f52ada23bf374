"""The individual `meeting-bot doctor` checks: each returns a Check naming what to fix.

They use the bot's own machinery (Entra/msal, GraphClient, the manifest validator), so a PASS
means the running bot would succeed at the same step.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt

from bot.config import Settings
from bot.graph.auth import (
    GRAPH_DEFAULT_SCOPE,
    TokenAcquisitionError,
    msal_failure,
)
from bot.identity.entra import Entra
from bot.identity.permissions import APP_PERMISSIONS
from bot.manifest import validate_path

CONSENT_PATH = "Entra admin center > App registrations > {app} > API permissions"


@dataclass(frozen=True)
class Check:
    """One doctor check's outcome, with the fix when it failed."""

    name: str
    status: str  # PASS | FAIL | SKIP
    detail: str
    fix: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "FAIL"

    def line(self) -> str:
        text = f"{self.status} {self.name}: {self.detail}"
        return f"{text} -> fix: {self.fix}" if self.fix and self.failed else text


def passed(name: str, detail: str) -> Check:
    return Check(name, "PASS", detail)


def failed(name: str, detail: str, fix: str) -> Check:
    return Check(name, "FAIL", detail, fix)


def skipped(name: str, detail: str) -> Check:
    return Check(name, "SKIP", detail)


def token_tenant(settings: Settings) -> str:
    """The tenant app-only tokens are checked in: the app's own, else the first allowed one."""
    listed = [t for t in settings.identity.allowed_tenants if t != "*"]
    return settings.app_tenant_id or (listed[0] if listed else "organizations")


def token_fix(error: TokenAcquisitionError, settings: Settings) -> str:
    """What to change for msal's / Entra's error, by AADSTS code or msal error."""
    app, tenant = settings.app_id, token_tenant(settings)
    fixes = {
        "AADSTS7000215": f"MicrosoftAppPassword is not a client secret of app {app}: create a "
        "new client secret (Certificates & secrets) and set its Value, not its Secret ID",
        "AADSTS7000222": f"the client secret of app {app} expired: create a new one",
        "AADSTS700016": f"app {app} does not exist in tenant {tenant}: check MicrosoftAppId "
        "and MicrosoftAppTenantId",
        "AADSTS700027": f"upload the certificate to app {app} (Certificates & secrets) and check "
        "MicrosoftAppCertificatePath / MicrosoftAppCertificateThumbprint",
        "AADSTS90002": f"tenant {tenant} does not exist: check MicrosoftAppTenantId",
    }
    by_code = {
        "invalid_authority": f"check MicrosoftAppTenantId ({tenant}) and AUTHORITY_HOST "
        f"({settings.identity.authority_host})",
        "authority_unreachable": f"make {settings.identity.authority_host} reachable "
        "(network, proxy, AUTHORITY_CA_BUNDLE)",
        "no_credential": "set MicrosoftAppPassword or MicrosoftAppCertificatePath",
    }
    return (
        fixes.get(error.aadsts)
        or by_code.get(error.code)
        or (f"see Entra's error {error.aadsts or error.code} for app {app}")
    )


async def acquire_app_token(settings: Settings, entra: Entra) -> str:
    """An app-only Graph token via msal, exactly as the bot gets one."""
    app = await asyncio.to_thread(entra.confidential_app, token_tenant(settings))
    result: dict[str, Any] = await asyncio.to_thread(
        app.acquire_token_for_client, scopes=[GRAPH_DEFAULT_SCOPE]
    )
    if "access_token" not in result:
        raise msal_failure(result, "Could not get a Graph token", entra.credential.redact)
    return str(result["access_token"])


def token_roles(token: str) -> frozenset[str]:
    """The application permissions an app token carries (read, not verified)."""
    claims = jwt.decode(token, options={"verify_signature": False})
    return frozenset(str(role) for role in claims.get("roles") or [])


def roles_check(token: str, settings: Settings) -> Check:
    """Are the bot's application permissions granted (the token's `roles`)?"""
    roles = token_roles(token)
    missing = [p for p in APP_PERMISSIONS if p not in roles]
    has = ", ".join(sorted(roles)) or "none"
    if missing:
        return failed(
            "permissions",
            f"the Graph token lacks {', '.join(missing)} (it has: {has})",
            f"add Microsoft Graph application permission(s) {', '.join(missing)} in "
            f"{CONSENT_PATH.format(app=settings.app_id)} and grant admin consent",
        )
    return passed("permissions", f"the Graph token carries {', '.join(APP_PERMISSIONS)}")


def manifest_check(path: Path, settings: Settings) -> Check:
    problems = validate_path(path, app_id=settings.app_id or None)
    if problems:
        shown = "; ".join(problems[:3]) + ("; ..." if len(problems) > 3 else "")
        app = settings.app_id or "<app id>"
        return failed(
            "manifest",
            f"{path}: {shown}",
            f"rebuild the package: meeting-bot manifest build --app-id {app}",
        )
    return passed("manifest", f"{path}: bot id and webApplicationInfo match {settings.app_id}")
