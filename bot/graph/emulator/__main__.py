"""`python -m bot.graph.emulator --port 3979 [--db PATH]`: run the Graph emulator on its own."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from collections.abc import Sequence

from bot.graph.emulator.config import DEFAULT_TENANT_ID, EmulatorSettings
from bot.graph.emulator.server import start_emulator


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.graph.emulator", description="Serve the local Graph emulator."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3979)
    parser.add_argument("--db", default=":memory:", help="SQLite file (default: in memory)")
    parser.add_argument("--tenant", default=DEFAULT_TENANT_ID, help="tenant for non-JWT tokens")
    parser.add_argument("--latency-ms", type=int, default=0, help="delay every Graph call")
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    settings = EmulatorSettings(
        db_path=args.db, default_tenant_id=args.tenant, latency_ms=args.latency_ms
    )
    running = await start_emulator(settings, host=args.host, port=args.port)
    print(f"Graph emulator: {running.base_url}  (control API: {running.control_url}/_emulator)")
    try:
        await asyncio.Event().wait()
    finally:
        await running.close()


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is the normal way to stop it
        asyncio.run(_serve(_arguments(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
