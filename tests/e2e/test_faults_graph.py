"""Graph faults through real HTTP (the emulator's faults): the HTTP answer leaves within the
turn budget whatever Graph does, the result or a clear message is posted, exactly one meeting
exists, and it is one the bot can list and cancel."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from graph_emulator import EmulatorSettings, start_emulator
from tests.support.activities import USER_AAD
from tests.support.faulty import (
    NOT_CONFIRMED,
    NOTHING_CREATED,
    FaultyBot,
    listed_and_cancelled,
)
from tests.support.servers import Emulator


async def test_a_429_storm_longer_than_the_budget_says_when_to_try_again(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    """Retry-After: 19, again and again: three waits fit the 60 s budget, a fourth does not.
    Every answer was a refusal, so the bot knows nothing was created and says so."""
    await emulator.inject(status=429, count=100, retryAfter="19", match="createOrGet")

    await faulty.say("meet now Storm")
    await faulty.settled()

    working, told = faulty.posted()
    assert working.startswith("Working on it")
    assert "limiting how fast the bot may work" in told
    assert f"{NOTHING_CREATED} about 19 seconds." in told
    assert len(await emulator.graph_calls("createOrGet")) == 4
    assert await emulator.meetings_of(USER_AAD) == []
    assert await faulty.pending() == []  # abandoned: the same key may be used again


async def test_a_429_storm_that_ends_within_the_budget_posts_the_meeting(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    await emulator.inject(status=429, count=2, retryAfter="19", match="createOrGet")

    await faulty.say("meet now Storm")
    await faulty.settled()

    working, meeting = faulty.posted()
    assert working.startswith("Working on it")
    assert "Storm" in meeting
    assert len(await emulator.meetings_of(USER_AAD)) == 1
    await listed_and_cancelled(faulty, "Storm")


async def test_graph_slower_than_every_timeout_is_settled_by_the_reconciler(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    """20 s of latency on every call: each attempt times out, the user is told the truth (the
    outcome is unknown), and the pending intent is settled later by the same request."""
    await emulator.inject(latencyMs=20_000, count=4, match="createOrGet")

    await faulty.say("meet now Slow")
    await faulty.settled()

    working, doubt = faulty.posted()
    assert working.startswith("Working on it")
    assert NOT_CONFIRMED in doubt
    assert "nothing was created" not in doubt.lower()
    [pending] = await faulty.pending()
    assert pending.request["body"]["subject"] == "Slow"

    await emulator.control.delete("/_emulator/faults")
    assert await faulty.runtime.reconciler.run_once(after=timedelta(0)) == 1

    assert "Microsoft Graph has confirmed it now" in faulty.posted()[-1]
    assert len(await emulator.meetings_of(USER_AAD)) == 1
    assert await faulty.pending() == []
    await listed_and_cancelled(faulty, "Slow")


async def test_20_s_of_latency_on_the_first_try_is_retried_with_the_same_key(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    await emulator.inject(latencyMs=20_000, count=1, match="createOrGet")

    await faulty.say("meet now Retry")
    await faulty.settled()

    assert "Retry" in faulty.posted()[-1]
    keys = {call["body"]["externalId"] for call in await emulator.graph_calls("createOrGet")}
    assert len(keys) == 1  # the retry is the same request, never a new meeting
    assert len(await emulator.meetings_of(USER_AAD)) == 1
    await listed_and_cancelled(faulty, "Retry")


@pytest.mark.parametrize("graph_timeout", [5.0])
async def test_a_slow_success_is_posted_when_it_arrives(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    """Graph creates the meeting at once and answers 2.5 s later: the turn is answered in
    time, and the meeting is posted when Graph's answer arrives."""
    await emulator.inject(latencyMs=2500, phase="afterWork", match="createOrGet")

    await faulty.say("meet now Late")
    await faulty.settled()

    working, meeting = faulty.posted()
    assert working.startswith("Working on it")
    assert "Late" in meeting
    assert [c["status"] for c in await emulator.graph_calls("createOrGet")] == [201]
    await listed_and_cancelled(faulty, "Late")


@pytest.mark.parametrize(
    ("command", "path"),
    [("meet now Reset", "createOrGet"), ("schedule Reset tomorrow 3pm", "/events")],
    ids=["standalone", "event"],
)
async def test_a_connection_reset_after_the_write_makes_one_meeting(
    faulty: FaultyBot, emulator: Emulator, command: str, path: str
) -> None:
    await emulator.inject(reset=True, phase="afterWork", method="POST", match=path)

    await faulty.say(command)
    await faulty.settled()

    assert "Reset" in faulty.posted()[-1]
    made = await emulator.meetings_of(USER_AAD) + await emulator.events_of(USER_AAD)
    assert len(made) == 1
    await listed_and_cancelled(faulty, "Reset")


async def test_graph_down_creates_nothing_and_says_so(
    faulty: FaultyBot, emulator: Emulator, tmp_path: Path
) -> None:
    """No connection is ever made, so the bot knows nothing was created."""
    db, port = str(tmp_path / "graph.sqlite3"), emulator.running.port  # as the fixture has it
    await emulator.running.close()

    await faulty.say("meet now Down")
    await faulty.settled()

    assert "unreachable" in faulty.posted()[-1]
    assert f"{NOTHING_CREATED} a minute." in faulty.posted()[-1]
    assert await faulty.pending() == []

    back = await start_emulator(EmulatorSettings(db_path=db), port=port, shutdown_timeout=0.5)
    try:
        assert await emulator.meetings_of(USER_AAD) == []
        await faulty.say("meet now Down")
        await faulty.settled()
        assert len(await emulator.meetings_of(USER_AAD)) == 1
        await listed_and_cancelled(faulty, "Down")
    finally:
        await back.close()
