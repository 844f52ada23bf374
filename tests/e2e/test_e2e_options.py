"""Meeting options and invited people end to end: from the text and from the card's
"Meeting options" form to a PATCH of the online meeting that Microsoft's schema accepts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import actions, card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
BOB = {
    "id": "29:bob",
    "name": "Bob Lee",
    "email": "bob.lee@contoso.com",
    "userPrincipalName": "bob.lee@contoso.com",
    "aadObjectId": "bbbbbbbb-0000-0000-0000-0000000000b0",
}

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def patches(emulator: Emulator) -> list[dict[str, Any]]:
    return [
        call["body"]
        for call in await emulator.graph_calls("/onlineMeetings/", "PATCH")
        if "createOrGet" not in call["path"]
    ]


@pytest.mark.parametrize(
    ("text", "locale", "facts"),
    [
        (
            "meet now Design sync lobby off, only I present, record it, chat off",
            "en-US",
            [
                "Lobby: nobody waits",
                "Presenters: only me",
                "Recording: starts automatically",
                "Meeting chat: off",
            ],
        ),
        (
            "reunião agora Design sync sem sala de espera, só eu apresento, gravar, sem chat",
            "pt-BR",
            [
                "Lobby: ninguém espera",
                "Apresentadores: só eu",
                "Gravação: começa automaticamente",
                "Chat da reunião: desativado",
            ],
        ),
    ],
    ids=["en", "pt"],
)
async def test_options_in_the_text_are_set_on_the_new_meeting_and_shown(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    text: str,
    locale: str,
    facts: list[str],
) -> None:
    capture, service_url = connector
    await bot.post(message(text, service_url, locale=locale))

    assert await patches(emulator) == [
        {
            "lobbyBypassSettings": {"scope": "everyone"},
            "allowedPresenters": "organizer",
            "recordAutomatically": True,
            "allowMeetingChat": "disabled",
        }
    ]
    [card] = capture.cards()
    shown = card_text(card)
    assert "Design sync" in shown
    for fact in facts:
        assert fact in shown


async def test_the_options_form_on_an_events_card_finds_its_meeting_by_link_and_saves(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("schedule Review tomorrow 3pm", service_url))
    [card] = capture.cards()
    [form] = [a for a in actions(card) if a.get("title") == "Meeting options"]
    inputs = {i["id"]: i["value"] for i in form["card"]["body"]}
    assert inputs == {
        "lobby": "organization",
        "presenters": "everyone",
        "record": "false",
        "chat": "enabled",
    }
    [save] = [a for a in actions(form["card"]) if a.get("title") == "Save options"]
    pressed = {**save["data"], **inputs, "lobby": "invited", "record": "true"}

    saved = await bot.press(invoke(pressed, service_url))

    [event] = await emulator.events_of(USER_AAD)
    [lookup] = await emulator.graph_calls("/onlineMeetings", "GET")
    assert "JoinWebUrl eq" in str(lookup["query"])
    assert await patches(emulator) == [
        {
            "lobbyBypassSettings": {"scope": "invited"},
            "allowedPresenters": "everyone",
            "recordAutomatically": True,
            "allowMeetingChat": "enabled",
        }
    ]
    assert "Meeting options saved." in card_text(saved)
    assert "Lobby: people I invited skip it" in card_text(saved)
    assert event["onlineMeeting"]["joinUrl"] in str(lookup["query"])


async def test_a_forged_option_value_is_refused_before_graph(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("meet now", service_url))
    [card] = capture.cards()
    [form] = [a for a in actions(card) if a.get("title") == "Meeting options"]
    [save] = [a for a in actions(form["card"]) if a.get("title") == "Save options"]
    refused = await bot.press(invoke({**save["data"], "lobby": "nobody"}, service_url))
    assert "not ones Teams has" in card_text(refused)
    assert await patches(emulator) == []


@pytest.mark.parametrize(
    ("text", "locale", "warning"),
    [
        (
            "meet now with <at>Bob Lee</at> and ann@fabrikam.com",
            "en-US",
            "ann@fabrikam.com is from outside your organisation",
        ),
        (
            "reunião agora com <at>Bob Lee</at> e ann@fabrikam.com",
            "pt-BR",
            "ann@fabrikam.com é de fora da sua organização",
        ),
    ],
    ids=["en", "pt"],
)
async def test_meet_now_with_people_invites_them_and_warns_about_the_lobby(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    text: str,
    locale: str,
    warning: str,
) -> None:
    """participants.attendees of createOrGet; someone from another domain waits in the lobby
    (the default scope is the organization), and the card says so."""
    capture, service_url = connector
    capture.members["29:bob"] = BOB
    await emulator.put(
        f"/_emulator/users/{USER_AAD}/calendar", {"name": "Jane Doe", "address": "jane@contoso.com"}
    )

    await bot.post(message(text, service_url, mentions=(("29:bob", "Bob Lee"),), locale=locale))

    [create] = await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")
    assert create["body"]["participants"]["attendees"] == [
        {
            "upn": "bob.lee@contoso.com",
            "role": "attendee",
            "identity": {"user": {"id": BOB["aadObjectId"], "displayName": "Bob Lee"}},
        },
        {"upn": "ann@fabrikam.com", "role": "attendee"},
    ]
    [card] = capture.cards()
    shown = card_text(card)
    assert "bob.lee@contoso.com, ann@fabrikam.com" in shown  # the Attendees fact
    assert warning in shown
