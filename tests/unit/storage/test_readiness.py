"""/readyz: 200 while the store answers and is migrated, 503 with a short reason otherwise;
/healthz stays a liveness check."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp.test_utils import TestServer

from bot.config import load_settings
from bot.runtime import BotRuntime, build_runtime
from bot.storage.migrations import latest
from tests.unit.storage.conftest import Backend

DROP_LATEST = "DELETE FROM schema_version WHERE version = (SELECT MAX(version) FROM schema_version)"


@pytest.fixture
async def running(backend: Backend) -> AsyncIterator[tuple[BotRuntime, httpx.AsyncClient]]:
    runtime = build_runtime(load_settings({"LOCAL_MODE": "true", **backend.env()}))
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    async with httpx.AsyncClient(base_url=str(server.make_url(""))) as http:
        yield runtime, http
    await server.close()


async def test_a_migrated_store_is_ready(running: tuple[BotRuntime, httpx.AsyncClient]) -> None:
    _, http = running

    ready = await http.get("/readyz")

    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})


async def test_a_store_behind_the_code_is_not_ready(
    running: tuple[BotRuntime, httpx.AsyncClient], backend: Backend
) -> None:
    _, http = running
    backend.sql(DROP_LATEST)

    behind = await http.get("/readyz")
    alive = await http.get("/healthz")

    newest = latest(backend.name)
    assert behind.status_code == 503
    assert behind.json() == {
        "status": "unavailable",
        "reason": f"storage is at schema version {newest - 1}, this bot needs {newest}",
    }
    assert alive.status_code == 200


async def test_a_store_that_does_not_answer_is_not_ready(
    running: tuple[BotRuntime, httpx.AsyncClient],
) -> None:
    runtime, http = running
    await runtime.store.aclose()

    gone = await http.get("/readyz")

    assert gone.status_code == 503
    assert gone.json()["reason"].startswith("storage did not answer")
