"""`meeting-bot doctor`: is this installation safe and working? One line per check, each FAIL
with its fix; the exit code is non-zero when anything failed.

Without credentials it checks local mode against an in-process Graph emulator; with them it
gets a real token through msal, reads its permissions, checks `--test-user` (directory entry,
mailbox, a probe meeting: bot/doctor/user_checks.py) and the app package with `--manifest`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from bot.config import ConfigError, GraphAuthMode, Settings, load_settings
from bot.doctor.checks import (
    Check,
    acquire_app_token,
    failed,
    manifest_check,
    passed,
    roles_check,
    skipped,
    token_fix,
    token_roles,
)
from bot.doctor.user_checks import ProbeUser, user_checks
from bot.graph.auth import TokenAcquisitionError
from bot.identity.entra import Entra

#: The probe user in local mode (the emulator has every user).
LOCAL_PROBE_USER = "00000000-0000-0000-0000-00000000d0c7"


async def run_doctor(
    env: Mapping[str, str], *, test_user: str | None = None, manifest: Path | None = None
) -> list[Check]:
    try:
        settings = load_settings(env)
    except ConfigError as exc:
        return [failed("settings", "a setting is missing or malformed", str(exc))]
    if settings.app_id and not settings.has_app_credentials:
        return [
            failed(
                "settings",
                "MicrosoftAppId is set without a credential",
                "set MicrosoftAppPassword or MicrosoftAppCertificatePath",
            )
        ]
    if settings.local:
        checks = await _local(settings, test_user)
    else:
        checks = await _connected(settings, test_user)
    checks.append(_tenants(settings))
    if manifest is not None:
        checks.append(manifest_check(manifest, settings))
    else:
        checks.append(skipped("manifest", "pass --manifest PATH (the app package zip) to check it"))
    return checks


async def _local(settings: Settings, test_user: str | None) -> list[Check]:
    from graph_emulator import EmulatorSettings, start_emulator

    checks = [
        passed("settings", "local mode: no credentials, Graph calls go to the embedded emulator"),
        passed("token", "local mode uses a fixed token, which the emulator accepts"),
        skipped("permissions", "local mode: the emulator checks no permissions"),
    ]
    emulator = await start_emulator(EmulatorSettings(), host=settings.emulator_host, port=0)
    try:
        user = ProbeUser(test_user or LOCAL_PROBE_USER, "on the in-process Graph emulator", None)
        checks += await user_checks(settings, emulator.base_url, "local", user)
    finally:
        await emulator.close()
    return checks


async def _connected(settings: Settings, test_user: str | None) -> list[Check]:
    try:
        entra = Entra(settings)
    except ConfigError as exc:
        return [failed("settings", "the client credential cannot be loaded", str(exc))]
    checks = [
        passed(
            "settings",
            f"app {settings.app_id} with a {entra.credential.kind}, Graph at "
            f"{settings.graph_base_url} ({settings.graph_auth.value} permissions)",
        )
    ]
    try:
        token = await acquire_app_token(settings, entra)
    except TokenAcquisitionError as exc:
        checks.append(failed("token", str(exc), token_fix(exc, settings)))
        return checks
    finally:
        entra.close()
    checks.append(passed("token", f"msal got an app token from {settings.identity.authority_host}"))
    if settings.graph_auth is GraphAuthMode.DELEGATED:
        checks.append(skipped("permissions", "delegated mode: each user consents when signing in"))
        checks.append(skipped("probe", "delegated mode: sign in through Teams and send meet now"))
        return checks
    checks.append(roles_check(token, settings))
    if test_user:
        user = ProbeUser(test_user, "", token_roles(token))
        checks += await user_checks(settings, settings.graph_base_url, token, user)
    else:
        checks.append(
            skipped("probe", "pass --test-user <aadObjectId> to check a user and probe Graph")
        )
    return checks


def _tenants(settings: Settings) -> Check:
    allowed = settings.tenant_allowlist
    if allowed is None and settings.has_app_credentials:
        return passed("tenants", "every tenant may use the bot (ALLOWED_TENANTS=*)")
    if allowed is None:
        return passed("tenants", "local mode: no tenant check")
    return passed("tenants", f"only {', '.join(sorted(allowed))} may use the bot")


def report(checks: list[Check], out: Callable[[str], None] = print) -> int:
    """Print one line per check; the exit code: 1 when any check failed, else 0."""
    for check in checks:
        out(check.line())
    return 1 if any(check.failed for check in checks) else 0
