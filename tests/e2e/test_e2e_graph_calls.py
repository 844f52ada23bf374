"""How many Graph calls each command costs, read from the emulator's request log: the least
each needs (`meet now` 1, `schedule` 1 once the user's calendar settings are known, `my
meetings` 1). Counts, not timings: the timings live in bench/bench_load.py."""

from __future__ import annotations

import pytest

from tests.support.activities import USER_AAD, message
from tests.support.cardtext import join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

pytestmark = pytest.mark.usefixtures("graph_contract")


async def graph_calls_for(
    bot: BotUnderTest, emulator: Emulator, service_url: str, text: str, activity_id: str
) -> list[str]:
    """Send one message; the Graph calls it made, as "METHOD /path"."""
    before = len(await emulator.requests())
    response = await bot.post(message(text, service_url, activity_id=activity_id))
    assert response.status_code in (200, 201)
    return [f"{r['method']} {r['path']}" for r in (await emulator.requests())[before:]]


async def test_each_command_makes_the_fewest_graph_calls(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    user = f"/v1.0/users/{USER_AAD}"

    meet_now = await graph_calls_for(bot, emulator, url, "meet now", "a1")
    first_schedule = await graph_calls_for(bot, emulator, url, "schedule Retro tomorrow 3pm", "a2")
    next_schedule = await graph_calls_for(bot, emulator, url, "schedule Review tomorrow 4pm", "a3")
    my_meetings = await graph_calls_for(bot, emulator, url, "my meetings", "a4")

    assert meet_now == [f"POST {user}/onlineMeetings/createOrGet"]
    assert first_schedule == [f"GET {user}/calendar", f"POST {user}/events"]
    assert next_schedule == [f"POST {user}/events"]
    assert my_meetings == [f"GET {user}/calendarView"]
    cards = capture.cards()
    assert len(cards) == 4
    assert all(join_urls(card) for card in cards[:3])  # the replies still carry their meetings
