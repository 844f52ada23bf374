"""The emulator's SQLite document store: ownership, natural keys and time windows.

The onlineMeetings routes use only part of it; calendar events will use the rest, so the
contract each method keeps is pinned here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_emulator.store import DuplicateResource, Store

T, U, OTHER = "tenant", "alice", "bob"


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store(":memory:")
    yield opened
    opened.close()


def test_a_resource_is_visible_to_its_owner_only(store: Store) -> None:
    store.insert("event", T, U, "e1", {"id": "e1"})
    assert store.get("event", T, U, "e1") == {"id": "e1"}
    assert store.get("event", T, OTHER, "e1") is None
    assert store.get("event", "other-tenant", U, "e1") is None
    assert store.get("onlineMeeting", T, U, "e1") is None


def test_replace_and_delete_respect_the_owner(store: Store) -> None:
    store.insert("event", T, U, "e1", {"id": "e1", "subject": "old"})
    assert not store.replace("event", T, OTHER, "e1", {"id": "e1", "subject": "hijack"})
    assert not store.delete("event", T, OTHER, "e1")
    assert store.replace("event", T, U, "e1", {"id": "e1", "subject": "new"})
    assert store.get("event", T, U, "e1") == {"id": "e1", "subject": "new"}
    assert store.delete("event", T, U, "e1")
    assert store.owned("event", T, U) == []


def test_natural_keys_are_unique_per_owner(store: Store) -> None:
    store.insert("onlineMeeting", T, U, "m1", {"id": "m1"}, natural_key="ext")
    store.insert("onlineMeeting", T, OTHER, "m2", {"id": "m2"}, natural_key="ext")
    with pytest.raises(DuplicateResource):
        store.insert("onlineMeeting", T, U, "m3", {"id": "m3"}, natural_key="ext")
    with pytest.raises(DuplicateResource):
        store.insert("onlineMeeting", T, U, "m1", {"id": "m1"})
    assert store.get_by_key("onlineMeeting", T, OTHER, "ext") == {"id": "m2"}


def test_find_by_a_json_field(store: Store) -> None:
    store.insert("onlineMeeting", T, U, "m1", {"id": "m1", "joinWebUrl": "https://a"})
    store.insert("onlineMeeting", T, U, "m2", {"id": "m2", "joinWebUrl": "https://b"})
    assert store.find("onlineMeeting", T, U, "$.joinWebUrl", "https://b") == [
        {"id": "m2", "joinWebUrl": "https://b"}
    ]
    assert store.find("onlineMeeting", T, OTHER, "$.joinWebUrl", "https://b") == []


def test_overlapping_windows_use_half_open_intervals(store: Store) -> None:
    def add(resource_id: str, start: str, end: str) -> None:
        window = (start, end)
        store.insert("event", T, U, resource_id, {"id": resource_id}, window=window)

    add("before", "2026-11-25T08:00:00.0000000Z", "2026-11-25T09:00:00.0000000Z")
    add("inside", "2026-11-25T09:30:00.0000000Z", "2026-11-25T09:45:00.0000000Z")
    add("across", "2026-11-25T09:50:00.0000000Z", "2026-11-25T11:00:00.0000000Z")
    add("after", "2026-11-25T10:00:00.0000000Z", "2026-11-25T10:30:00.0000000Z")
    found = store.overlapping(
        "event", T, U, "2026-11-25T09:00:00.0000000Z", "2026-11-25T10:00:00.0000000Z"
    )
    assert [doc["id"] for doc in found] == ["inside", "across"]


def test_wipe_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    first = Store(path)
    first.insert("event", T, U, "kept", {"id": "kept"})
    first.close()
    second = Store(path)
    assert second.owned("event", T, U) == [{"id": "kept"}]
    second.wipe()
    assert second.owned("event", T, U) == []
    second.close()
