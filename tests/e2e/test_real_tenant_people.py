"""People picked in the scheduling form, through /api/messages: the Teams people picker gives
Entra object ids of anyone in the organization, which the bot reads from Graph's user directory
(GET /users/{id}, User.ReadBasic.All); the emulator's directory and its closed mode are tested
in tests/emulator/test_emulator_directory.py (Graph's "Get user" and "List users" pages)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from tests.e2e.test_e2e_card_actions import NOW, form_data
from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

ANN = "11111111-2222-3333-4444-555555555555"
BOB = "66666666-7777-8888-9999-000000000000"
STRANGER = "12121212-3434-5656-7878-909090909090"

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def seed_people(emulator: Emulator) -> None:
    """A closed directory: only these users exist (and the roster of a personal chat is empty)."""
    await emulator.put("/_emulator/tenants/default", {"directory": "closed"})
    await emulator.put(f"/_emulator/users/{USER_AAD}", {"displayName": "Jane Doe"})
    for user_id, name, mail in ((ANN, "Ann Lee", "ann@contoso.com"), (BOB, "Bob Ray", "bob@x.com")):
        await emulator.put(f"/_emulator/users/{user_id}", {"displayName": name, "mail": mail})


async def test_two_people_picked_in_a_personal_chat_are_invited_to_one_event(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    await seed_people(emulator)

    card = await bot.press(invoke(form_data(attendees=f"{ANN},{BOB}"), url))

    [event] = await emulator.events_of(USER_AAD)
    invited = [
        (a["emailAddress"]["name"], a["emailAddress"]["address"]) for a in event["attendees"]
    ]
    assert invited == [("Ann Lee", "ann@contoso.com"), ("Bob Ray", "bob@x.com")]
    assert "Attendees: Ann Lee, Bob Ray" in card_text(card)
    assert len(await emulator.graph_calls(f"/users/{ANN}", "GET")) == 1


async def test_someone_the_directory_does_not_know_is_told_beside_the_field_and_the_form_kept(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """The picker submits object ids only: without the directory or the roster no name is
    known, so the person is "someone you picked", never an id."""
    _, url = connector
    await seed_people(emulator)

    card = await bot.press(invoke(form_data(attendees=f"{ANN},{STRANGER}"), url))

    words = card_text(card)
    assert "I could not find someone you picked in your organization's directory." in words
    assert STRANGER not in words
    inputs = {n["id"]: n.get("value") for n in _inputs(card)}
    assert inputs["subject"] == "Planning"
    assert inputs["attendees"] == f"{ANN},{STRANGER}"
    assert await emulator.events_of(USER_AAD) == []


def _inputs(card: dict[str, object]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Input."):
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


async def test_an_event_organizer_named_by_id_is_shown_by_name(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """The emulator names an unseeded calendar's owner by object id (as an event's
    organizer.emailAddress.name), as real events made by apps sometimes are."""
    capture, url = connector
    await bot.post(message("schedule Retro tomorrow 3pm", url))

    words = card_text(capture.cards()[-1])

    assert [line for line in words.splitlines() if "Organizer" in line] == ["Organizer: Jane Doe"]


async def test_without_a_sender_name_the_organizer_comes_from_the_directory(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """Graph leaves a standalone meeting's organizer displayName null; GET /users/{id} names
    them (tests/emulator/test_emulator_directory.py)."""
    capture, url = connector
    await emulator.put(f"/_emulator/users/{USER_AAD}", {"displayName": "Jane Q. Doe"})
    activity = message("meet now", url)
    activity["from"].pop("name")

    await bot.post(activity)

    words = card_text(capture.cards()[-1])
    organizer = [line for line in words.splitlines() if "Organizer" in line]
    assert organizer == ["Organizer: Jane Q. Doe"]
