"""How an emulator instance is set up: storage, tenant, clock, latency, scripted faults, the
delay before a calendar event's Teams join link appears, and how much of the request log to keep.

Behaviours that differ per tenant or per user are not here but in the store, set through the
control API: graph_emulator/tenant_settings.py and graph_emulator/user_directory.py."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph_emulator.faults import FaultRule
from graph_emulator.recorder import DEFAULT_LIMIT

#: Tenant used when the bearer token is not a JWT (or has no `tid`).
DEFAULT_TENANT_ID = "00000000-0000-0000-0000-00000000c0de"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class EmulatorSettings:
    """Everything `create_emulator_app` needs; `clock` lets tests pin "now".

    `join_url_delay_seconds`: how long (by `clock`) a newly online event answers with
    `isOnlineMeeting: true` but `onlineMeeting: null`, as Graph does while Teams provisions it.
    """

    db_path: str | os.PathLike[str] = ":memory:"
    default_tenant_id: str = DEFAULT_TENANT_ID
    clock: Callable[[], datetime] = field(default=utc_now)
    latency_ms: int = 0
    faults: tuple[FaultRule, ...] = ()
    join_url_delay_seconds: float = 0.0
    #: Verify bearer tokens against these keys (a JWKS document) and enforce Graph permissions;
    #: None (local mode) accepts any bearer token. See graph_emulator/auth.py.
    jwks: Mapping[str, Any] | None = None
    #: The `iss` a verified token must carry, `{tid}` standing for its tenant.
    token_issuer: str = "https://login.microsoftonline.com/{tid}/v2.0"
    #: Users for whom app-only onlineMeetings calls get Graph's "no application access policy".
    users_without_access_policy: frozenset[str] = frozenset()
    #: How many Graph calls /_emulator/requests keeps (the newest); settable at run time too.
    request_log_limit: int = DEFAULT_LIMIT
