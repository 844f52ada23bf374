"""Retries inside a deadline, idempotent creates retried instead of guessed about, and ids that
cannot be Graph's refused before any request (against the emulator with real faults)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.graph import deadline
from bot.graph.auth import StaticTokenProvider
from bot.graph.client import GraphClient
from bot.graph.errors import GraphThrottled, GraphTransportError, GraphUnavailable
from bot.graph.ids import InvalidGraphId, is_graph_id
from tests.support.activities import USER_AAD
from tests.support.servers import Emulator
from tests.support.timer import FastTimer

USER = f"users/{USER_AAD}"
BODY = {"externalId": "ext-deadline", "subject": "Inside the budget"}
EVENT = {
    "subject": "Planning",
    "start": {"dateTime": "2026-11-26T10:00:00", "timeZone": "UTC"},
    "end": {"dateTime": "2026-11-26T10:30:00", "timeZone": "UTC"},
    "transactionId": "tx-deadline",
}


@pytest.fixture
def timer() -> FastTimer:
    return FastTimer()


@pytest.fixture
async def graph(emulator: Emulator) -> AsyncIterator[GraphClient]:
    client = GraphClient(emulator.base_url, StaticTokenProvider("t"), max_retries=3, timeout=1.0)
    yield client
    await client.aclose()


async def statuses(emulator: Emulator, fragment: str) -> list[int | None]:
    return [c["status"] for c in await emulator.graph_calls(fragment)]


async def test_retry_after_is_waited_out_while_it_fits_the_deadline(
    graph: GraphClient, emulator: Emulator, timer: FastTimer
) -> None:
    await emulator.inject(status=429, count=2, retryAfter="19", match="createOrGet")

    with deadline.within(60, timer):
        meeting, created = await graph.create_or_get_online_meeting(USER, BODY)

    assert created
    assert timer.sleeps == [19.0, 19.0]
    assert meeting["subject"] == "Inside the budget"


async def test_a_storm_longer_than_the_deadline_surfaces_with_graphs_hint(
    graph: GraphClient, emulator: Emulator, timer: FastTimer
) -> None:
    """With 30 s left, one wait of 19 s fits and a second does not: the error surfaces with
    Graph's hint, and "nothing was created" is known (a 429 refuses before any work)."""
    await emulator.inject(status=429, count=10, retryAfter="19", match="createOrGet")

    with deadline.within(30, timer), pytest.raises(GraphThrottled) as caught:
        await graph.create_or_get_online_meeting(USER, BODY)

    assert timer.sleeps == [19.0]
    assert caught.value.retry_after == 19.0
    assert caught.value.maybe_done is False
    assert await statuses(emulator, "createOrGet") == [429, 429]


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_a_create_that_failed_after_the_write_is_retried_and_finds_its_meeting(
    graph: GraphClient, emulator: Emulator, timer: FastTimer, status: int
) -> None:
    await emulator.inject(status=status, phase="afterWork", match="createOrGet")

    with deadline.within(60, timer):
        first, created = await graph.create_or_get_online_meeting(USER, BODY)

    assert not created  # the retry found the meeting the failed attempt had made
    assert await statuses(emulator, "createOrGet") == [status, 200]
    again, _ = await graph.create_or_get_online_meeting(USER, BODY)
    assert again["id"] == first["id"]


async def test_an_event_whose_connection_dropped_after_the_write_is_not_made_twice(
    graph: GraphClient, emulator: Emulator, timer: FastTimer
) -> None:
    await emulator.inject(reset=True, phase="afterWork", method="POST", match="/events")

    with deadline.within(60, timer):
        event = await graph.create_event(USER, EVENT, "UTC")

    stored = await emulator.events_of(USER_AAD)
    assert [e["id"] for e in stored] == [event["id"]]


async def test_a_write_that_timed_out_every_time_may_have_happened(
    graph: GraphClient, emulator: Emulator, timer: FastTimer
) -> None:
    await emulator.inject(latencyMs=600, count=4, match="createOrGet")
    impatient = GraphClient(emulator.base_url, StaticTokenProvider("t"), timeout=0.2)

    with deadline.within(60, timer), pytest.raises(GraphTransportError) as caught:
        await impatient.create_or_get_online_meeting(USER, BODY)
    await impatient.aclose()

    assert caught.value.maybe_done is True
    assert caught.value.sent is True


async def test_each_attempt_is_cut_to_what_is_left_of_the_deadline(
    graph: GraphClient, emulator: Emulator, timer: FastTimer
) -> None:
    await emulator.inject(latencyMs=800, match="createOrGet")

    with deadline.within(0.3, timer), pytest.raises(GraphTransportError) as caught:
        await graph.create_or_get_online_meeting(USER, BODY)

    assert caught.value.message == "ReadTimeout"
    assert timer.sleeps == []  # no time left for a retry


async def test_an_unreachable_graph_created_nothing(unused_tcp_port: int) -> None:
    client = GraphClient(
        f"http://127.0.0.1:{unused_tcp_port}/v1.0", StaticTokenProvider("t"), max_retries=2
    )
    try:
        with deadline.within(60, FastTimer()), pytest.raises(GraphTransportError) as caught:
            await client.create_or_get_online_meeting(USER, BODY)
    finally:
        await client.aclose()
    assert (caught.value.sent, caught.value.maybe_done) == (False, False)


async def test_a_cancel_is_not_blindly_repeated_after_a_server_error(
    graph: GraphClient, emulator: Emulator, timer: FastTimer
) -> None:
    event = await graph.create_event(USER, EVENT, "UTC")
    await emulator.inject(status=500, phase="afterWork", match="/cancel")

    with deadline.within(60, timer), pytest.raises(GraphUnavailable) as caught:
        await graph.cancel_event(USER, event["id"], "Sorry")

    assert caught.value.maybe_done is True
    assert len(await emulator.graph_calls("/cancel")) == 1


@pytest.mark.parametrize(
    "bad",
    ["..", "../../users/other", "AAMk%2F..", "AAMk/A", "AAMk A", "AAMk\nA", "x" * 513, "", "A=B"],
    ids=["dots", "traversal", "encoded-slash", "slash", "space", "newline", "long", "empty", "pad"],
)
async def test_an_id_that_cannot_be_graphs_makes_no_request(
    graph: GraphClient, emulator: Emulator, bad: str
) -> None:
    assert not is_graph_id(bad)
    with pytest.raises(InvalidGraphId):
        await graph.get_event(USER, bad, "UTC")
    with pytest.raises(InvalidGraphId):
        await graph.delete_online_meeting(USER, bad)
    assert await emulator.graph_calls() == []


async def test_real_ids_pass(graph: GraphClient) -> None:
    meeting, _ = await graph.create_or_get_online_meeting(USER, BODY)
    event = await graph.create_event(USER, EVENT, "UTC")
    documented = "AAMkAGIAAAoZDOFAAA="  # the shape of Graph's documented event ids
    assert all(is_graph_id(i) for i in (meeting["id"], event["id"], documented))
