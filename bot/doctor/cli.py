"""The `meeting-bot doctor` subcommand; the checks are imported only when it runs, so other
subcommands start without loading msal."""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Callable, Mapping
from pathlib import Path


def add_doctor_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    d = subparsers.add_parser("doctor", help="check the bot's identity set-up, with fixes")
    d.add_argument("--test-user", help="Entra object id of a user to probe createOrGet for")
    d.add_argument("--manifest", type=Path, help="the Teams app package (zip) to check")
    d.set_defaults(func=doctor_command)


def doctor_command(
    args: argparse.Namespace,
    env: Mapping[str, str] | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """One line per check; exit code 1 when any check failed."""
    from bot.doctor.run import report, run_doctor

    source = os.environ if env is None else env
    checks = asyncio.run(run_doctor(source, test_user=args.test_user, manifest=args.manifest))
    return report(checks, out)
