"""Disks that fail the way real ones do, for the storage fault tests: a small tmpfs that fills
up, a read-only view of a directory (a read-only bind mount, or without root a file that
refuses writes), and a second process holding SQLite's write lock.

Mounting needs root (CAP_SYS_ADMIN); where it is not possible the test is skipped with a line
saying so, except the read-only case, which falls back to file permissions.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

HOLD_LOCK = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


def _mount(*args: str) -> str | None:
    """None when it worked, else why not."""
    try:
        done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        return str(exc)
    return None if done.returncode == 0 else done.stderr.strip() or f"exit {done.returncode}"


def _unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@contextlib.contextmanager
def small_disk(where: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of `size` at `where` (skips the test when mounting is not possible)."""
    where.mkdir(parents=True, exist_ok=True)
    why = _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where))
    if why is not None:
        pytest.skip(f"a full disk needs a small tmpfs, and mount failed ({why}): run as root")
    try:
        yield where
    finally:
        _unmount(where)


def fill(disk: Path) -> Path:
    """Write a file until the disk is full; delete it to free the disk again."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def empty_wal(db: Path) -> None:
    """Checkpoint and truncate the write-ahead log, so the next write must grow it."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class ReadOnlyView:
    """`directory` seen read-only at `view` (a bind mount), or as root-less fallback the file
    itself made read-only; `make_writable` undoes it, as an admin fixing the disk would."""

    def __init__(self, directory: Path, view: Path) -> None:
        self.directory, self.view = directory, view
        self.mounted = False

    def __enter__(self) -> ReadOnlyView:
        self.view.mkdir(parents=True, exist_ok=True)
        why = _mount("--bind", str(self.directory), str(self.view))
        if why is None:
            self.mounted = True
            why = _mount("-o", "remount,bind,ro", str(self.view))
            if why is None:
                return self
            _unmount(self.view)
            self.mounted = False
        if os.geteuid() == 0:  # root writes through file permissions: nothing else refuses
            pytest.skip(f"a read-only database needs a read-only bind mount ({why})")
        self.view.rmdir()
        self.view.symlink_to(self.directory)
        for path in self.directory.iterdir():
            path.chmod(0o444)
        return self

    def make_writable(self) -> None:
        if self.mounted:
            assert _mount("-o", "remount,bind,rw", str(self.view)) is None
        else:
            for path in self.directory.iterdir():
                path.chmod(0o644)

    def __exit__(self, *exc: object) -> None:
        if self.mounted:
            _unmount(self.view)
        else:
            self.make_writable()


@contextlib.asynccontextmanager
async def second_process_holding_the_lock(db: Path) -> AsyncIterator[None]:
    """Another process with SQLite's write lock on `db` until the block ends."""
    holder = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        HOLD_LOCK,
        str(db),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert holder.stdout is not None
    assert holder.stdin is not None
    try:
        assert (await holder.stdout.readline()).strip() == b"locked"
        yield
    finally:
        holder.stdin.close()
        await holder.wait()
