"""The time budget in real time, with the production settings (10 s turn, 60 s background): how
long a message waits for its HTTP answer, and when its result is posted, under the faults issue
13 measured (a 429 storm with Retry-After: 19 kept a message waiting 57 s; 20 s of Graph
latency kept it 44 s). Takes about two minutes; not part of `make bench`.

Run: .venv/bin/python bench/bench_budget.py [--scenario storm|latency|none]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.config import load_settings
from bot.runtime import build_runtime
from graph_emulator import EmulatorSettings, start_emulator

USER = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
TENANT = "11111111-2222-3333-4444-555555555555"
SCENARIOS: dict[str, dict[str, Any] | None] = {
    "none": None,
    "storm": {"status": 429, "count": 100, "retryAfter": "19", "match": "createOrGet"},
    "latency": {"latencyMs": 20_000, "count": 100, "match": "createOrGet"},
}


def activity(service_url: str, conversation: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": str(uuid.uuid4()),
        "text": "meet now Budget",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": "29:user", "name": "Jane Doe", "aadObjectId": USER},
        "conversation": {"id": conversation, "tenantId": TENANT, "conversationType": "personal"},
        "recipient": {"id": "28:bot", "name": "Meeting Bot"},
        "channelData": {"tenant": {"id": TENANT}},
    }


def connector(arrivals: list[tuple[float, str]]) -> web.Application:
    async def send(request: web.Request) -> web.Response:
        body = await request.text()
        arrivals.append((time.monotonic(), body))
        return web.json_response({"id": f"reply-{len(arrivals)}"})

    app = web.Application()
    app.router.add_post("/v3/conversations/{conv}/activities", send)
    app.router.add_post("/v3/conversations/{conv}/activities/{reply}", send)
    return app


async def run(name: str, fault: dict[str, Any] | None, tmp: Path) -> None:
    emulator = await start_emulator(
        EmulatorSettings(db_path=str(tmp / f"{name}.graph")), shutdown_timeout=0.5
    )
    arrivals: list[tuple[float, str]] = []
    standin = TestServer(connector(arrivals), host="127.0.0.1")
    await standin.start_server()
    settings = load_settings({"LOCAL_MODE": "true", "BOT_DB": str(tmp / f"{name}.bot")})
    settings = replace(settings, graph_base_url=emulator.base_url)
    runtime = build_runtime(settings)
    bot = TestServer(runtime.app, host="127.0.0.1")
    await bot.start_server()
    async with httpx.AsyncClient(timeout=120) as http:
        if fault:
            await http.post(f"{emulator.control_url}/_emulator/faults", json=fault)
        service_url = str(standin.make_url("")).rstrip("/")
        started = time.monotonic()
        await http.post(str(bot.make_url("/api/messages")), json=activity(service_url, name))
        answered = time.monotonic() - started
        await runtime.background.idle()
    last = arrivals[-1][0] - started if arrivals else float("nan")
    outcome = "the meeting" if arrivals and '"Join"' in arrivals[-1][1] else "an explanation"
    print(
        f"{name:8s} HTTP answer {answered:5.1f} s   last post {last:5.1f} s   "
        f"posts {len(arrivals)}, the last one {outcome}",
        flush=True,
    )
    await bot.close()
    await standin.close()
    await emulator.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), action="append")
    chosen = parser.parse_args().scenario or ["none", "storm", "latency"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            await run(name, SCENARIOS[name], Path(tmp))


if __name__ == "__main__":
    asyncio.run(main())
