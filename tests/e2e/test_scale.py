"""Three replicas on one PostgreSQL and one emulator process, as a deployment runs them.

Load goes round-robin; some activities are redelivered to every replica at once; one replica
is killed mid-load (its requests go to the next one, as a load balancer retries) and restarted.
Then: no meeting exists twice in Graph, every command got an answer, and every reminder that
fell due was posted exactly once. Bounded: about 40 s.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.load.procs import wait_for_port
from tests.support.activities import invoke, message
from tests.support.cardtext import card_text
from tests.support.connector import ConnectorCapture, start_connector
from tests.support.postgres import postgres_cluster, postgres_url
from tests.support.replicas import Deployment, deployment, ready

__all__ = ["postgres_cluster", "postgres_url"]

USERS = [f"{n:08x}-0000-4000-8000-00000000000{n % 10}" for n in range(1, 7)]
REPLICAS = 3
REMINDED = 6  # standalone meetings whose reminders fall due during the test
SCHEDULED = 24  # calendar events, tomorrow: no reminder in the window


@pytest.fixture
async def capture() -> AsyncIterator[tuple[ConnectorCapture, str]]:
    found, server = await start_connector()
    yield found, str(server.make_url("")).rstrip("/")
    await server.close()


class Driver:
    """Sends each activity to a replica (round-robin); a replica that does not answer is
    skipped for the next, as a load balancer does."""

    def __init__(self, running: Deployment, http: httpx.AsyncClient) -> None:
        self.running, self.http, self.turn = running, http, 0
        self.unanswered: list[str] = []

    async def send(self, activity: dict[str, Any], replica: int | None = None) -> httpx.Response:
        first = self.turn if replica is None else replica
        self.turn += 1
        for step in range(REPLICAS * 2):
            url = self.running.url((first + step) % REPLICAS)
            try:
                return await self.http.post(f"{url}/api/messages", json=activity)
            except httpx.TransportError:
                await asyncio.sleep(0.1)
        self.unanswered.append(activity["id"])
        raise AssertionError(f"no replica answered {activity['id']}")

    async def everywhere(self, activity: dict[str, Any]) -> list[httpx.Response]:
        """The same activity redelivered to every replica at once."""
        return await asyncio.gather(*(self.send(activity, n) for n in range(REPLICAS)))


def schedule(n: int, url: str) -> dict[str, Any]:
    user = USERS[n % len(USERS)]
    return message(
        f"schedule Review {n} tomorrow 3pm",
        url,
        aad_object_id=user,
        conversation_id=f"conv-{user}",
        timezone="UTC",
    )


def standalone(n: int, url: str, start: datetime) -> dict[str, Any]:
    user = USERS[n % len(USERS)]
    data = {
        "action": "create_standalone",
        "subject": f"Soon {n}",
        "start": start.isoformat(),
        "end": (start + timedelta(minutes=30)).isoformat(),
    }
    return invoke(
        data,
        url,
        reply_to_id=f"card-{n}",
        aad_object_id=user,
        conversation_id=f"conv-{user}",
        timezone="UTC",
    )


async def test_three_replicas_a_crash_and_redeliveries(
    postgres_url: str, capture: tuple[ConnectorCapture, str], tmp_path: Path
) -> None:
    connector, url = capture
    with deployment(tmp_path, postgres_url) as running:
        emulator = running.start_emulator()
        for index in range(REPLICAS):
            running.start_replica(index)
        await wait_for_port(emulator)
        await asyncio.gather(*(ready(c, running.url(i)) for i, c in enumerate(running.replicas)))
        async with httpx.AsyncClient(timeout=20) as http:
            driver = Driver(running, http)
            due, messages = await _load(driver, running, url)
            await _wait_for_reminders(connector, due)
            await asyncio.sleep(2)  # a duplicate, if any, would come now
            events = await _events(http, running.graph_url)
            created = await _online_meetings_created(http, running.graph_url)

    assert driver.unanswered == []
    replied = {c.path.rsplit("/", 1)[-1] for c in connector.calls if c.method == "POST"}
    assert [m for m in messages if m not in replied] == []  # every command got an answer
    assert sorted(Counter(events).values()) == [1] * SCHEDULED  # no event twice
    assert sorted(Counter(created).values()) == [1] * REMINDED  # no standalone meeting twice
    reminders = Counter(
        line for c in connector.cards() for line in card_text(c).splitlines() if "Soon " in line
    )
    assert reminders == Counter({f"Soon {n}": 1 for n in range(REMINDED)})


async def _load(driver: Driver, running: Deployment, url: str) -> tuple[datetime, list[str]]:
    """The traffic; when the last reminder falls due, and every message activity's id."""
    start = (datetime.now(UTC) + timedelta(seconds=85)).replace(microsecond=0)
    activities = [schedule(n, url) for n in range(SCHEDULED)]
    cards = [standalone(n, url, start + timedelta(seconds=n)) for n in range(REMINDED)]
    first, rest = activities[:12], activities[12:]
    await asyncio.gather(*(driver.send(a) for a in first))
    await asyncio.gather(*(driver.everywhere(a) for a in first[:4]))  # redelivered
    for card in cards:
        for response in await driver.everywhere(card):  # a double click on three replicas
            assert response.status_code == 200, response.text
    crash = asyncio.gather(*(driver.send(a) for a in rest))
    await asyncio.sleep(0.05)
    running.kill(1)  # mid-load
    await crash
    restarted = running.start_replica(1, running.replicas[1].port)
    await ready(restarted, running.url(1))
    await asyncio.gather(*(driver.everywhere(a) for a in rest[:4]))
    return start + timedelta(seconds=REMINDED) - timedelta(minutes=1), [a["id"] for a in activities]


async def _wait_for_reminders(connector: ConnectorCapture, due: datetime) -> None:
    deadline = time.monotonic() + max(0.0, (due - datetime.now(UTC)).total_seconds()) + 15
    while time.monotonic() < deadline:
        seen = {line for c in connector.cards() for line in card_text(c).splitlines()}
        if all(f"Soon {n}" in seen for n in range(REMINDED)):
            return
        await asyncio.sleep(0.25)


async def _events(http: httpx.AsyncClient, graph_url: str) -> list[str]:
    control = graph_url.removesuffix("/v1.0")
    subjects: list[str] = []
    for user in USERS:
        response = await http.get(f"{control}/_emulator/users/{user}/events")
        body = response.json()
        subjects += [e["subject"] for e in (body["value"] if isinstance(body, dict) else body)]
    return subjects


async def _online_meetings_created(http: httpx.AsyncClient, graph_url: str) -> list[str]:
    control = graph_url.removesuffix("/v1.0")
    log = (await http.get(f"{control}/_emulator/requests")).json()
    return [
        str(r["body"]["externalId"])
        for r in log
        if r["path"].endswith("/onlineMeetings/createOrGet") and r["status"] == 201
    ]
