"""Ids from card data are checked against Graph's id alphabet before they go into a URL: a
forged button naming `..`, a path, an encoded slash or an over-long id is refused, and neither
storage nor Graph is asked anything."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.activities import invoke
from tests.support.cardtext import card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

REFUSED = "Only the meeting's organizer can change it, and only meetings this bot created."
VERBS: list[dict[str, Any]] = [
    {"action": "show", "kind": "online"},
    {"action": "cancel", "kind": "event"},
    {"action": "cancel_confirmed", "kind": "online"},
    {"action": "reschedule", "kind": "event", "date": "2026-12-01", "time": "10:00"},
    {"action": "add_to_calendar", "kind": "online"},
    {"action": "make_online", "kind": "event"},
]


@pytest.mark.parametrize(
    "forged",
    [
        "..",
        "../../users/99999999-8888-7777-6666-555555555555/events",
        "AAMkAGI%2F..%2F..%2Fme",
        "AAMkAGI/AAA=",
        "AAMkAGI AAA=",
        "A" * 513,
        ["AAMkAGIAAAoZDOFAAA="],
    ],
    ids=["dots", "path", "encoded-slash", "slash", "space", "over-long", "not-a-string"],
)
async def test_a_forged_id_is_refused_without_a_graph_call(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str], forged: Any
) -> None:
    _, url = connector

    for data in VERBS:
        card = await bot.press(invoke({**data, "id": forged}, url))
        assert REFUSED in card_text(card), (data["action"], card_text(card))

    assert await emulator.requests() == []
