"""`meeting-bot db upgrade`: apply pending schema migrations to the configured database
(DATABASE_URL, else the SQLite file BOT_DB), exactly as the bot does when it starts."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.storage import Upgrade


def add_db_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = subparsers.add_parser("db", help="the bot's database: apply schema migrations")
    db_sub = db.add_subparsers(dest="db_cmd", required=True)
    upgrade = db_sub.add_parser(
        "upgrade", help="apply pending migrations to DATABASE_URL (else BOT_DB)"
    )
    upgrade.set_defaults(func=upgrade_command)


def upgrade_command(
    args: argparse.Namespace,
    env: Mapping[str, str] | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """0 when the database is at this bot's schema version; 1 when it cannot be, 2 on a bad
    setting. Safe to run while replicas start: migrations take a lock."""
    from bot.config import ConfigError, load_settings
    from bot.storage import describe_store

    try:
        settings = load_settings(os.environ if env is None else env)
        upgrade = asyncio.run(_upgrade(settings))
    except ConfigError as exc:
        print(f"meeting-bot db upgrade: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # unreachable, refused, newer than this bot: said in one line
        print(f"meeting-bot db upgrade: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    out(describe_store(settings))
    if upgrade.before == upgrade.after:
        out(f"The schema is up to date (version {upgrade.after}).")
    else:
        out(f"Upgraded the schema from version {upgrade.before} to {upgrade.after}.")
    return 0


async def _upgrade(settings: Settings) -> Upgrade:
    from bot.storage import store_for

    store = store_for(settings)
    try:
        return await store.open()
    finally:
        await store.aclose()
