"""`python -m graph_emulator [--host H] [--port P] [--db PATH]`: the Graph emulator on its own."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from collections.abc import Sequence

from graph_emulator.config import DEFAULT_TENANT_ID, EmulatorSettings
from graph_emulator.recorder import DEFAULT_LIMIT
from graph_emulator.server import start_emulator


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The emulator's flags, shared by `python -m graph_emulator` and `meeting-bot emulator`."""
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3979)
    parser.add_argument("--db", default=":memory:", help="SQLite file (default: in memory)")
    parser.add_argument("--tenant", default=DEFAULT_TENANT_ID, help="tenant for non-JWT tokens")
    parser.add_argument("--latency-ms", type=int, default=0, help="delay every Graph call")
    parser.add_argument(
        "--request-log-limit",
        type=int,
        default=DEFAULT_LIMIT,
        help=f"Graph calls /_emulator/requests keeps (default {DEFAULT_LIMIT})",
    )


async def _serve(args: argparse.Namespace) -> None:
    settings = EmulatorSettings(
        db_path=args.db,
        default_tenant_id=args.tenant,
        latency_ms=args.latency_ms,
        request_log_limit=max(1, args.request_log_limit),
    )
    running = await start_emulator(settings, host=args.host, port=args.port)
    print(f"Graph emulator: {running.base_url}  (control API: {running.control_url}/_emulator)")
    try:
        await asyncio.Event().wait()
    finally:
        await running.close()


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C; 1 with one line when the port cannot be bound."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is the normal way to stop it
            asyncio.run(_serve(args))
    except OSError as exc:
        print(
            f"graph emulator: {exc} (is another process using port {args.port}?)", file=sys.stderr
        )
        return 1
    return 0


def main(argv: Sequence[str] | None = None, prog: str = "python -m graph_emulator") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Serve the local Graph emulator.")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
