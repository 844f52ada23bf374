"""Serving the emulator on a real socket, for `meeting-bot serve --local` and for tests."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from graph_emulator.app import GRAPH_PREFIX, create_emulator_app
from graph_emulator.config import EmulatorSettings


@dataclass(frozen=True, slots=True)
class RunningEmulator:
    """A started emulator. `base_url` is what a Graph client uses in place of
    https://graph.microsoft.com/v1.0; `control_url` is the server root, under which the
    control API lives at `/_emulator/...`."""

    app: web.Application
    runner: web.AppRunner
    host: str
    port: int

    @property
    def control_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.control_url + GRAPH_PREFIX

    async def close(self) -> None:
        """Stop serving and close the SQLite store."""
        await self.runner.cleanup()


async def start_emulator(
    settings: EmulatorSettings | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    shutdown_timeout: float = 5.0,
) -> RunningEmulator:
    """Serve a new emulator on host:port (port 0 picks a free one) and return at once.
    `close` waits up to `shutdown_timeout` for calls still being answered (a fault's long
    latency), then drops them."""
    app = create_emulator_app(settings)
    runner = web.AppRunner(app, shutdown_timeout=shutdown_timeout, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    bound_port = int(runner.addresses[0][1])
    return RunningEmulator(app=app, runner=runner, host=host, port=bound_port)
