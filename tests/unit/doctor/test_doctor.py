"""`meeting-bot doctor` passes a good set-up and, for each broken one, fails naming the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.manifest import build_package
from graph_emulator.identity import IdentityServer
from tests.support.activities import USER_AAD
from tests.support.identity_fixtures import APP_ID
from tests.support.servers import Emulator
from tests.unit.doctor.doctor_support import doctor_lines, failure

pytest_plugins = ["tests.support.identity_fixtures"]

PROJECT_ROOT = Path(__file__).resolve().parents[3]
ANOTHER_APP = "99999999-1111-4222-8333-944455556666"
IDENTITY_ENV = ("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppCertificatePath")


def doctor_cli(**env: str) -> subprocess.CompletedProcess[str]:
    """`meeting-bot doctor` in its own process, as an admin runs it."""
    base = {k: v for k, v in os.environ.items() if k not in IDENTITY_ENV}
    return subprocess.run(
        [sys.executable, "-m", "bot", "doctor"],
        env={**base, "LOCAL_MODE": "", "GRAPH_BASE_URL": "", **env},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_local_mode_passes_from_the_command_line() -> None:
    done = doctor_cli()

    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line.split(":")[0] for line in lines] == [
        "PASS settings",
        "PASS token",
        "SKIP permissions",
        "PASS directory",
        "PASS mailbox",
        "PASS probe",
        "PASS tenants",
        "SKIP manifest",
    ]


def test_a_malformed_app_id_fails_from_the_command_line() -> None:
    done = doctor_cli(MicrosoftAppId="my-bot", MicrosoftAppPassword="whatever")

    [line] = done.stdout.splitlines()
    assert done.returncode == 1
    assert line.startswith("FAIL settings")
    assert "MicrosoftAppId='my-bot' is not a GUID" in line
    assert "whatever" not in line


async def test_a_good_configuration_passes_every_check(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    code, lines = await doctor_lines(identity, secure_emulator, tmp_path, package)

    assert code == 0, lines
    assert [line.split(":")[0] for line in lines] == [
        "PASS settings",
        "PASS token",
        "PASS permissions",
        "PASS directory",
        "PASS mailbox",
        "PASS probe",
        "PASS tenants",
        "PASS manifest",
    ]
    [probe] = await secure_emulator.graph_calls("createOrGet")
    assert probe["body"]["externalId"] == "meetingbot-doctor-probe"
    assert probe["path"] == f"/v1.0/users/{USER_AAD}/onlineMeetings/createOrGet"


async def test_a_wrong_secret_fails_the_token_check_with_entras_code(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    wrong = "not~the~secret~at~all~1234"

    code, lines = await doctor_lines(
        identity, secure_emulator, tmp_path, package, MicrosoftAppPassword=wrong
    )

    line = failure(lines, "token")
    assert code == 1
    assert "AADSTS7000215" in line
    assert "create a new client secret" in line
    assert wrong not in "\n".join(lines)
    assert await secure_emulator.requests() == []


@pytest.mark.parametrize(
    "granted_roles", [frozenset({"OnlineMeetings.ReadWrite.All", "User.ReadBasic.All"})]
)
async def test_a_missing_role_fails_the_permissions_check(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    code, lines = await doctor_lines(identity, secure_emulator, tmp_path, package)

    line = failure(lines, "permissions")
    assert code == 1
    assert "lacks Calendars.ReadWrite" in line
    assert "grant admin consent" in line
    assert APP_ID in line


@pytest.mark.parametrize("users_without_policy", [frozenset({USER_AAD})])
async def test_a_user_without_access_policy_fails_the_probe_with_the_cmdlets(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    code, lines = await doctor_lines(identity, secure_emulator, tmp_path, package)

    line = failure(lines, "probe")
    assert code == 1
    assert "no Teams application access policy" in line
    assert f'New-CsApplicationAccessPolicy -Identity MeetingBot-Policy -AppIds "{APP_ID}"' in line
    assert (
        f'Grant-CsApplicationAccessPolicy -PolicyName MeetingBot-Policy -Identity "{USER_AAD}"'
        in (line)
    )


@pytest.mark.parametrize(
    "granted_roles", [frozenset({"Calendars.ReadWrite", "User.ReadBasic.All"})]
)
async def test_a_missing_meeting_permission_is_told_apart_from_an_access_policy(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    code, lines = await doctor_lines(identity, secure_emulator, tmp_path, package)

    line = failure(lines, "probe")
    assert code == 1
    assert "OnlineMeetings.ReadWrite.All" in line
    assert "access policy" not in line


async def test_a_package_for_another_app_fails_the_manifest_check(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path
) -> None:
    other = build_package(ANOTHER_APP, tmp_path / "other.zip")

    code, lines = await doctor_lines(identity, secure_emulator, tmp_path, other)

    line = failure(lines, "manifest")
    assert code == 1
    assert f"expected the bot's app id {APP_ID}" in line
    assert f"meeting-bot manifest build --app-id {APP_ID}" in line
