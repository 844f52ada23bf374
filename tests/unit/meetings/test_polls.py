"""The poll store: votes upserted one row per poll, user and slot; the booking claimed once,
whichever replica (store instance on the same file) asks; everything survives a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.meetings.polls import Member, Poll, SqlitePollStore

JANE = Member("aad-jane", "29:jane", "Jane", "jane@contoso.com")
MEGAN = Member("aad-megan", "29:megan", "Megan", "megan@contoso.com")
POLL = Poll(
    poll_id="p1",
    tenant_id="t",
    conversation_id="c",
    creator=JANE,
    subject="Sync",
    minutes=30,
    slots=(("2026-12-01T09:00:00+00:00", "2026-12-01T09:30:00+00:00"),) * 2,
    members=(JANE, MEGAN),
    zone="Europe/Berlin",
)


async def test_votes_are_one_row_per_user_and_slot_and_survive_a_restart(tmp_path: Path) -> None:
    first = SqlitePollStore(tmp_path / "bot.sqlite3")
    assert await first.create_poll(POLL) == POLL
    await first.record_vote("p1", "aad-jane", 0, True)
    await first.record_vote("p1", "aad-jane", 0, True)  # a double tap changes nothing
    await first.record_vote("p1", "aad-megan", 1, True)
    await first.record_vote("p1", "aad-megan", 1, False)  # taken back
    await first.record_vote("p1", "aad-megan", 0, True)
    first.close()

    again = SqlitePollStore(tmp_path / "bot.sqlite3")
    assert await again.poll("p1") == POLL
    assert await again.votes("p1") == {"aad-jane": frozenset({0}), "aad-megan": frozenset({0})}
    assert await again.create_poll(POLL) == POLL  # a redelivered message: the same poll


async def test_the_booking_is_claimed_exactly_once_across_replicas(tmp_path: Path) -> None:
    replicas = [SqlitePollStore(tmp_path / "bot.sqlite3") for _ in range(5)]
    await replicas[0].create_poll(POLL)
    claims = await asyncio.gather(*(r.close_poll("p1", 1) for r in replicas))
    assert sorted(claims) == [False, False, False, False, True]
    booking = await replicas[3].booking("p1")
    assert booking is not None
    assert (booking.slot, booking.meeting) == (1, None)
    await replicas[2].reopen("p1")  # the booking failed: free again
    assert await replicas[4].close_poll("p1", 0) is True
    await replicas[4].set_booked("p1", {"id": "e1"})
    await replicas[1].reopen("p1")  # a booked poll is never reopened
    booked = await replicas[0].booking("p1")
    assert booked is not None
    assert booked.meeting == {"id": "e1"}
