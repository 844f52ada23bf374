"""The emulator as a process: persistence, start/stop, the CLI, and the last-resort 500."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from graph_emulator import EmulatorSettings, create_emulator_app, start_emulator
from tests.support.emulator_fixtures import (
    ALICE,
    OPAQUE,
    TENANT,
    assert_graph_error,
    assert_meeting,
)

CREATE_OR_GET = f"/users/{ALICE}/onlineMeetings/createOrGet"
REPO_ROOT = Path(__file__).resolve().parents[2]


async def test_meetings_survive_a_restart_when_stored_in_a_file(tmp_path: Path) -> None:
    settings = EmulatorSettings(db_path=str(tmp_path / "graph.sqlite3"), default_tenant_id=TENANT)
    first = await start_emulator(settings)
    async with httpx.AsyncClient(base_url=first.base_url, headers=OPAQUE) as graph:
        created = assert_meeting(await graph.post(CREATE_OR_GET, json={"externalId": "p"}), 201)
    await first.close()

    second = await start_emulator(settings)
    try:
        async with httpx.AsyncClient(base_url=second.base_url, headers=OPAQUE) as graph:
            fetched = await graph.get(f"/users/{ALICE}/onlineMeetings/{created['id']}")
            assert assert_meeting(fetched)["id"] == created["id"]
            again = await graph.post(CREATE_OR_GET, json={"externalId": "p"})
            assert assert_meeting(again, 200)["joinWebUrl"] == created["joinWebUrl"]
    finally:
        await second.close()


async def test_in_memory_storage_starts_empty_each_time() -> None:
    for _ in range(2):
        running = await start_emulator(EmulatorSettings())
        async with httpx.AsyncClient(base_url=running.base_url, headers=OPAQUE) as graph:
            response = await graph.post(CREATE_OR_GET, json={"externalId": "m"})
            assert_meeting(response, 201)
        await running.close()


def test_a_database_from_a_newer_emulator_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    with pytest.raises(RuntimeError, match="newer emulator"):
        create_emulator_app(EmulatorSettings(db_path=path))


async def test_urls_point_at_the_bound_port() -> None:
    running = await start_emulator(EmulatorSettings())
    try:
        assert running.port > 0
        assert running.base_url == f"http://127.0.0.1:{running.port}/v1.0"
        assert running.control_url == f"http://127.0.0.1:{running.port}"
        async with httpx.AsyncClient() as http:
            health = await http.get(f"{running.control_url}/_emulator/health")
        assert health.json()["status"] == "ok"
    finally:
        await running.close()


async def test_an_unexpected_exception_becomes_a_graph_500_and_is_counted() -> None:
    app = create_emulator_app(EmulatorSettings())

    async def broken(request: web.Request) -> web.Response:
        raise KeyError("simulated bug")

    app.router.add_get("/v1.0/broken", broken)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        async with httpx.AsyncClient(base_url=str(server.make_url("")), headers=OPAQUE) as http:
            response = await http.get("/v1.0/broken")
            assert "simulated bug" not in response.text
            assert_graph_error(response, 500, "InternalServerError")
            health = await http.get("/_emulator/health")
            assert health.json()["internalErrors"] == 1
    finally:
        await server.close()


async def test_cli_serves_until_stopped(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "graph_emulator",
        "--port",
        "0",
        "--db",
        str(tmp_path / "cli.sqlite3"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), timeout=20)).decode()
        assert line.startswith("Graph emulator: http://127.0.0.1:"), line
        base_url = line.split()[2]
        async with httpx.AsyncClient(base_url=base_url, headers=OPAQUE) as graph:
            assert_meeting(await graph.post(CREATE_OR_GET, json={"externalId": "cli"}), 201)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=20)
    assert (tmp_path / "cli.sqlite3").exists()
