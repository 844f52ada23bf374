"""Find a time end to end: /api/messages → getSchedule on the emulator → a card of slots →
a slot's button books it. The slots offered are checked against getSchedule's own answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.meetings.graph_docs import from_date_time_time_zone
from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import actions, card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # Wednesday 10:00 in Berlin
ANN = "aaaaaaaa-0000-0000-0000-00000000a001"
BOB_AAD = "bbbbbbbb-0000-0000-0000-0000000000b0"
BOB = {
    "id": "29:bob",
    "name": "Bob Lee",
    "email": "bob.lee@contoso.com",
    "userPrincipalName": "bob.lee@contoso.com",
    "aadObjectId": BOB_AAD,
}
FIND = "find a time with ann@contoso.com and <at>Bob Lee</at> tomorrow for 30m"

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def mailbox(emulator: Emulator, user: str, name: str, address: str) -> None:
    await emulator.put(f"/_emulator/users/{user}/calendar", {"name": name, "address": address})


async def busy(emulator: Emulator, user: str, start: str, end: str, **extra: Any) -> None:
    """A busy event in Berlin time on Thursday 2026-11-26."""
    body = {
        "subject": "Busy",
        "start": {"dateTime": f"2026-11-26T{start}:00", "timeZone": "Europe/Berlin"},
        "end": {"dateTime": f"2026-11-26T{end}:00", "timeZone": "Europe/Berlin"},
        **extra,
    }
    response = await emulator.control.post(f"/_emulator/users/{user}/events", json=body)
    assert response.status_code == 201, response.text


async def people(emulator: Emulator, capture: ConnectorCapture) -> None:
    """Jane (the sender), Ann and Bob have mailboxes; each is busy at some point tomorrow."""
    await mailbox(emulator, USER_AAD, "Jane Doe", "jane@contoso.com")
    await mailbox(emulator, ANN, "Ann Lee", "ann@contoso.com")
    await mailbox(emulator, BOB_AAD, "Bob Lee", "bob.lee@contoso.com")
    capture.members["29:bob"] = BOB
    await busy(emulator, USER_AAD, "09:00", "10:00")
    await busy(emulator, ANN, "10:00", "11:00")
    await busy(emulator, BOB_AAD, "11:30", "12:00")


def slot_buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in actions(card) if (a.get("data") or {}).get("action") == "book_slot"]


def starts(card: dict[str, Any]) -> list[str]:
    return [
        datetime.fromisoformat(b["data"]["start"]).astimezone(BERLIN).strftime("%H:%M")
        for b in slot_buttons(card)
    ]


async def free_busy(emulator: Emulator) -> dict[str, list[tuple[datetime, datetime]]]:
    """getSchedule's own answer for the three, asked directly (busy spans per address)."""
    body = {
        "Schedules": ["jane@contoso.com", "ann@contoso.com", "bob.lee@contoso.com"],
        "StartTime": {"dateTime": "2026-11-26T00:00:00", "timeZone": "Europe/Berlin"},
        "EndTime": {"dateTime": "2026-11-27T00:00:00", "timeZone": "Europe/Berlin"},
    }
    response = await emulator.control.post(
        f"/v1.0/users/{USER_AAD}/calendar/getSchedule",
        json=body,
        headers={"Authorization": "Bearer test"},
    )
    assert response.status_code == 200, response.text
    return {
        info["scheduleId"]: [
            (from_date_time_time_zone(i["start"]), from_date_time_time_zone(i["end"]))
            for i in info["scheduleItems"]
        ]
        for info in response.json()["value"]
    }


async def test_three_free_slots_inside_working_hours_earliest_first_then_one_is_booked(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await people(emulator, capture)

    await bot.post(message(FIND, service_url, mentions=(("29:bob", "Bob Lee"),)))

    [card] = capture.cards()
    assert "Times that work for everyone" in card_text(card)
    assert starts(card) == ["11:00", "12:00", "12:30"]
    spans = await free_busy(emulator)
    for button in slot_buttons(card):
        start = datetime.fromisoformat(button["data"]["start"])
        end = datetime.fromisoformat(button["data"]["end"])
        assert end - start == timedelta(minutes=30)
        for address, busy_spans in spans.items():  # free for everyone, as Graph says
            assert all(e <= start or s >= end for s, e in busy_spans), (address, start)
        assert start.astimezone(UTC).hour >= 8  # working hours: 08:00-17:00 UTC
        assert end.astimezone(UTC).hour <= 17
    bots_call = (await emulator.graph_calls("/calendar/getSchedule", "POST"))[0]
    assert bots_call["body"]["Schedules"] == [
        "jane@contoso.com",
        "ann@contoso.com",
        "bob.lee@contoso.com",
    ]

    second = slot_buttons(card)[1]["data"]
    booked = await bot.press(invoke(second, service_url, reply_to_id="slots-card-1"))
    again = await bot.press(invoke(second, service_url, reply_to_id="slots-card-1"))

    [event] = [e for e in await emulator.events_of(USER_AAD) if e["subject"] != "Busy"]
    assert from_date_time_time_zone(event["start"]) == datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
    assert event["isOnlineMeeting"] is True
    invited = sorted(a["emailAddress"]["address"] for a in event["attendees"])
    assert invited == ["ann@contoso.com", "bob.lee@contoso.com"]
    assert "Join" in [a.get("title") for a in actions(booked)]
    assert card_text(again) == card_text(booked)


async def test_when_nobody_is_free_the_least_conflicted_slots_name_who_is_busy(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await people(emulator, capture)
    await busy(emulator, ANN, "09:00", "18:00")  # Ann's whole working day

    await bot.post(message(FIND, service_url, mentions=(("29:bob", "Bob Lee"),)))

    [card] = capture.cards()
    text = card_text(card)
    assert "Nobody is free at the same time" in text
    assert starts(card) == ["10:00", "10:30", "11:00"]  # only Ann busy; Jane 9-10, Bob 11:30
    assert text.count("Busy: ann@contoso.com") == 3
    assert "Busy: Bob Lee" not in text


async def test_someone_whose_calendar_cannot_be_read_is_named_and_not_counted(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await people(emulator, capture)

    await bot.post(
        message("find 1h with ann@fabrikam.com tomorrow", service_url, activity_id="ext-1")
    )

    [card] = capture.cards()
    assert "could not read the calendar of ann@fabrikam.com" in card_text(card)
    assert starts(card) == ["10:00", "11:00", "12:00"]  # only Jane's 09-10 counts


async def test_portuguese_find_a_time_offers_slots_in_the_senders_zone(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await people(emulator, capture)

    await bot.post(
        message(
            "encontrar um horário com ann@contoso.com amanhã por 45 min",
            service_url,
            locale="pt-BR",
            timezone="America/Sao_Paulo",
        )
    )

    [card] = capture.cards()
    slots = [datetime.fromisoformat(b["data"]["start"]) for b in slot_buttons(card)]
    assert len(slots) == 3
    assert all(s.astimezone(ZoneInfo("America/Sao_Paulo")).date().day == 26 for s in slots)
    assert "America/Sao_Paulo" in card_text(card)
