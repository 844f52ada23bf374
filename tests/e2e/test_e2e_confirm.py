"""Honest when unsure, end to end: an unsure reading is said back on a confirmation card and
nothing is created until Create is pressed (once, however often it is pressed); Change opens
the scheduling form with what was read. One row per kind of doubt the parser has."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.parsing.doubts import ORDER
from tests.support.activities import OTHER_AAD, USER_AAD, invoke, message
from tests.support.cardtext import action_data, buttons, card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # Wednesday, 10:00 in Berlin, the sender's zone
BERLIN = ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


@dataclass(frozen=True)
class Unsure:
    text: str
    reason: str  # words of the reason the card gives
    said_back: str  # how the card says the time back
    start: str  # the Berlin wall time Graph gets once Create is pressed
    minutes: int = 30
    event: bool = True  # a calendar event, else a standalone Teams meeting
    form: dict[str, str] | None = None  # what Change pre-fills; None: asks to retype


UNSURE = {
    "am_pm": Unsure(
        "schedule Retro tomorrow at 5",
        "“at 5” could be 05:00 or 17:00; I read 17:00",
        "Thu, Nov 26, 2026, 5:00\u202fPM – 5:30\u202fPM, your time (Europe/Berlin)",
        "2026-11-26T17:00:00",
        form={"subject": "Retro", "date": "2026-11-26", "time": "17:00", "invite": "event"},
    ),
    "corrected": Unsure(
        "schedule Retro tomorow 3pm",
        "I read “tomorow” as “tomorrow”",
        "Thu, Nov 26, 2026, 3:00\u202fPM – 3:30\u202fPM",
        "2026-11-26T15:00:00",
        form={"subject": "Retro", "date": "2026-11-26", "time": "15:00", "duration": "30"},
    ),
    "suspect": Unsure(
        "schedule Sync vendredj 3pm",
        "“vendredj” looks like “vendredi”, but I kept it in the subject",
        "Wed, Nov 25, 2026, 3:00\u202fPM – 3:30\u202fPM",
        "2026-11-25T15:00:00",
        form={"subject": "Sync vendredj", "date": "2026-11-25", "time": "15:00"},
    ),
    "far_ahead": Unsure(
        "meeting Retro 2028-01-05 3pm",
        "Wednesday, January 5, 2028 is more than a year away",
        "Wed, Jan 5, 2028, 3:00\u202fPM – 3:30\u202fPM",
        "2028-01-05T15:00:00",
        event=False,
        form={"date": "2028-01-05", "time": "15:00", "invite": "link"},
    ),
    "zone": Unsure(
        "schedule Sync tomorrow 10am CST",
        "“CST” can mean more than one time zone; I read America/Chicago",
        "Thu, Nov 26, 2026, 5:00\u202fPM – 5:30\u202fPM, your time (Europe/Berlin)",
        "2026-11-26T17:00:00",
        form={"subject": "Sync", "date": "2026-11-26", "time": "17:00"},
    ),
    "weekday": Unsure(
        "schedule Sync wednesday 3pm",
        "“wednesday” could be this week or next; I read Wednesday, November 25",
        "Wed, Nov 25, 2026, 3:00\u202fPM – 3:30\u202fPM",
        "2026-11-25T15:00:00",
        form={"date": "2026-11-25", "time": "15:00"},
    ),
    "command": Unsure(
        "meet nwo Design sync",
        "I read “meet nwo” as the command “meet now”",
        "Now, for 30 minutes",
        "2026-11-25T10:00:00",
        event=False,
    ),
    "no_unit": Unsure(
        "schedule Review tomorrow 3pm for 45",
        "“for 45” has no unit; I read 45 minutes",
        "Thu, Nov 26, 2026, 3:00\u202fPM – 3:45\u202fPM",
        "2026-11-26T15:00:00",
        minutes=45,
        form={"subject": "Review", "duration": "45"},
    ),
}
KINDS = pytest.mark.parametrize("kind", list(UNSURE))


def test_every_kind_of_doubt_the_parser_has_a_row_here() -> None:
    assert sorted(UNSURE) == sorted(ORDER)


async def said(bot: BotUnderTest, capture: ConnectorCapture, text: str, url: str) -> Any:
    response = await bot.post(message(text, url))
    assert response.status_code in (200, 201, 202), response.text
    return capture.cards()[-1]


async def creates(emulator: Emulator) -> list[dict[str, Any]]:
    return [
        *await emulator.graph_calls("/onlineMeetings/createOrGet", "POST"),
        *await emulator.graph_calls("/events", "POST"),
    ]


def inputs(card: dict[str, Any]) -> dict[str, Any]:
    return {i["id"]: i.get("value") for i in card["body"] if str(i.get("type")).startswith("In")}


def form_inputs(card: dict[str, Any]) -> dict[str, Any]:
    found = inputs(card)
    for element in card["body"]:
        for column in element.get("columns", []):
            found.update(inputs({"body": column["items"]}))
    return found


@KINDS
async def test_an_unsure_request_is_said_back_and_nothing_is_created(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str], kind: str
) -> None:
    capture, url = connector
    case = UNSURE[kind]

    card = await said(bot, capture, case.text, url)

    text = card_text(card)
    assert case.reason in text
    assert case.said_back in text
    assert buttons(card) == ["Create", "Change"]
    assert join_urls(card) == []
    assert await creates(emulator) == []


@KINDS
async def test_create_does_what_the_card_said_once_and_updates_the_card_in_place(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str], kind: str
) -> None:
    capture, url = connector
    case = UNSURE[kind]
    card = await said(bot, capture, case.text, url)
    create = action_data(card, "confirm")

    made = await bot.press(invoke(create, url, reply_to_id=f"confirm-{kind}"))
    again = await bot.press(invoke(create, url, reply_to_id=f"confirm-{kind}", activity_id="2nd"))

    calls = await creates(emulator)  # a second press asks Graph for the same meeting again
    keys = {c["body"].get("transactionId") or c["body"].get("externalId") for c in calls}
    assert len(keys) == 1
    call = calls[0]
    if case.event:
        start = {"dateTime": case.start, "timeZone": "W. Europe Standard Time"}  # Berlin's
        assert call["body"]["start"] == start
        [event] = await emulator.events_of(USER_AAD)
        assert join_urls(made) == [event["onlineMeeting"]["joinUrl"]]
    else:
        body = call["body"]
        local = datetime.fromisoformat(body["startDateTime"]).astimezone(BERLIN)
        assert local.replace(tzinfo=None).isoformat() == case.start
        end = datetime.fromisoformat(body["endDateTime"])
        assert (end - datetime.fromisoformat(body["startDateTime"])).seconds == case.minutes * 60
    assert join_urls(made) == join_urls(again)
    assert "Create" not in buttons(made)


@KINDS
async def test_change_opens_the_form_with_what_was_read(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str], kind: str
) -> None:
    capture, url = connector
    case = UNSURE[kind]
    card = await said(bot, capture, case.text, url)

    changed = await bot.press(invoke(action_data(card, "change"), url))

    assert await creates(emulator) == []
    if case.form is None:  # "meet now": no time to correct, it is typed again
        assert "Type it again" in card_text(changed)
        return
    assert "New meeting" in card_text(changed)
    values = form_inputs(changed)
    assert {name: values[name] for name in case.form} == case.form
    assert values["duration"] == str(case.minutes)


async def test_a_named_zone_shows_both_times_on_the_card_and_on_the_meeting(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await said(bot, capture, "schedule Sync tomorrow 10am CST", url)
    chicago = "In America/Chicago: Thu, Nov 26, 2026, 10:00\u202fAM – 10:30\u202fAM"
    assert chicago in card_text(card)

    made = await bot.press(invoke(action_data(card, "confirm"), url, reply_to_id="zone-card"))

    text = card_text(made)
    assert "When: Nov 26, 2026, 5:00\u202fPM – 5:30\u202fPM" in text
    assert "In America/Chicago: Nov 26, 2026, 10:00\u202fAM – 10:30\u202fAM" in text


async def test_a_sure_request_with_a_named_zone_acts_at_once_and_shows_both_times(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await said(bot, capture, "schedule Sync tomorrow 10am ET", url)
    assert join_urls(card)
    assert "In America/New_York: Nov 26, 2026, 10:00\u202fAM – 10:30\u202fAM" in card_text(card)
    assert len(await creates(emulator)) == 1


async def test_only_who_asked_can_create_or_change_it(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await said(bot, capture, "schedule Retro tomorrow at 5", url)
    other = {"aad_object_id": OTHER_AAD, "sender_id": "29:other"}

    for verb in ("confirm", "change"):
        refused = await bot.press(invoke(action_data(card, verb), url, **other))
        assert "Only the person who asked" in card_text(refused)
    assert await creates(emulator) == []


async def test_an_unsure_cancel_asks_on_the_meetings_own_card(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await said(bot, capture, "schedule Budget review tomorrow 3pm", url)

    asked = await said(bot, capture, "cancle Budget review", url)

    assert "I read “cancle” as the command “cancel”" in card_text(asked)
    assert "Cancel this meeting?" in card_text(asked)
    assert await emulator.graph_calls("/cancel", "POST") == []
    await bot.press(invoke(action_data(asked, "cancel_confirmed"), url))
    assert len(await emulator.graph_calls("/cancel", "POST")) == 1
