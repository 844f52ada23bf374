"""Versioned schema migrations: `NNNN_name.<dialect>.sql`, applied in order, once each.

Each backend has its own file per version (the dialects differ in types, not in meaning);
`schema_version` records what was applied. Version 1 creates the tables the bot had before
migrations existed, only where they are absent, so a database upgraded in place keeps its rows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.storage.records import SchemaTooNew

_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>\w+)\.(?P<dialect>sqlite|postgresql)\.sql$")
DIALECTS = ("sqlite", "postgresql")


@dataclass(frozen=True, eq=False)  # one object per schema step: compared by identity
class Migration:
    """One schema step: its version, its name and its SQL."""

    version: int
    name: str
    sql: str


@cache
def migrations(dialect: str) -> tuple[Migration, ...]:
    """The dialect's migrations, in version order, checked to be numbered 1, 2, 3, ..."""
    found = []
    for entry in resources.files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match and match["dialect"] == dialect:
            found.append(Migration(int(match["version"]), match["name"], entry.read_text()))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"{dialect} migrations are not numbered 1..n: {found}")
    return tuple(found)


def latest(dialect: str) -> int:
    return len(migrations(dialect))


def pending(dialect: str, current: int) -> tuple[Migration, ...]:
    """What a database at `current` still needs; refuses one newer than this code."""
    if current > latest(dialect):
        raise SchemaTooNew(current, latest(dialect))
    return migrations(dialect)[current:]


def sqlite_statements(script: str) -> list[str]:
    """A script cut into statements (sqlite3's executescript would commit our transaction)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements
