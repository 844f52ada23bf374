"""The Microsoft Graph emulator (onlineMeetings, calendar, events, users) and its Entra-like token
server.

It answers like graph.microsoft.com/v1.0 — status codes, error bodies, headers, date formats —
so the bot runs locally without a tenant and its Graph client is tested against real HTTP.
"""

from graph_emulator.app import create_emulator_app
from graph_emulator.auth import Caller, caller_from_request
from graph_emulator.config import DEFAULT_TENANT_ID, EmulatorSettings
from graph_emulator.faults import FaultRule
from graph_emulator.server import RunningEmulator, start_emulator

__all__ = [
    "DEFAULT_TENANT_ID",
    "Caller",
    "EmulatorSettings",
    "FaultRule",
    "RunningEmulator",
    "caller_from_request",
    "create_emulator_app",
    "start_emulator",
]
