"""A throwaway PostgreSQL cluster for the storage tests: initdb + pg_ctl in a temporary directory,
listening on a free loopback port, stopped at the end of the session; one database per test.

The server refuses to run as root, so as root the cluster belongs to the `postgres` system user
(the directory is chowned to it, initdb and pg_ctl run through `runuser -u postgres --`).
Without the binaries (POSTGRES_BIN, default /usr/lib/postgresql/15/bin) or psycopg the
PostgreSQL tests skip and say why — unless REQUIRE_POSTGRES_TESTS=1 (CI), then they fail.
A cluster left running by a killed test run (its owner.pid is gone) is stopped at the next start.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
REQUIRED = os.environ.get("REQUIRE_POSTGRES_TESTS", "") == "1"
PREFIX = "meeting-bot-pg-"
SERVER_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "max_connections": "300",
    "fsync": "off",  # a test cluster: speed over durability
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "log_min_messages": "warning",
}


@dataclass
class PostgresCluster:
    root: Path
    port: int
    runner: tuple[str, ...] = ()  # ("runuser", "-u", "postgres", "--") when we are root
    databases: list[str] = field(default_factory=list)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(sql.encode())

    def create_database(self) -> str:
        name = f"test_{uuid.uuid4().hex[:16]}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
        self.databases.append(name)
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def pg_ctl(self, *args: str) -> None:
        data = str(self.root / "data")
        command = [*self.runner, str(PG_BIN / "pg_ctl"), "-D", data, *args]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self.pg_ctl("-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def unavailable() -> str | None:
    """Why PostgreSQL tests cannot run here, or None."""
    if not (PG_BIN / "postgres").is_file():
        return f"PostgreSQL is not installed ({PG_BIN / 'postgres'} is missing)"
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError as exc:
        return f"the PostgreSQL driver is not installed ({exc})"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run the server as"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _runner() -> tuple[str, ...]:
    return ("runuser", "-u", "postgres", "--") if os.geteuid() == 0 else ()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_abandoned() -> None:
    """Stop clusters whose test run was killed before it could stop them (their owner.pid)."""
    for root in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        owner = root / "owner.pid"
        if owner.is_file() and not _alive(int(owner.read_text() or 0)):
            PostgresCluster(root, 0, _runner()).stop()


def start_cluster() -> PostgresCluster:
    """initdb + pg_ctl start in a new temporary directory (as `postgres` when root)."""
    stop_abandoned()
    root = Path(tempfile.mkdtemp(prefix=PREFIX))
    (root / "owner.pid").write_text(str(os.getpid()))
    runner = _runner()
    if runner:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    cluster = PostgresCluster(root, _free_port(), runner)
    initdb = [str(PG_BIN / "initdb"), "-D", str(root / "data"), "-U", "postgres"]
    subprocess.run(
        [*runner, *initdb, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    settings = {**SERVER_SETTINGS, "port": str(cluster.port), "unix_socket_directories": "''"}
    with (root / "data" / "postgresql.conf").open("a") as conf:
        conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
    try:
        cluster.pg_ctl("-l", str(root / "server.log"), "-w", "-t", "60", "start")
    except subprocess.CalledProcessError as exc:
        log = (root / "server.log").read_text(errors="replace")[-2000:]
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr!r}\n{log}") from exc
    return cluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One cluster for the whole session; skipped (or, under CI, failed) without PostgreSQL."""
    reason = unavailable()
    if reason is not None:
        if REQUIRED:
            pytest.fail(f"REQUIRE_POSTGRES_TESTS=1 but {reason}")
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A fresh, empty database for one test."""
    name = postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)
