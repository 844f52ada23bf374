"""A group chat votes on a time, end to end, with three replicas of the bot sharing one
database (one SQLite file, or one PostgreSQL: tests/support/postgres.py): three members vote
at the same moment, each through a different replica, and exactly one event is booked."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestServer

from bot.config import Settings
from bot.meetings.graph_docs import from_date_time_time_zone
from bot.runtime import build_runtime
from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import actions, buttons, card_text
from tests.support.connector import ConnectorCapture
from tests.support.postgres import postgres_cluster, postgres_url
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # Wednesday 10:00 in Berlin
GROUP = "19:falcon@thread.v2"
FIND = "find a time for everyone this week for 30m"
MEGAN = ("29:megan", "cccccccc-0000-0000-0000-00000000000c", "Megan Bowen", "megan@contoso.com")
ADELE = ("29:adele", "dddddddd-0000-0000-0000-00000000000d", "Adele Vance", "adele@contoso.com")
JANE = ("29:user-jane", USER_AAD, "Jane Doe", "jane@contoso.com")

__all__ = ["postgres_cluster", "postgres_url"]

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path) -> Settings:
    """The replicas' one database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return replace(settings, bot_db=tmp_path / "shared.sqlite3")
    return replace(settings, database_url=request.getfixturevalue("postgres_url"))


@pytest.fixture
async def replicas(
    shared: Settings, bot_clock: Callable[[], datetime]
) -> AsyncIterator[list[BotUnderTest]]:
    """Three bots on one database, as three replicas behind a load balancer."""
    servers = [
        TestServer(
            build_runtime(shared, clock=bot_clock, join_link_waits=(0.05,)).app, host="127.0.0.1"
        )
        for _ in range(3)
    ]
    for server in servers:
        await server.start_server()
    async with httpx.AsyncClient(timeout=20) as http:
        yield [BotUnderTest(str(s.make_url("")).rstrip("/"), http) for s in servers]
    for server in servers:
        await server.close()


async def chat(emulator: Emulator, capture: ConnectorCapture) -> None:
    for teams_id, aad, name, email in (JANE, MEGAN, ADELE):
        capture.members[teams_id] = {
            "id": teams_id,
            "name": name,
            "email": email,
            "userPrincipalName": email,
            "aadObjectId": aad,
        }
        await emulator.put(f"/_emulator/users/{aad}/calendar", {"name": name, "address": email})


def as_member(member: tuple[str, str, str, str], data: dict[str, Any], service_url: str) -> Any:
    teams_id, aad, _, _ = member
    return invoke(
        data,
        service_url,
        conversation_type="groupChat",
        conversation_id=GROUP,
        aad_object_id=aad,
        sender_id=teams_id,
        reply_to_id="poll-card",
    )


def vote(card: dict[str, Any], slot: int) -> dict[str, Any]:
    votes: list[dict[str, Any]] = [
        a["data"] for a in actions(card) if (a.get("data") or {}).get("action") == "poll_vote"
    ]
    return votes[slot]


async def start_poll(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    text: str = FIND,
    locale: str = "en-US",
) -> dict[str, Any]:
    capture, service_url = connector
    await chat(emulator, capture)
    await bot.post(
        message(
            text,
            service_url,
            conversation_type="groupChat",
            conversation_id=GROUP,
            mention_bot=True,
            locale=locale,
        )
    )
    [card] = capture.cards()
    return card


@pytest.mark.parametrize(
    ("text", "locale", "title", "works"),
    [
        (FIND, "en-US", "When should we meet?", "Works for me"),
        (
            "encontrar um horário para todos esta semana por 30 min",
            "pt-BR",
            "Quando podemos nos reunir?",
            "Posso",
        ),
    ],
    ids=["en", "pt"],
)
async def test_three_members_vote_at_once_on_three_replicas_and_one_event_is_booked(
    replicas: list[BotUnderTest],
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    text: str,
    locale: str,
    title: str,
    works: str,
) -> None:
    _, service_url = connector
    card = await start_poll(replicas[0], emulator, connector, text, locale)
    assert title in card_text(card)  # in the language of the text that started the poll
    assert card["refresh"]["userIds"] == ["29:user-jane", "29:megan", "29:adele"]
    assert card["refresh"]["action"]["verb"] == "poll_refresh"
    assert len([b for b in buttons(card) if b == works]) == 4

    answers = await asyncio.gather(
        replicas[0].press(as_member(JANE, vote(card, 0), service_url)),
        replicas[1].press(as_member(MEGAN, vote(card, 0), service_url)),
        replicas[2].press(as_member(ADELE, vote(card, 1), service_url)),
    )

    booked = [e for e in await emulator.events_of(USER_AAD) if not e["isCancelled"]]
    assert len(booked) == 1, booked
    assert len(await emulator.graph_calls("/events", "POST")) == 1  # claimed once, not deduped
    [event] = booked
    # Nobody is busy: the slots are the first half hours from now, 09:00 UTC the first.
    assert from_date_time_time_zone(event["start"]) == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    invited = sorted(a["emailAddress"]["address"] for a in event["attendees"])
    assert invited == ["adele@contoso.com", "megan@contoso.com"]
    assert any("Booked:" in card_text(a) for a in answers)

    late = await replicas[2].press(as_member(MEGAN, vote(card, 2), service_url))
    assert "Booked:" in card_text(late)
    assert "Join" in buttons(late)
    assert len(await emulator.events_of(USER_AAD)) == 1


async def test_the_creator_books_with_one_tap_and_a_refresh_shows_each_member_their_card(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, service_url = connector
    card = await start_poll(bot, emulator, connector)
    megan_view = await bot.press(as_member(MEGAN, vote(card, 1), service_url))
    assert "✔ Works for me (tap to take back)" in buttons(megan_view)
    assert "Book the winner" not in buttons(megan_view)
    refresh = card["refresh"]["action"]["data"]
    jane_view = await bot.press(as_member(JANE, refresh, service_url))
    assert "Book the winner" in buttons(jane_view)
    assert "Megan Bowen" in card_text(jane_view)
    assert "Waiting for: Jane Doe, Adele Vance" in card_text(jane_view)
    assert await emulator.events_of(USER_AAD) == []

    [book] = [a["data"] for a in actions(jane_view) if a.get("title") == "Book the winner"]
    not_creator = await bot.press(as_member(ADELE, book, service_url))
    assert "Booked:" not in card_text(not_creator)
    assert await emulator.events_of(USER_AAD) == []
    done = await bot.press(as_member(JANE, book, service_url))
    assert "Booked:" in card_text(done)
    [event] = await emulator.events_of(USER_AAD)
    assert from_date_time_time_zone(event["start"]) == datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
    assert event["subject"] == "Team meeting"
