"""The calendar's allowed providers: read once per user for a short while, read again after a
"no", after the expiry, and after Graph had a problem with the user's event."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.graph.auth import StaticTokenProvider
from bot.graph.client import GraphClient
from bot.graph.errors import GraphError
from bot.meetings.model import Requester
from bot.meetings.providers import ProviderCache
from bot.meetings.service import MeetingService, TeamsLinkNotAllowed
from bot.meetings.store import Storage
from tests.support.activities import USER_AAD
from tests.support.servers import Emulator

START = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
BERLIN = ZoneInfo("Europe/Berlin")
ALEX = Requester(user_id=USER_AAD, tenant_id="tenant", name="Alex")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def service(
    emulator: Emulator, tmp_path: Path, clock: Clock
) -> AsyncIterator[MeetingService]:
    graph = GraphClient(emulator.base_url, StaticTokenProvider(), max_retries=0)
    storage = Storage(tmp_path / "bot.sqlite3")
    providers = ProviderCache(60, clock=clock)
    yield MeetingService(graph, storage, join_link_waits=(0.05,), providers=providers)
    await graph.aclose()
    storage.close()


async def schedule(service: MeetingService, key: str) -> None:
    await service.schedule_event(
        ALEX, "Review", START, START + timedelta(minutes=30), [], BERLIN, key
    )


async def calendar_reads(emulator: Emulator) -> int:
    return len(await emulator.graph_calls("/calendar", "GET"))


async def test_a_second_schedule_within_the_expiry_reads_no_calendar(
    service: MeetingService, emulator: Emulator, clock: Clock
) -> None:
    await schedule(service, "k1")
    clock.now += 59
    await schedule(service, "k2")

    assert await calendar_reads(emulator) == 1
    assert len(await emulator.graph_calls("/events", "POST")) == 2


async def test_after_the_expiry_the_calendar_is_read_again(
    service: MeetingService, emulator: Emulator, clock: Clock
) -> None:
    await schedule(service, "k1")
    clock.now += 60
    await schedule(service, "k2")

    assert await calendar_reads(emulator) == 2


async def test_a_no_is_not_remembered(service: MeetingService, emulator: Emulator) -> None:
    calendar = f"/_emulator/users/{USER_AAD}/calendar"
    await emulator.put(calendar, {"allowedOnlineMeetingProviders": ["unknown"]})
    with pytest.raises(TeamsLinkNotAllowed):
        await schedule(service, "k1")
    await emulator.put(calendar, {"allowedOnlineMeetingProviders": ["teamsForBusiness"]})

    await schedule(service, "k2")

    assert await calendar_reads(emulator) == 2
    assert len(await emulator.graph_calls("/events", "POST")) == 1


async def test_a_graph_failure_on_the_event_makes_the_next_schedule_read_the_calendar(
    service: MeetingService, emulator: Emulator
) -> None:
    await schedule(service, "k1")
    await emulator.inject(status=400, count=1, match="/events", method="POST")
    with pytest.raises(GraphError):
        await schedule(service, "k2")
    await emulator.put(
        f"/_emulator/users/{USER_AAD}/calendar", {"allowedOnlineMeetingProviders": ["unknown"]}
    )

    with pytest.raises(TeamsLinkNotAllowed):
        await schedule(service, "k3")

    assert await calendar_reads(emulator) == 2


def test_each_user_is_remembered_apart_and_the_least_recent_go_first() -> None:
    clock = Clock()
    cache = ProviderCache(60, max_users=2, clock=clock)
    cache.put("t", "ann", ["teamsForBusiness"])
    cache.put("t", "bob", ["teamsForBusiness", "skypeForBusiness"])
    assert cache.get("t", "ann") == ["teamsForBusiness"]  # ann is now the most recent

    cache.put("t", "cy", ["teamsForBusiness"])

    assert cache.get("t", "bob") is None
    assert cache.get("t", "ann") == ["teamsForBusiness"]
    assert cache.get("other", "ann") is None
    cache.forget("t", "ann")
    assert cache.get("t", "ann") is None
