"""One meeting of a series: read by its id, or the first one (the series' own card)."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.graph.zones import graph_zone
from bot.meetings.graph_api import GraphApi
from bot.meetings.graph_docs import graph_datetime, meeting_from_event
from bot.meetings.model import Meeting


class NoSuchOccurrence(LookupError):
    """The series has no meeting there (cancelled, or the rule changed)."""


async def first_occurrence(
    graph: GraphApi, user: str, organizer_id: str, series: Meeting, tz: ZoneInfo
) -> Meeting:
    """The meeting of a series that starts when the series does."""
    zone = graph_zone(tz)
    docs = await graph.calendar_view(
        user, graph_datetime(series.start), graph_datetime(series.end), zone.key
    )
    found = [d for d in docs if d.get("seriesMasterId") == series.id]
    if not found:
        raise NoSuchOccurrence(series.id)
    return replace(meeting_from_event(found[0], organizer_id), recurrence=series.recurrence)


async def occurrence(
    graph: GraphApi,
    user: str,
    organizer_id: str,
    series: Meeting,
    occurrence_id: str,
    tz: ZoneInfo,
) -> Meeting:
    """One meeting of the requester's own series (`series` from `owned`), read from Graph."""
    doc = await graph.get_event(user, occurrence_id, graph_zone(tz).key)
    found = meeting_from_event(doc, organizer_id)
    return replace(found, series_id=series.id, recurrence=series.recurrence)
