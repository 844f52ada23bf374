"""Events as the calendar holds them, series included: what a window shows, and an event by id.

The store keeps single instances, series masters (with the window of the whole series) and
exceptions; occurrences are computed from their master (graph_emulator/series.py) whenever a
view or an id needs one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph_emulator.event_docs import KIND, cancelled_event, window
from graph_emulator.odata import format_graph_datetime
from graph_emulator.series import (
    CANCELLED,
    EXCEPTIONS,
    find_occurrence,
    occurrences,
    parse_occurrence_id,
)
from graph_emulator.store import Store

JSONObject = dict[str, Any]


def calendar_items(
    store: Store, tenant_id: str, user_id: str, start: datetime, end: datetime
) -> list[JSONObject]:
    """Single instances, occurrences and exceptions overlapping [start, end), not cancelled,
    soonest first (what calendarView lists and free/busy counts)."""
    found: list[JSONObject] = []
    low, high = format_graph_datetime(start), format_graph_datetime(end)
    for event in store.overlapping(KIND, tenant_id, user_id, low, high):
        if event.get("isCancelled"):
            continue
        if event.get("type") == "seriesMaster":
            found.extend(occurrences(event, start, end))
        else:
            found.append(event)
    found.sort(key=lambda event: str(event["start"]["dateTime"]))
    return found


def load_event(
    store: Store, tenant_id: str, user_id: str, event_id: str
) -> tuple[JSONObject | None, JSONObject | None]:
    """(the event, its master when it is a computed occurrence); (None, None) when unknown."""
    stored = store.get(KIND, tenant_id, user_id, event_id)
    if stored is not None:
        return stored, None
    parsed = parse_occurrence_id(event_id)
    if parsed is None:
        return None, None
    master = store.get(KIND, tenant_id, user_id, parsed[0])
    if master is None or master.get("type") != "seriesMaster":
        return None, None
    occurrence = find_occurrence(master, parsed[1])
    return (occurrence, master) if occurrence is not None else (None, None)


def save_exception(
    store: Store, tenant_id: str, user_id: str, master: JSONObject, exception: JSONObject
) -> None:
    """An occurrence changed by a PATCH: stored as an exception, skipped by the expansion."""
    stored = {**exception, "type": "exception"}
    store.insert(KIND, tenant_id, user_id, stored["id"], stored, window=window(stored))
    _note(store, tenant_id, user_id, master, EXCEPTIONS, str(exception["originalStart"]))


def cancel_occurrence(
    store: Store, tenant_id: str, user_id: str, master: JSONObject, occurrence: JSONObject
) -> None:
    """One occurrence cancelled: it leaves the view; the rest of the series stays."""
    _note(store, tenant_id, user_id, master, CANCELLED, str(occurrence["originalStart"]))


def cancel_series(
    store: Store, master: JSONObject, tenant_id: str, user_id: str, comment: str | None, now: Any
) -> None:
    """Cancelling the master cancels its exceptions too: the whole series leaves the view."""
    store.replace(KIND, tenant_id, user_id, master["id"], cancelled_event(master, comment, now))
    for event in store.owned(KIND, tenant_id, user_id):
        if event.get("seriesMasterId") == master["id"] and not event.get("isCancelled"):
            done = {**event, "isCancelled": True}
            store.replace(KIND, tenant_id, user_id, event["id"], done)


def _note(
    store: Store, tenant_id: str, user_id: str, master: JSONObject, key: str, original: str
) -> None:
    fresh = store.get(KIND, tenant_id, user_id, master["id"]) or master
    listed = [*fresh.get(key, ()), original]
    store.replace(KIND, tenant_id, user_id, master["id"], {**fresh, key: sorted(set(listed))})
