"""Delegated mode as Teams really behaves: the sign-in button's flow completes through the Bot
Framework token service (`signin/verifyState`), and the command the user typed before signing
in then runs by itself, once — whichever invoke completes the sign-in, however often Teams
sends it. In group chats and channels the user is sent to their personal chat instead.

The capture server stands in for the token service (tests/support/token_service.py); the
Graph emulator accepts only tokens the identity server signed, so a meeting created proves
which user's token the bot used.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.config import Settings
from graph_emulator.identity import IdentityServer
from tests.support.activities import USER_AAD, compose_invoke, message
from tests.support.cardtext import actions, card_text, join_urls
from tests.support.clock import Clock
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import running_bot
from tests.support.servers import Emulator
from tests.support.sso_fixtures import (
    exchange,
    oauth_cards,
    organizer,
    service_graph_token,
    verify_state,
)

pytest_plugins = ["tests.support.identity_fixtures", "tests.support.sso_fixtures"]

SENDER = "29:user-jane"  # the sender's Teams account id: the token service's user id


async def creates(emulator: Emulator) -> list[dict[str, Any]]:
    return await emulator.graph_calls("createOrGet")


def texts(capture: ConnectorCapture) -> list[str]:
    return [card_text(card) for card in capture.cards()]


async def test_the_sign_in_button_completes_through_verify_state_and_the_command_runs_once(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        await bot.send(message("meet now Planning", service_url))
        assert len(oauth_cards(capture)) == 1
        assert await creates(secure_emulator) == []
        code = capture.token_service.sign_in(SENDER, service_graph_token(identity))
        verified = await bot.send(verify_state(service_url, code))
        retried = await bot.send(verify_state(service_url, code))  # Teams sends it again

    assert verified.status_code == 200, verified.text
    assert retried.status_code == 200, retried.text
    signed_in, meeting = capture.cards()
    assert "You're signed in" in card_text(signed_in)
    assert "meet now Planning" in card_text(signed_in)
    assert "Planning" in card_text(meeting)
    [url] = join_urls(meeting)
    assert await organizer(secure_emulator, identity, url) == USER_AAD
    assert len(await creates(secure_emulator)) == 1
    [redeemed, *_] = [
        c for c in capture.token_service.calls("/api/usertoken/GetToken") if "code" in c["query"]
    ]
    assert redeemed["query"]["userId"] == SENDER
    assert redeemed["query"]["connectionName"] == "TeamsSSO"
    assert redeemed["query"]["channelId"] == "msteams"


async def test_a_silent_token_exchange_then_runs_the_command_once_across_devices(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        await bot.send(message("meet now Retro", service_url))
        desktop, phone = await asyncio.gather(
            bot.send(exchange(identity, service_url)), bot.send(exchange(identity, service_url))
        )
        later = await bot.send(exchange(identity, service_url))

    assert [desktop.status_code, phone.status_code, later.status_code] == [200, 200, 200]
    signed_in, meeting = capture.cards()
    assert "meet now Retro" in card_text(signed_in)
    [url] = join_urls(meeting)
    assert await organizer(secure_emulator, identity, url) == USER_AAD
    assert len(await creates(secure_emulator)) == 1


async def test_both_invokes_of_one_sign_in_create_one_meeting_and_say_nothing_twice(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        await bot.send(message("meet now Sync", service_url))
        code = capture.token_service.sign_in(SENDER, service_graph_token(identity))
        answers = await asyncio.gather(
            bot.send(exchange(identity, service_url)), bot.send(verify_state(service_url, code))
        )

    assert [a.status_code for a in answers] == [200, 200]
    assert len(await creates(secure_emulator)) == 1
    said = texts(capture)
    assert len(said) == 2, said  # "signed in, now doing it" and the meeting, once each
    assert not any("again" in text for text in said)


async def test_a_command_that_waited_too_long_is_not_run_and_the_user_is_told(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    clock = Clock(datetime.now(UTC))

    async with running_bot(delegated, identity, clock) as bot:
        await bot.send(message("meet now Stale", service_url))
        clock.advance(minutes=16)
        code = capture.token_service.sign_in(SENDER, service_graph_token(identity))
        verified = await bot.send(verify_state(service_url, code))

    assert verified.status_code == 200, verified.text
    [told] = texts(capture)
    assert "You're signed in" in told
    assert "meet now Stale" in told
    assert "more than 15 minutes ago" in told
    assert "send it again" in told
    assert await creates(secure_emulator) == []


@pytest.mark.parametrize("conversation_type", ["groupChat", "channel"])
async def test_in_a_group_chat_or_channel_the_user_is_sent_to_the_personal_chat(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    conversation_type: str,
) -> None:
    capture, service_url = connector
    group = message(
        "meet now Team",
        service_url,
        mention_bot=True,
        conversation_type=conversation_type,
        conversation_id="19:group@thread.v2",
    )

    async with running_bot(delegated, identity) as bot:
        answer = await bot.send(group)
        code = capture.token_service.sign_in(SENDER, service_graph_token(identity))
        await bot.send(verify_state(service_url, code))  # signed in later, in the personal chat

    assert answer.status_code == 201
    assert oauth_cards(capture) == []
    assert capture.token_service.calls("/api/botsignin/GetSignInResource") == []
    directions, signed_in = capture.cards()
    words = card_text(directions)
    assert "sign in once, in a personal chat with me" in words
    assert "send this request again" in words
    [button] = directions["actions"]
    assert button["type"] == "Action.OpenUrl"
    assert button["url"] == "https://teams.microsoft.com/l/chat/0/0?users=28:bot-app-id"
    assert "Now send me your request again" in card_text(signed_in)  # nothing ran by itself
    assert await creates(secure_emulator) == []


async def test_the_group_chat_directions_are_in_the_users_language(
    delegated: Settings, identity: IdentityServer, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    group = message("reunião agora", service_url, conversation_type="groupChat", locale="pt-BR")

    async with running_bot(delegated, identity) as bot:
        await bot.send(group)

    [directions] = capture.cards()
    assert "chat pessoal comigo" in card_text(directions)
    assert directions["actions"][0]["title"] != "Open a chat with me"


async def test_a_user_who_signed_in_with_the_button_earlier_needs_no_card(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    capture.token_service.keep(SENDER, service_graph_token(identity))

    async with running_bot(delegated, identity) as bot:
        await bot.send(message("meet now Later", service_url))
        await bot.send(message("sign out", service_url))
        await bot.send(message("meet now After", service_url))

    meeting, signed_out = capture.cards()
    [url] = join_urls(meeting)
    assert await organizer(secure_emulator, identity, url) == USER_AAD
    assert "Signed out" in card_text(signed_out)
    assert len(oauth_cards(capture)) == 1  # after `sign out`, the token service's is gone too
    assert len(capture.token_service.calls("/api/usertoken/SignOut")) == 1


async def test_the_compose_box_acts_with_the_token_the_token_service_keeps(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    capture.token_service.keep(SENDER, service_graph_token(identity))

    async with running_bot(delegated, identity) as bot:
        opened = await bot.send(compose_invoke("composeExtension/fetchTask", service_url))
        form = opened.json()["task"]["value"]["card"]["content"]
        [create] = [a for a in actions(form) if a["type"] == "Action.Submit"]
        data = {"subject": "Compose", "when": "now", "duration": "30", **create["data"]}
        submitted = await bot.send(
            compose_invoke("composeExtension/submitAction", service_url, data=data)
        )

    [attachment] = submitted.json()["composeExtension"]["attachments"]
    [url] = join_urls(attachment["content"])
    assert await organizer(secure_emulator, identity, url) == USER_AAD


@pytest.mark.parametrize(
    "state", [None, "", 42, {"nested": "x"}], ids=["none", "empty", "number", "object"]
)
async def test_a_malformed_verify_state_is_a_400_without_a_word(
    delegated: Settings,
    identity: IdentityServer,
    connector: tuple[ConnectorCapture, str],
    state: Any,
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        response = await bot.send(verify_state(service_url, state))

    assert response.status_code == 400
    assert capture.cards() == []
    assert capture.token_service.calls("/api/usertoken/GetToken") == []


async def test_a_code_the_token_service_does_not_know_says_the_sign_in_did_not_finish(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        await bot.send(message("meet now Planning", service_url))
        response = await bot.send(verify_state(service_url, "000000"))

    assert response.status_code == 404
    [told] = texts(capture)
    assert "did not finish" in told
    assert await creates(secure_emulator) == []


async def test_a_token_service_that_refuses_gives_words_not_a_broken_card(
    delegated: Settings,
    identity: IdentityServer,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    capture, service_url = connector
    capture.token_service.refuse = True

    async with running_bot(delegated, identity) as bot:
        answer = await bot.send(message("meet now", service_url))
        verified = await bot.send(verify_state(service_url, "123456"))

    assert answer.status_code == 201
    assert verified.status_code == 404
    assert oauth_cards(capture) == []
    first, second = texts(capture)
    assert "can't start the sign-in" in first
    assert "can't start the sign-in" in second
    assert "SSO_CONNECTION_NAME" in caplog.text
    assert "Traceback" not in caplog.text
