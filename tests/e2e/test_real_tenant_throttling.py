"""Outlook allows four concurrent requests per app per mailbox and answers the fifth 429
ApplicationThrottled (Graph's "Outlook service limits"; tests/emulator/test_emulator_throttling.py).
One person's overlapping turns stay under it: the bot queues its own requests per mailbox."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.activities import USER_AAD, message
from tests.support.cardtext import card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

TURNS = 8

pytestmark = pytest.mark.usefixtures("graph_contract")


async def test_eight_overlapping_turns_of_one_user_never_meet_a_429(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await emulator.put("/_emulator/tenants/default", {"mailboxConcurrencyLimit": 4})
    # Outlook holds each calendar and event call a while, so the turns really overlap.
    await emulator.inject(latencyMs=150, phase="afterWork", count=1000, match=f"/{USER_AAD}/")

    await asyncio.gather(
        *(
            bot.post(message(f"schedule Sync {n} tomorrow {n + 9}:00", service_url))
            for n in range(TURNS)
        )
    )

    cards = capture.cards()
    assert len(cards) == TURNS
    assert all(join_urls(card) for card in cards), [card_text(c) for c in cards]
    assert len(await emulator.events_of(USER_AAD)) == TURNS
    statuses = [call["status"] for call in await emulator.graph_calls(f"/{USER_AAD}/")]
    assert 429 not in statuses
    assert len(statuses) >= 2 * TURNS  # the calendar read and the event, for each turn
