"""`meeting-bot` command line: serve the bot, inspect the parser, and more."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from collections.abc import Coroutine, Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config import ConfigError, load_settings
from bot.doctor.cli import add_doctor_command
from bot.manifest import add_manifest_commands
from bot.parsing import Mention, parse_command
from bot.storage import StorageError
from bot.storage.cli import add_db_command


def _parse_cmd(args: argparse.Namespace) -> int:
    try:
        tz = ZoneInfo(args.tz)
    except (ZoneInfoNotFoundError, ValueError):
        print(
            f"meeting-bot parse: unknown time zone {args.tz!r} "
            "(use an IANA name such as Europe/Berlin)",
            file=sys.stderr,
        )
        return 2
    if args.now:
        try:
            now = datetime.fromisoformat(args.now)
        except ValueError:
            print(f"meeting-bot parse: --now {args.now!r} is not ISO-8601", file=sys.stderr)
            return 2
        if now.tzinfo is None:
            now = now.replace(tzinfo=tz)
    else:
        now = datetime.now(UTC)
    mentions = []
    for spec in args.mention:
        mention_id, _, name = spec.partition("=")
        if not name:
            print(f"meeting-bot parse: --mention needs ID=NAME, got {spec!r}", file=sys.stderr)
            return 2
        mentions.append(Mention(id=mention_id, name=name, text=f"<at>{name}</at>"))
    command = parse_command(" ".join(args.text), now, tz, args.locale, mentions=mentions)
    print(json.dumps(command.as_dict(), ensure_ascii=False))
    return 0


async def _until_signalled(work: Coroutine[Any, Any, None]) -> None:
    """Run until done, or until SIGINT/SIGTERM: then cancel, so every `finally` cleans up."""
    task = asyncio.ensure_future(work)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await task


#: Libraries that log every HTTP request at INFO (aiohttp's access log, httpx) or warn about
#: nothing a person running the bot can act on (msrest): quiet unless LOG_LEVEL=DEBUG.
QUIET_LOGGERS = {
    "aiohttp.access": logging.WARNING,
    "httpx": logging.WARNING,
    "msrest": logging.ERROR,
}


def configure_logging(level: str) -> None:
    """One line per turn at INFO (bot.transport.handler); everything at DEBUG."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    root = logging.getLogger().level
    if root > logging.DEBUG:
        for name, quiet in QUIET_LOGGERS.items():
            logging.getLogger(name).setLevel(max(quiet, root))


def _serve_cmd(args: argparse.Namespace) -> int:
    env = dict(os.environ)
    if args.local:
        env["LOCAL_MODE"] = "true"
    if args.port is not None:
        env["PORT"] = str(args.port)
    if args.emulator_port is not None:
        env["EMULATOR_PORT"] = str(args.emulator_port)
    if args.host is not None:
        env["BOT_HOST"] = args.host
    try:
        settings = load_settings(env)
    except ConfigError as exc:
        print(f"meeting-bot serve: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    from bot.dev.ports import StartError
    from bot.event_loop import run
    from bot.runtime import serve

    if args.playground:  # the playground's runner only when asked for
        from bot.dev.run import serve_with_playground

        main_task = serve_with_playground(settings, env)
    else:
        main_task = serve(settings)
    try:
        run(_until_signalled(main_task))
    except KeyboardInterrupt:
        pass
    except StartError as exc:  # a port taken, the playground not starting: one line, no trace
        print(f"meeting-bot serve: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"meeting-bot serve: {exc} (is another process using the port?)", file=sys.stderr)
        return 1
    except (ConfigError, StorageError) as exc:  # DATABASE_URL, an unreachable or newer database
        print(f"meeting-bot serve: {exc}", file=sys.stderr)
        return 1
    return 0


def _emulator_cmd(argv: Sequence[str]) -> int:
    """The emulator's own command line, flags and all; imported only when it runs."""
    from graph_emulator.__main__ import main as emulator_main

    return emulator_main(argv, prog="meeting-bot emulator")


def _add_emulator_command(sub: Any) -> None:
    """Listed for --help; `main` hands `emulator ...` to the emulator's own parser."""
    sub.add_parser("emulator", help="serve the Graph emulator alone: [--host H] [--port P] [--db]")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meeting-bot", description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("serve", help="run the bot (with the Graph emulator in local mode)")
    s.add_argument(
        "--local",
        action="store_true",
        help="use the embedded Graph emulator (default without credentials)",
    )
    s.add_argument("--host", help="address to listen on (env BOT_HOST, default 127.0.0.1)")
    s.add_argument("--port", type=int, help="bot port (env PORT, default 3978)")
    s.add_argument("--emulator-port", type=int, help="emulator port (env EMULATOR_PORT, 3979)")
    s.add_argument(
        "--playground",
        action="store_true",
        help="also start the Microsoft 365 Agents Playground (needs Node.js)",
    )
    s.set_defaults(func=_serve_cmd)

    p = sub.add_parser("parse", help="print how the bot reads a message, as JSON")
    p.add_argument("--now", help="the current time, ISO-8601 (default: now)")
    p.add_argument("--tz", default="UTC", help="the sender's IANA time zone (default: UTC)")
    p.add_argument("--locale", default="en-US", help="the sender's locale (default: en-US)")
    p.add_argument(
        "--mention",
        action="append",
        default=[],
        metavar="ID=NAME",
        help="a Teams mention written <at>NAME</at> in TEXT",
    )
    p.add_argument("text", nargs="+", help="the message text")
    p.set_defaults(func=_parse_cmd)

    add_manifest_commands(sub)
    add_doctor_command(sub)
    add_db_command(sub)
    _add_emulator_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["emulator"]:
        return _emulator_cmd(argv[1:])
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result
