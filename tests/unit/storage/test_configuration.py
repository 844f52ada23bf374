"""Which store the bot opens (DATABASE_URL, else BOT_DB), and `meeting-bot db upgrade`."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.storage import describe_store, store_for
from bot.storage.cli import upgrade_command
from bot.storage.migrations import latest
from bot.storage.postgres import PostgresStore
from bot.storage.sqlite import SqliteStore
from tests.unit.storage.conftest import Backend

URL = "postgresql://bot:s3cret@db.internal:6432/meetings"


def test_database_url_chooses_postgresql_and_is_described_without_its_password() -> None:
    settings = load_settings({"DATABASE_URL": URL, "BOT_DB": "ignored.sqlite3"})

    assert isinstance(store_for(settings), PostgresStore)
    assert describe_store(settings) == "Storage: PostgreSQL at db.internal:6432/meetings."
    assert "s3cret" not in repr(settings)


def test_without_database_url_the_store_is_sqlite_at_bot_db(tmp_path: Path) -> None:
    settings = load_settings({"BOT_DB": str(tmp_path / "bot.sqlite3")})

    store = store_for(settings)

    assert isinstance(store, SqliteStore)
    store.close()
    assert str(tmp_path / "bot.sqlite3") in describe_store(settings)


def test_a_database_url_of_another_kind_is_refused_by_name() -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL must be a postgresql://"):
        store_for(load_settings({"DATABASE_URL": "mysql://bot@db/meetings"}))


def test_db_upgrade_upgrades_then_refuses_a_newer_database(
    backend: Backend, capsys: pytest.CaptureFixture[str]
) -> None:
    said: list[str] = []
    env = {"LOCAL_MODE": "true", **backend.env()}

    first = upgrade_command(argparse.Namespace(), env=env, out=said.append)
    newest = latest(backend.name)
    backend.sql(
        "INSERT INTO schema_version (version, name, applied_at) "
        f"VALUES ({newest + 1}, 'future', '2030-01-01T00:00:00+00:00')"
    )
    refused = upgrade_command(argparse.Namespace(), env=env, out=said.append)

    assert (first, refused) == (0, 1)
    assert said[-1] == f"Upgraded the schema from version 0 to {newest}."
    error = capsys.readouterr().err
    assert f"schema version {newest + 1}" in error
    assert f"up to {newest}" in error
