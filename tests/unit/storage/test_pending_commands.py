"""A command typed before signing in is kept per user and conversation and claimed exactly once,
across replicas: the second claim (a retried invoke, another replica) sees it already taken."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.storage.records import PendingCommand
from bot.storage.sql_store import SqlStore

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
KEY = ("Tenant-1", "User-1", "conv-1")


def typed(command: str, at: datetime = NOW) -> PendingCommand:
    return PendingCommand(command, f"activity-{command}", at)


async def test_a_saved_command_is_claimed_once_and_its_words_are_not_kept(store: SqlStore) -> None:
    await store.save_pending_command(*KEY, typed("meet now Planning"))

    first = await store.claim_pending_command(*KEY, NOW + timedelta(minutes=1))
    second = await store.claim_pending_command(*KEY, NOW + timedelta(minutes=2))

    assert first is not None
    assert first == typed("meet now Planning")
    assert second is not None
    assert (second.command, second.claimed_at) == ("", NOW + timedelta(minutes=1))


async def test_nothing_saved_is_nothing_claimed_and_keys_are_separate(store: SqlStore) -> None:
    await store.save_pending_command(*KEY, typed("meet now"))

    assert await store.claim_pending_command("tenant-1", "user-1", "conv-2", NOW) is None
    assert await store.claim_pending_command("tenant-1", "user-2", "conv-1", NOW) is None
    claimed = await store.claim_pending_command("TENANT-1", "user-1", "conv-1", NOW)
    assert claimed is not None
    assert claimed.command == "meet now"


async def test_a_newer_command_replaces_the_older_and_is_claimable_again(store: SqlStore) -> None:
    await store.save_pending_command(*KEY, typed("meet now A"))
    await store.claim_pending_command(*KEY, NOW)
    await store.save_pending_command(*KEY, typed("meet now B", NOW + timedelta(minutes=5)))

    claimed = await store.claim_pending_command(*KEY, NOW + timedelta(minutes=6))

    assert claimed is not None
    assert claimed == typed("meet now B", NOW + timedelta(minutes=5))


async def test_concurrent_claims_on_two_replicas_give_the_command_to_one(
    replicas: list[SqlStore],
) -> None:
    await replicas[0].save_pending_command(*KEY, typed("meet now"))

    claims = await asyncio.gather(
        *(replica.claim_pending_command(*KEY, NOW) for replica in replicas for _ in range(4))
    )

    assert sorted(c.command for c in claims if c is not None) == [""] * 7 + ["meet now"]
