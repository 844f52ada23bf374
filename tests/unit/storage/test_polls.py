"""Poll rows in the bot's store, on each backend: votes upserted one row per poll, user and
slot; the booking claimed once, whichever replica (store on the same database) asks, also when
they all ask at the same moment; everything survives a restart."""

from __future__ import annotations

import asyncio

from bot.storage import Member, Poll
from bot.storage.sql_store import SqlStore
from tests.unit.storage.conftest import Backend

JANE = Member("aad-jane", "29:jane", "Jane", "jane@contoso.com")
MEGAN = Member("aad-megan", "29:megan", "Megan", "megan@contoso.com")
POLL = Poll(
    poll_id="p1",
    tenant_id="t",
    conversation_id="c",
    creator=JANE,
    subject="Sync",
    minutes=30,
    slots=(
        ("2026-12-01T09:00:00+00:00", "2026-12-01T09:30:00+00:00"),
        ("2026-12-01T10:00:00+00:00", "2026-12-01T10:30:00+00:00"),
    ),
    members=(JANE, MEGAN),
    unreadable=("ann@fabrikam.com",),
    zone="Europe/Berlin",
    locale="pt-BR",
)


async def test_votes_are_one_row_per_user_and_slot_and_survive_a_restart(
    backend: Backend,
) -> None:
    first = backend.store()
    await first.open()
    assert await first.create_poll(POLL) == POLL
    await first.record_vote("p1", "aad-megan", 1, True)
    await first.record_vote("p1", "aad-jane", 0, True)
    await first.record_vote("p1", "aad-jane", 0, True)  # a double tap changes nothing
    await first.record_vote("p1", "aad-megan", 1, False)  # taken back
    await first.record_vote("p1", "aad-megan", 0, True)
    await first.aclose()

    again = backend.store()
    await again.open()
    assert await again.poll("p1") == POLL
    assert await again.poll("p2") is None
    votes = await again.votes("p1")
    assert votes == {"aad-jane": frozenset({0}), "aad-megan": frozenset({0})}
    assert list(votes) == ["aad-jane", "aad-megan"]  # in the order they voted
    assert await again.votes("p2") == {}
    assert await again.create_poll(POLL) == POLL  # a redelivered message: the same poll
    rows = backend.sql("SELECT COUNT(*) FROM poll_votes")
    assert int(str(rows[0][0])) == 3
    await again.aclose()


async def test_a_redelivered_poll_keeps_the_first_one(store: SqlStore) -> None:
    """Another replica computing the poll again (other slots by now) gets the first one."""
    await store.create_poll(POLL)
    later = Poll(**{**POLL.__dict__, "slots": POLL.slots[1:], "subject": "Other"})
    assert await store.create_poll(later) == POLL


async def test_the_booking_is_claimed_exactly_once_across_replicas(
    replicas: list[SqlStore],
) -> None:
    one, other = replicas
    await one.create_poll(POLL)
    claims = await asyncio.gather(
        *(replica.close_poll("p1", 1) for replica in replicas for _ in range(10))
    )
    assert sorted(claims) == [False] * 19 + [True]
    booking = await other.booking("p1")
    assert booking is not None
    assert (booking.slot, booking.meeting) == (1, None)

    await one.reopen("p1")  # the booking failed: free again
    assert await other.booking("p1") is None
    assert await other.close_poll("p1", 0) is True
    await other.set_booked("p1", {"id": "e1", "join_url": None})
    await one.reopen("p1")  # a booked poll is never reopened
    assert await one.close_poll("p1", 1) is False
    booked = await one.booking("p1")
    assert booked is not None
    assert (booked.slot, booked.meeting) == (0, {"id": "e1", "join_url": None})


async def test_the_last_votes_on_two_replicas_book_once(replicas: list[SqlStore]) -> None:
    """What the poll verbs do when each replica sees a last vote: record it, read the votes,
    claim. Both see everyone's votes; only one books."""
    await replicas[0].create_poll(POLL)

    async def last_vote(replica: SqlStore, user: str) -> bool:
        await replica.record_vote("p1", user, 0, True)
        votes = await replica.votes("p1")
        return len(votes) == 2 and await replica.close_poll("p1", 0)

    for _ in range(5):
        booked = await asyncio.gather(
            last_vote(replicas[0], "aad-jane"), last_vote(replicas[1], "aad-megan")
        )
        assert booked.count(True) == 1
        await replicas[0].reopen("p1")
        for replica, user in zip(replicas, ("aad-jane", "aad-megan"), strict=True):
            await replica.record_vote("p1", user, 0, False)
