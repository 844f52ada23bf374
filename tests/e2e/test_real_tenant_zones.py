"""Time zones as a real tenant takes them: Windows names and Microsoft's documented IANA list
only (the emulator's `timeZones: "documented"`; tests/emulator/test_emulator_time_zones.py,
microsoft-graph-docs #6870). Invitations are in each user's own zone, never UTC instead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.meetings.graph_docs import from_date_time_time_zone
from tests.support.activities import USER_AAD, message
from tests.support.cardtext import card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # Wednesday; "tomorrow" is 26 November

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture
async def documented_zones_only(emulator: Emulator) -> None:
    await emulator.put("/_emulator/tenants/default", {"timeZones": "documented"})


@pytest.mark.usefixtures("documented_zones_only")
@pytest.mark.parametrize(
    ("zone", "windows", "start"),
    [
        ("Europe/Madrid", "Romance Standard Time", datetime(2026, 11, 26, 14, 0, tzinfo=UTC)),
        ("America/Toronto", "Eastern Standard Time", datetime(2026, 11, 26, 20, 0, tzinfo=UTC)),
        ("Asia/Kolkata", "India Standard Time", datetime(2026, 11, 26, 9, 30, tzinfo=UTC)),
        (
            "America/Vancouver",
            "British Columbia Standard Time",
            datetime(2026, 11, 26, 23, 0, tzinfo=UTC),
        ),
    ],
    ids=["madrid", "toronto", "kolkata", "vancouver"],
)
async def test_an_invitation_is_in_the_users_own_zone_by_its_windows_name(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    zone: str,
    windows: str,
    start: datetime,
) -> None:
    capture, service_url = connector

    await bot.post(message("schedule Planning tomorrow 3pm for 1h", service_url, timezone=zone))

    [create] = await emulator.graph_calls("/events", "POST")
    assert create["status"] == 201
    assert create["body"]["start"] == {"dateTime": "2026-11-26T15:00:00", "timeZone": windows}
    assert create["body"]["end"] == {"dateTime": "2026-11-26T16:00:00", "timeZone": windows}
    prefer = {k.lower(): v for k, v in create["headers"].items()}["prefer"]
    assert prefer == f'outlook.timezone="{windows}"'
    [event] = await emulator.events_of(USER_AAD)
    assert from_date_time_time_zone(event["start"]) == start
    assert from_date_time_time_zone(event["end"]) == start + timedelta(hours=1)
    [card] = capture.cards()
    assert join_urls(card) == [event["onlineMeeting"]["joinUrl"]]
    assert "3:00\u202fPM" in card_text(card)


@pytest.mark.usefixtures("documented_zones_only")
async def test_my_meetings_reads_graphs_windows_names_back_at_the_right_time(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """With `Prefer: outlook.timezone="Pacific Standard Time"` Graph answers in that name."""
    capture, service_url = connector
    la = "America/Los_Angeles"
    await bot.post(message("schedule Standup tomorrow 9am", service_url, timezone=la))

    await bot.post(message("my meetings tomorrow", service_url, timezone=la))

    [view] = await emulator.graph_calls("/calendarView", "GET")
    prefer = {k.lower(): v for k, v in view["headers"].items()}["prefer"]
    assert prefer == 'outlook.timezone="Pacific Standard Time"'
    assert view["status"] == 200
    listing = card_text(capture.cards()[-1])
    assert "Standup" in listing
    assert "9:00\u202fAM" in listing


async def test_a_zone_no_outlook_zone_keeps_is_refused_in_words_and_nothing_is_created(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """Troll station: UTC+0, UTC+2 in the European summer; no Windows zone has that clock."""
    capture, service_url = connector

    await bot.post(
        message("schedule Planning tomorrow 3pm", service_url, timezone="Antarctica/Troll")
    )

    [card] = capture.cards()
    text = card_text(card)
    assert "Outlook has no time zone that keeps your clock (Antarctica/Troll)" in text
    assert "**meet now**" in text
    assert await emulator.events_of(USER_AAD) == []
    assert await emulator.graph_calls("/events", "POST") == []
