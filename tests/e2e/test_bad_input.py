"""Bad input gets a clear answer, a 4xx, or is ignored: never a 500, never a trace in chat."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.activities import message
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator


def all_text(capture: ConnectorCapture) -> str:
    return json.dumps(capture.activities)


def assert_no_trace(capture: ConnectorCapture) -> None:
    text = all_text(capture)
    for marker in ("Traceback", 'File \\"', "Exception", "Error:"):
        assert marker not in text


async def test_empty_message_gets_the_help_card(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    response = await bot.post(message("", service_url))
    assert response.status_code < 300
    [card] = capture.cards()
    assert "meet now" in json.dumps(card)
    assert_no_trace(capture)


async def test_a_100kb_message_is_refused_in_words_and_creates_nothing(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    response = await bot.post(message("meet now " + "x" * 100_000, service_url))
    assert response.status_code < 300
    [card] = capture.cards()
    assert "long" in json.dumps(card).lower()
    assert await emulator.graph_calls("onlineMeetings") == []
    assert_no_trace(capture)


async def test_message_without_aad_object_id_is_explained_and_calls_no_graph(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    response = await bot.post(message("meet now", service_url, aad_object_id=None))
    assert response.status_code < 300
    [card] = capture.cards()
    assert "work or school account" in json.dumps(card)
    assert await emulator.graph_calls() == []


@pytest.mark.parametrize(
    "activity",
    [
        {"type": "conversationUpdate", "membersAdded": [{"id": "29:someone"}]},
        {"type": "typing"},
        {"type": "messageReaction", "reactionsAdded": [{"type": "like"}]},
        {"type": "invoke", "name": "composeExtension/query", "value": {}},
        {"type": "event", "name": "something"},
    ],
    ids=["conversationUpdate", "typing", "reaction", "unknown-invoke", "event"],
)
async def test_non_message_activities_are_ignored(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str], activity: dict[str, Any]
) -> None:
    capture, service_url = connector
    base = message("", service_url)
    base.pop("text")
    activity = {**base, **activity}
    response = await bot.post(activity)
    assert 200 <= response.status_code < 300
    assert capture.activities == []


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2, 3]", "application/json", 400),
        (b'{"text": "meet now"}', "application/json", 400),
        (b'{"type": "message", "text": "hi"}', "application/json", 400),
        (b'{"type": "message", "from": "me", "serviceUrl": "x"}', "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b"type=message", "application/x-www-form-urlencoded", 415),
    ],
    ids=[
        "malformed",
        "array",
        "no-type",
        "no-serviceUrl",
        "from-not-object",
        "not-utf8",
        "form-encoded",
    ],
)
async def test_malformed_requests_get_a_4xx(
    bot: BotUnderTest, body: bytes, content_type: str, status: int
) -> None:
    response = await bot.http.post(
        f"{bot.url}/api/messages", content=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == status
    assert "error" in response.json()


async def test_missing_content_type_is_a_415_not_a_500(bot: BotUnderTest) -> None:
    response = await bot.http.post(f"{bot.url}/api/messages", content=b"{}")
    assert response.status_code == 415


async def test_healthz(bot: BotUnderTest) -> None:
    response = await bot.http.get(f"{bot.url}/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
