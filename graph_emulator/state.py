"""The per-app state handlers share, stored on the aiohttp application under a typed key."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from aiohttp import web

from graph_emulator.config import EmulatorSettings
from graph_emulator.faults import FaultInjector
from graph_emulator.odata import GraphModel
from graph_emulator.recorder import RequestLog
from graph_emulator.store import Store
from graph_emulator.throttle import MailboxConcurrency


@dataclass
class EmulatorState:
    """Storage, scripted faults, the request log and in-flight counts of one emulator."""

    settings: EmulatorSettings
    store: Store
    faults: FaultInjector
    log: RequestLog = field(default_factory=RequestLog)
    model: GraphModel = field(default_factory=GraphModel.load)
    internal_errors: int = 0
    mailboxes: MailboxConcurrency = field(default_factory=MailboxConcurrency)

    def now(self) -> datetime:
        """The configured clock, in UTC (a naive clock is taken to be UTC)."""
        moment = self.settings.clock()
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)

    def reset(self) -> None:
        """Forget resources, pending faults and logged requests."""
        self.store.wipe()
        self.faults.clear()
        self.log.clear()
        self.internal_errors = 0


STATE = web.AppKey("emulator_state", EmulatorState)


def state_of(request: web.Request) -> EmulatorState:
    return request.app[STATE]
