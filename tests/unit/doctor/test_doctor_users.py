"""`meeting-bot doctor --test-user` on what real tenants answer for a user, each switched on in
the Graph emulator (its sources: graph_emulator/user_gates.py, user_directory.py, auth.py):
no mailbox, a guest, no Teams licence, both access-policy wordings, no User.ReadBasic.All."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph_emulator.identity import IdentityServer
from tests.support.activities import TENANT, USER_AAD
from tests.support.identity_fixtures import APP_ID
from tests.support.servers import Emulator
from tests.unit.doctor.doctor_support import doctor_lines, failure, seed_test_user

pytest_plugins = ["tests.support.identity_fixtures"]


async def doctor_for(
    identity: IdentityServer, graph: Emulator, tmp_path: Path, package: Path, **user: Any
) -> tuple[int, list[str]]:
    if user:
        await seed_test_user(graph, **user)
    return await doctor_lines(identity, graph, tmp_path, package)


async def test_a_user_without_a_mailbox_fails_the_mailbox_check_with_the_licence_to_assign(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    """MailboxNotEnabledForRESTAPI: tests/emulator/test_emulator_user_gates.py."""
    code, lines = await doctor_for(identity, secure_emulator, tmp_path, package, hasMailbox=False)

    line = failure(lines, "mailbox")
    assert code == 1
    assert "no Exchange Online mailbox" in line
    assert "MailboxNotEnabledForRESTAPI" in line
    assert "assign the user an Exchange Online licence" in line
    assert "meet now still works" in line
    assert any(other.startswith("PASS probe") for other in lines), lines


async def test_a_guest_fails_the_directory_and_probe_checks_as_a_guest(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    """A guest's onlineMeetings 403 has no message (microsoft-graph-docs #8889, #4832)."""
    code, lines = await doctor_for(
        identity, secure_emulator, tmp_path, package, userType="Guest", displayName="Gus Guest"
    )

    assert code == 1
    assert "is a guest" in failure(lines, "directory")
    assert "Gus Guest" in failure(lines, "directory")
    assert "guests cannot organize Teams meetings" in failure(lines, "probe")
    assert "no Exchange Online mailbox" in failure(lines, "mailbox")


async def test_a_member_without_a_teams_licence_is_told_apart_from_a_permission(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    """The token carries OnlineMeetings.ReadWrite.All, so the wordless 403 is the licence."""
    code, lines = await doctor_for(
        identity, secure_emulator, tmp_path, package, hasTeamsLicense=False
    )

    line = failure(lines, "probe")
    assert code == 1
    assert "no Teams licence" in line
    assert "assign the user a Teams licence" in line
    assert "grant the application permission" not in line
    assert any(other.startswith("PASS directory") for other in lines), lines


@pytest.mark.parametrize(
    ("policy", "graph_code"),
    [("noPolicy", "General"), ("notAuthorized", "Unauthorized")],
    ids=["no-policy-found", "app-not-authorized"],
)
async def test_either_access_policy_wording_fails_the_probe_with_the_cmdlets_and_the_delay(
    identity: IdentityServer,
    secure_emulator: Emulator,
    tmp_path: Path,
    package: Path,
    policy: str,
    graph_code: str,
) -> None:
    """Both 403 wordings: graph_emulator/user_gates.py (msgraph-sdk-dotnet #2350; Microsoft's
    "Configure application access to online meetings" article)."""
    code, lines = await doctor_for(
        identity, secure_emulator, tmp_path, package, applicationAccessPolicy=policy
    )

    line = failure(lines, "probe")
    assert code == 1
    assert f"Graph 403 {graph_code}" in line
    assert "no Teams application access policy" in line
    assert f'New-CsApplicationAccessPolicy -Identity MeetingBot-Policy -AppIds "{APP_ID}"' in line
    assert (
        f'Grant-CsApplicationAccessPolicy -PolicyName MeetingBot-Policy -Identity "{USER_AAD}"'
        in (line)
    )
    assert "up to 30 minutes" in line


@pytest.mark.parametrize(
    "granted_roles", [frozenset({"OnlineMeetings.ReadWrite.All", "Calendars.ReadWrite"})]
)
async def test_without_user_read_basic_all_the_directory_check_names_the_permission(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    """GET /users/{id} without it: 403 Authorization_RequestDenied (graph_emulator/auth.py)."""
    code, lines = await doctor_lines(identity, secure_emulator, tmp_path, package)

    assert code == 1
    assert "lacks User.ReadBasic.All" in failure(lines, "permissions")
    directory = failure(lines, "directory")
    assert "Authorization_RequestDenied" in directory
    assert "application permission User.ReadBasic.All" in directory
    assert any(other.startswith("PASS probe") for other in lines), lines


async def test_a_user_missing_from_a_closed_directory_fails_naming_the_user(
    identity: IdentityServer, secure_emulator: Emulator, tmp_path: Path, package: Path
) -> None:
    """ErrorInvalidUser / Request_ResourceNotFound: tests/emulator/test_emulator_directory.py."""
    closed = await secure_emulator.control.put(
        f"/_emulator/tenants/{TENANT}", json={"directory": "closed"}
    )
    assert closed.status_code == 200, closed.text

    code, lines = await doctor_lines(identity, secure_emulator, tmp_path, package)

    assert code == 1
    assert f"the directory has no user {USER_AAD}" in failure(lines, "directory")
    assert "is invalid" in failure(lines, "mailbox")
