"""How an emulator instance is set up: storage, tenant, clock, latency and scripted faults."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.graph.emulator.faults import FaultRule

#: Tenant used when the bearer token is not a JWT (or has no `tid`).
DEFAULT_TENANT_ID = "00000000-0000-0000-0000-00000000c0de"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class EmulatorSettings:
    """Everything `create_emulator_app` needs; `clock` lets tests pin "now"."""

    db_path: str | os.PathLike[str] = ":memory:"
    default_tenant_id: str = DEFAULT_TENANT_ID
    clock: Callable[[], datetime] = field(default=utc_now)
    latency_ms: int = 0
    faults: tuple[FaultRule, ...] = ()
