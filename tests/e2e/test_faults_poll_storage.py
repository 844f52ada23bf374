"""A poll when the bot's database stops answering, through real HTTP: a vote is refused in
words (a 200 with a card, never a 5xx) and counts once the database is back; a booking whose
event Graph made but the database could not record shows that meeting and its join link,
never "nothing was created"."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from aiohttp.test_utils import TestServer

from bot.config import Settings
from bot.runtime import build_runtime
from bot.storage import JSON, StorageUnavailable
from bot.storage.sqlite import SqliteStore
from tests.e2e.test_e2e_poll import ADELE, JANE, MEGAN, NOW, as_member, start_poll, vote
from tests.support.activities import USER_AAD
from tests.support.cardtext import buttons, card_text
from tests.support.connector import ConnectorCapture
from tests.support.faulty import CANNOT_SAVE
from tests.support.servers import BotUnderTest, Emulator

NOT_SAVED = "I could not save this meeting yet"


class PollsDown(SqliteStore):
    """The bot's store, whose poll writes named in `down` fail, as a database that stopped
    answering does (StorageUnavailable, what SqliteDatabase and PostgresDatabase raise)."""

    down: frozenset[str] = frozenset()

    def _check(self, operation: str) -> None:
        if operation in self.down:
            raise StorageUnavailable("SQLite bot.sqlite3: disk I/O error")

    async def record_vote(self, poll_id: str, user_id: str, slot: int, chosen: bool) -> None:
        self._check("record_vote")
        await super().record_vote(poll_id, user_id, slot, chosen)

    async def set_booked(self, poll_id: str, meeting: JSON) -> None:
        self._check("set_booked")
        await super().set_booked(poll_id, meeting)


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[PollsDown]:
    opened = PollsDown(tmp_path / "bot.sqlite3")
    await opened.open()
    yield opened
    await opened.aclose()


@pytest.fixture
async def bot(
    settings: Settings, bot_clock: Callable[[], datetime], store: PollsDown
) -> AsyncIterator[BotUnderTest]:
    runtime = build_runtime(settings, clock=bot_clock, join_link_waits=(0.05,), store=store)
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    async with httpx.AsyncClient(timeout=20) as http:
        yield BotUnderTest(str(server.make_url("")).rstrip("/"), http)
    await server.close()


async def test_a_vote_while_the_database_is_down_is_refused_in_words_and_counts_later(
    bot: BotUnderTest,
    store: PollsDown,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    _, service_url = connector
    card = await start_poll(bot, emulator, connector)
    store.down = frozenset({"record_vote"})

    refused = await bot.press(as_member(MEGAN, vote(card, 1), service_url))

    assert CANNOT_SAVE in card_text(refused)
    store.down = frozenset()
    counted = await bot.press(as_member(MEGAN, vote(card, 1), service_url))
    assert "✔ Works for me (tap to take back)" in buttons(counted)
    assert await store.votes(str(vote(card, 1)["poll"])) == {MEGAN[1]: frozenset({1})}


async def test_an_event_booked_but_not_recorded_is_shown_with_its_join_link(
    bot: BotUnderTest,
    store: PollsDown,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    _, service_url = connector
    card = await start_poll(bot, emulator, connector)
    await bot.press(as_member(JANE, vote(card, 0), service_url))
    await bot.press(as_member(MEGAN, vote(card, 0), service_url))
    store.down = frozenset({"set_booked"})  # Graph makes the event; its record fails

    last = await bot.press(as_member(ADELE, vote(card, 0), service_url))

    assert NOT_SAVED in card_text(last)
    assert CANNOT_SAVE not in card_text(last)
    assert "Join" in buttons(last)
    assert len(await emulator.events_of(USER_AAD)) == 1
