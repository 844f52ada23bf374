"""User preferences: the deployment's defaults until the user says otherwise."""

from __future__ import annotations

from bot.storage import Preferences
from bot.storage.sql_store import SqlStore


async def test_a_user_without_preferences_gets_the_defaults(store: SqlStore) -> None:
    assert await store.preferences("t", "u") == Preferences()


async def test_preferences_are_saved_per_user_and_replaced(store: SqlStore) -> None:
    mine = Preferences(reminder_minutes=5, agenda_at="08:30", zone="Europe/Lisbon", locale="pt-PT")
    await store.save_preferences("t", "u", mine)
    await store.save_preferences("t", "other", Preferences(reminders_on=False))

    assert await store.preferences("t", "u") == mine
    assert (await store.preferences("t", "other")).reminders_on is False

    quiet = Preferences(reminders_on=False, agenda_at=None)
    await store.save_preferences("t", "u", quiet)
    assert await store.preferences("t", "u") == quiet
