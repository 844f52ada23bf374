"""The individual `meeting-bot doctor` checks: each returns a Check naming what to fix.

They use the bot's own machinery (Entra/msal, GraphClient, the manifest validator), so a PASS
means the running bot would succeed at the same step.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt

from bot.config import Settings
from bot.graph.auth import (
    GRAPH_DEFAULT_SCOPE,
    StaticTokenProvider,
    TokenAcquisitionError,
    msal_failure,
)
from bot.graph.client import GraphClient
from bot.graph.errors import GraphAuthError, GraphError, GraphForbidden, GraphNotFound
from bot.identity.entra import Entra
from bot.identity.permissions import APP_PERMISSIONS, access_policy_fix
from bot.manifest import validate_path

PROBE_EXTERNAL_ID = "meetingbot-doctor-probe"
CONSENT_PATH = "Entra admin center > App registrations > {app} > API permissions"


@dataclass(frozen=True)
class Check:
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


def roles_check(token: str, settings: Settings) -> Check:
    """Read (not verify) the token's `roles`: are the bot's application permissions granted?"""
    claims = jwt.decode(token, options={"verify_signature": False})
    roles = set(claims.get("roles") or [])
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


async def probe_check(
    settings: Settings, base_url: str, token: str, user: str, where: str
) -> Check:
    """createOrGet a probe meeting for `user`, telling an access policy from a permission."""
    graph = GraphClient(base_url, StaticTokenProvider(token), timeout=15, max_retries=1)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    body = {
        "externalId": PROBE_EXTERNAL_ID,
        "subject": "Meeting bot doctor probe",
        "startDateTime": start.isoformat().replace("+00:00", "Z"),
        "endDateTime": (start + timedelta(minutes=15)).isoformat().replace("+00:00", "Z"),
    }
    try:
        _, created = await graph.create_or_get_online_meeting(f"users/{user}", body)
    except GraphForbidden as exc:
        if exc.access_policy_missing:
            return failed(
                "probe",
                f"Graph 403: no Teams application access policy for app {settings.app_id} and "
                f"user {user}",
                access_policy_fix(settings.app_id, user),
            )
        return failed(
            "probe",
            f"Graph 403 {exc.code}: the app may not create online meetings",
            f"grant the application permission OnlineMeetings.ReadWrite.All with admin consent "
            f"({CONSENT_PATH.format(app=settings.app_id)})",
        )
    except GraphAuthError as exc:
        return failed(
            "probe",
            f"Graph 401: {exc.message}",
            "the token is not one Graph accepts: check AUTHORITY_HOST and MicrosoftAppTenantId",
        )
    except GraphNotFound:
        return failed("probe", f"Graph has no user {user}", "pass the user's Entra object id")
    except GraphError as exc:
        return failed("probe", str(exc), f"check that {base_url} is reachable and healthy")
    finally:
        await graph.aclose()
    verb = "created" if created else "found"
    return passed("probe", f"{verb} the probe meeting for user {user} {where}")


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
