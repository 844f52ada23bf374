"""The Graph client's retries, give-up and error mapping, against the emulator with faults."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from bot.graph.auth import StaticTokenProvider, TokenAcquisitionError
from bot.graph.client import GraphClient
from bot.graph.errors import (
    GraphAuthError,
    GraphBadRequest,
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphThrottled,
    GraphTransportError,
    GraphUnavailable,
    error_from_response,
    parse_retry_after,
)
from tests.support.activities import USER_AAD
from tests.support.servers import Emulator

USER = f"users/{USER_AAD}"
BODY = {"externalId": "ext-1", "subject": "Retry me"}


class RecordedSleep:
    """Stands in for asyncio.sleep so backoff delays are observed, not waited."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
async def graph(emulator: Emulator, sleeps: RecordedSleep) -> AsyncIterator[GraphClient]:
    client = GraphClient(emulator.base_url, StaticTokenProvider("t"), max_retries=3, sleep=sleeps)
    yield client
    await client.aclose()


async def create_calls(emulator: Emulator) -> list[int]:
    return [c["status"] for c in await emulator.graph_calls("/onlineMeetings/createOrGet")]


async def test_429_is_retried_after_the_seconds_graph_asks_for(
    graph: GraphClient, emulator: Emulator, sleeps: RecordedSleep
) -> None:
    await emulator.inject(status=429, count=2, retryAfter="7", match="createOrGet")

    meeting, created = await graph.create_or_get_online_meeting(USER, BODY)

    assert created
    assert meeting["subject"] == "Retry me"
    assert sleeps.delays == [7.0, 7.0]
    assert await create_calls(emulator) == [429, 429, 201]


async def test_retry_after_as_an_http_date_is_honoured(
    graph: GraphClient, emulator: Emulator, sleeps: RecordedSleep
) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=9), usegmt=True)
    await emulator.inject(status=503, count=1, retryAfter=when)

    await graph.create_or_get_online_meeting(USER, BODY)

    [delay] = sleeps.delays
    assert 6.0 <= delay <= 9.5


@pytest.mark.parametrize("status", [503, 504])
async def test_unavailable_without_retry_after_backs_off_exponentially(
    graph: GraphClient, emulator: Emulator, sleeps: RecordedSleep, status: int
) -> None:
    await emulator.inject(status=status, count=3)

    await graph.create_or_get_online_meeting(USER, BODY)

    assert len(sleeps.delays) == 3
    first, second, third = sleeps.delays
    assert 0.5 <= first <= 0.75
    assert 1.0 <= second <= 1.5
    assert 2.0 <= third <= 3.0


async def test_gives_up_after_max_retries_with_graphs_hint(
    graph: GraphClient, emulator: Emulator, sleeps: RecordedSleep
) -> None:
    await emulator.inject(status=429, count=10, retryAfter="2")

    with pytest.raises(GraphThrottled) as caught:
        await graph.create_or_get_online_meeting(USER, BODY)

    assert caught.value.retry_after == 2.0
    assert len(await create_calls(emulator)) == 4  # the first try and three retries
    assert sleeps.delays == [2.0, 2.0, 2.0]


async def test_a_retry_after_too_long_for_a_chat_is_not_waited_out(
    graph: GraphClient, emulator: Emulator, sleeps: RecordedSleep
) -> None:
    await emulator.inject(status=503, count=1, retryAfter="600")

    with pytest.raises(GraphUnavailable) as caught:
        await graph.create_or_get_online_meeting(USER, BODY)

    assert caught.value.retry_after == 600.0
    assert sleeps.delays == []


async def test_400_is_not_retried_and_keeps_graphs_message(
    graph: GraphClient, emulator: Emulator, sleeps: RecordedSleep
) -> None:
    with pytest.raises(GraphBadRequest) as caught:
        await graph.create_or_get_online_meeting(USER, {"subject": "no external id"})

    assert "externalId" in caught.value.message
    assert sleeps.delays == []
    assert len(await create_calls(emulator)) == 1


async def test_unknown_meeting_is_graph_not_found(graph: GraphClient) -> None:
    with pytest.raises(GraphNotFound):
        await graph.get_online_meeting(USER, "no-such-meeting")


async def test_forbidden_is_mapped(graph: GraphClient, emulator: Emulator) -> None:
    await emulator.inject(status=403, count=1)
    with pytest.raises(GraphForbidden):
        await graph.create_or_get_online_meeting(USER, BODY)


async def test_an_empty_token_is_never_sent(emulator: Emulator) -> None:
    client = GraphClient(emulator.base_url, StaticTokenProvider(""), max_retries=0)
    try:
        with pytest.raises(TokenAcquisitionError):
            await client.create_or_get_online_meeting(USER, BODY)
    finally:
        await client.aclose()
    assert await emulator.graph_calls() == []


async def test_401_is_an_auth_error_and_not_retried(
    graph: GraphClient, emulator: Emulator, sleeps: RecordedSleep
) -> None:
    await emulator.inject(status=401, count=1)
    with pytest.raises(GraphAuthError):
        await graph.create_or_get_online_meeting(USER, BODY)
    assert sleeps.delays == []


async def test_unreachable_graph_is_a_transport_error_after_retries(
    sleeps: RecordedSleep, unused_tcp_port: int
) -> None:
    client = GraphClient(
        f"http://127.0.0.1:{unused_tcp_port}/v1.0",
        StaticTokenProvider("t"),
        max_retries=2,
        sleep=sleeps,
    )
    try:
        with pytest.raises(GraphTransportError):
            await client.create_or_get_online_meeting(USER, BODY)
    finally:
        await client.aclose()
    assert len(sleeps.delays) == 2


async def test_create_get_find_delete_round_trip(graph: GraphClient) -> None:
    meeting, created = await graph.create_or_get_online_meeting(USER, BODY)
    again, created_again = await graph.create_or_get_online_meeting(USER, BODY)
    assert (created, created_again) == (True, False)
    assert again["id"] == meeting["id"]

    assert (await graph.get_online_meeting(USER, meeting["id"]))["id"] == meeting["id"]
    found = await graph.find_online_meeting_by_join_url(USER, meeting["joinWebUrl"])
    assert found is not None
    assert found["id"] == meeting["id"]

    await graph.delete_online_meeting(USER, meeting["id"])
    with pytest.raises(GraphNotFound):
        await graph.get_online_meeting(USER, meeting["id"])


async def test_a_non_json_success_is_a_clear_error() -> None:
    transport = httpx.MockTransport(lambda _: httpx.Response(200, text="<html>proxy</html>"))
    client = GraphClient(
        "https://graph.test/v1.0",
        StaticTokenProvider("t"),
        http=httpx.AsyncClient(transport=transport),
    )
    with pytest.raises(GraphError, match="no JSON"):
        await client.get_online_meeting(USER, "x")
    await client.aclose()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        ("Wed, 25 Nov 2026 10:00:30 GMT", 30.0),
        ("Wed, 25 Nov 2026 09:00:00 GMT", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
    ],
    ids=["seconds", "http-date", "http-date-past", "garbage", "empty", "absent"],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2026, 11, 25, 10, 0, 0, tzinfo=UTC)
    assert parse_retry_after(value, now) == expected


def test_error_body_that_is_not_graphs_still_maps_by_status() -> None:
    error = error_from_response(502, {}, b"<html>bad gateway</html>")
    assert isinstance(error, GraphUnavailable)
    assert "502" in error.message
