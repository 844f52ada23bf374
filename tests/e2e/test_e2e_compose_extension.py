"""The compose box's "Teams meeting" action end to end, with the invokes Teams sends: the form
as a dialog, a meeting made once per form, its card for the compose box, errors in the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import compose_invoke
from tests.support.card_schema import assert_valid_card
from tests.support.cardtext import actions, buttons, card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, 41, tzinfo=UTC)  # 10:00:41 in Berlin, the sender's zone
FETCH, SUBMIT = "composeExtension/fetchTask", "composeExtension/submitAction"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def answer(bot: BotUnderTest, activity: dict[str, Any]) -> dict[str, Any]:
    response = await bot.post(activity)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def dialog_card(body: dict[str, Any]) -> dict[str, Any]:
    """The dialog Teams is told to show: a task module continuing with an Adaptive Card."""
    assert set(body) == {"task"}, body
    task = body["task"]
    assert task["type"] == "continue"
    assert task["value"]["title"] == "Teams meeting"
    card: dict[str, Any] = task["value"]["card"]
    assert card["contentType"] == ADAPTIVE
    assert_valid_card(card["content"])
    content: dict[str, Any] = card["content"]
    return content


def compose_card(body: dict[str, Any]) -> dict[str, Any]:
    """The card Teams puts in the compose box: a message extension result of one attachment."""
    assert set(body) == {"composeExtension"}, body
    result = body["composeExtension"]
    assert (result["type"], result["attachmentLayout"]) == ("result", "list")
    [attachment] = result["attachments"]
    assert attachment["contentType"] == ADAPTIVE
    assert_valid_card(attachment["content"])
    content: dict[str, Any] = attachment["content"]
    return content


def submitted(form: dict[str, Any], **inputs: str) -> dict[str, Any]:
    """What Teams sends for the form's Create button: the inputs merged with its data."""
    [create] = [a for a in actions(form) if a["type"] == "Action.Submit"]
    return {"subject": "", "when": "now", "duration": "30", **inputs, **create["data"]}


async def opened_form(bot: BotUnderTest, url: str) -> dict[str, Any]:
    return dialog_card(await answer(bot, compose_invoke(FETCH, url)))


async def test_the_action_opens_a_form_with_subject_when_and_duration(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    form = await opened_form(bot, url)

    inputs = {
        node["id"] for node in _walk(form["body"]) if str(node.get("type")).startswith("Input.")
    }
    assert inputs == {"subject", "when", "date", "time", "duration"}
    assert buttons(form) == ["Create meeting"]
    assert await emulator.requests() == []  # nothing is created by opening the form


async def test_submitting_now_creates_one_meeting_and_hands_its_card_to_the_compose_box(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    form = await opened_form(bot, url)
    data = submitted(form, subject="Design sync", duration="45")

    first = compose_card(await answer(bot, compose_invoke(SUBMIT, url, data=data)))
    again = compose_card(
        await answer(bot, compose_invoke(SUBMIT, url, data=data, activity_id="retried"))
    )

    [create] = await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")  # one meeting
    assert create["body"]["startDateTime"] == "2026-11-25T09:00:00.0000000Z"
    assert create["body"]["endDateTime"] == "2026-11-25T09:45:00.0000000Z"
    assert join_urls(first) == join_urls(again) != []
    assert "Design sync" in card_text(first)
    assert "10:00\u202fAM – 10:45\u202fAM" in card_text(first)
    assert capture.activities == []  # the user sends the card; the bot posts nothing itself


async def test_two_forms_make_two_meetings(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    for _ in range(2):
        form = await opened_form(bot, url)
        compose_card(await answer(bot, compose_invoke(SUBMIT, url, data=submitted(form))))
    calls = await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")
    assert [c["status"] for c in calls] == [201, 201]


async def test_a_time_later_and_no_subject_makes_a_teams_meeting_then(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    form = await opened_form(bot, url)
    data = submitted(form, when="later", date="2026-11-26", time="15:00", duration="60")

    card = compose_card(await answer(bot, compose_invoke(SUBMIT, url, data=data)))

    [create] = await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")
    assert create["body"]["subject"] == "Teams meeting"
    assert create["body"]["startDateTime"] == "2026-11-26T14:00:00.0000000Z"
    assert "Nov 26, 2026, 3:00\u202fPM – 4:00\u202fPM" in card_text(card)


@pytest.mark.parametrize(
    ("inputs", "error"),
    [
        ({"when": "later", "date": "2026-11-20", "time": "09:00"}, "already passed"),
        ({"when": "later", "date": "", "time": "09:00"}, "Pick a date."),
        ({"when": "later", "date": "2026-11-26", "time": ""}, "Pick a start time."),
        ({"duration": "0"}, "The meeting must end after it starts"),
    ],
    ids=["past", "no-date", "no-time", "no-duration"],
)
async def test_a_mistake_keeps_the_form_open_with_the_input_and_the_error(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    inputs: dict[str, str],
    error: str,
) -> None:
    _, url = connector
    form = await opened_form(bot, url)
    data = submitted(form, subject="Retro", **inputs)

    again = dialog_card(await answer(bot, compose_invoke(SUBMIT, url, data=data)))

    assert error in card_text(again)
    values = {n["id"]: n.get("value") for n in _walk(again["body"]) if "id" in n}
    assert values["subject"] == "Retro"
    assert [a["data"] for a in actions(again)] == [a["data"] for a in actions(form)]  # same form
    assert await emulator.graph_calls("/onlineMeetings") == []


async def test_a_graph_failure_is_said_in_the_form(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    await emulator.inject(status=403, count=1, match="/onlineMeetings/createOrGet")
    form = await opened_form(bot, url)

    again = dialog_card(await answer(bot, compose_invoke(SUBMIT, url, data=submitted(form))))

    assert "Microsoft Graph refused the request" in card_text(again)
    assert buttons(again) == ["Create meeting"]


def _walk(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_walk(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_walk(item))
    return found


async def test_the_form_and_its_errors_speak_the_users_language(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    response = await bot.post(compose_invoke(FETCH, url, locale="de-DE"))
    task = response.json()["task"]["value"]
    assert task["title"] == "Teams-Besprechung"
    form = task["card"]["content"]
    assert "Neue Teams-Besprechung" in card_text(form)
    assert buttons(form) == ["Besprechung erstellen"]
    data = submitted(form, when="later", date="", time="09:00")

    again = await bot.post(compose_invoke(SUBMIT, url, data=data, locale="de-DE"))

    assert "Wähl ein Datum." in card_text(again.json()["task"]["value"]["card"]["content"])
