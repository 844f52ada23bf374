"""An in-process Microsoft Graph emulator (onlineMeetings; calendar resources to follow).

It answers like graph.microsoft.com/v1.0 — status codes, error bodies, headers, date formats —
so the bot runs locally without a tenant and its Graph client is tested against real HTTP.
"""

from bot.graph.emulator.app import create_emulator_app
from bot.graph.emulator.auth import Caller, caller_from_request
from bot.graph.emulator.config import DEFAULT_TENANT_ID, EmulatorSettings
from bot.graph.emulator.faults import FaultRule
from bot.graph.emulator.server import RunningEmulator, start_emulator

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
