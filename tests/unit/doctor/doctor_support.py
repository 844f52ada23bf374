"""Running doctor in-process against the identity server and a verifying Graph emulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.doctor.run import report, run_doctor
from graph_emulator.identity import IdentityServer
from tests.support.activities import TENANT, USER_AAD
from tests.support.identity_fixtures import bot_env
from tests.support.servers import Emulator

#: Every application permission the bot asks an admin for (bot/identity/permissions.py).
ALL_ROLES = frozenset({"OnlineMeetings.ReadWrite.All", "Calendars.ReadWrite", "User.ReadBasic.All"})


async def doctor_lines(
    identity: IdentityServer, graph: Emulator, tmp_path: Path, manifest: Path, **env: str
) -> tuple[int, list[str]]:
    checks = await run_doctor(
        bot_env(identity, graph, tmp_path, **env), test_user=USER_AAD, manifest=manifest
    )
    lines: list[str] = []
    return report(checks, lines.append), lines


def failure(lines: list[str], check: str) -> str:
    found = [line for line in lines if line.startswith(f"FAIL {check}:")]
    assert len(found) == 1, f"expected one FAIL {check} line in {lines}"
    return found[0]


async def seed_test_user(graph: Emulator, **switches: Any) -> None:
    """Set the test user's directory switches in the tenant the app's tokens name."""
    response = await graph.control.put(
        f"/_emulator/users/{USER_AAD}", params={"tenant": TENANT}, json=switches
    )
    assert response.status_code == 200, response.text
