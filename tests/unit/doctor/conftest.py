"""The doctor tests' app registration: granted `granted_roles` (a test parametrizes it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.manifest import build_package
from graph_emulator.identity import AppRegistration
from tests.support.identity_fixtures import APP_ID
from tests.unit.doctor.doctor_support import ALL_ROLES


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return build_package(APP_ID, tmp_path / "meeting-bot.zip")


@pytest.fixture
def granted_roles() -> frozenset[str]:
    return ALL_ROLES


@pytest.fixture
def app_registration(
    app_registration: AppRegistration, granted_roles: frozenset[str]
) -> AppRegistration:
    return replace(app_registration, app_roles=granted_roles)
