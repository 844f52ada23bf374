"""Cancelling once: a double click, a repeated `cancel` or a retry after a lost answer finds the
meeting cancelled already, and that is success, not an error card."""

from __future__ import annotations

from bot.graph.errors import GraphBadRequest, GraphError, GraphNotFound
from bot.meetings.graph_api import GraphApi
from bot.meetings.model import EVENT, Meeting


async def cancel_once(graph: GraphApi, user: str, meeting: Meeting, note: str) -> None:
    """Cancel the event (attendees are told) or delete the standalone meeting; raise only
    when it failed and Graph does not show it cancelled anyway."""
    try:
        if meeting.kind == EVENT:
            await graph.cancel_event(user, meeting.id, note)
        else:
            await graph.delete_online_meeting(user, meeting.id)
    except GraphError as error:
        if not await _already_cancelled(graph, user, meeting, error):
            raise


async def _already_cancelled(
    graph: GraphApi, user: str, meeting: Meeting, error: GraphError
) -> bool:
    """Asked only when the failure can mean that: not found, refused (Graph's 400 "already
    canceled"), or no answer to a cancel that may have gone through."""
    if isinstance(error, GraphNotFound):
        return True
    if not isinstance(error, GraphBadRequest) and not error.maybe_done:
        return False
    try:
        if meeting.kind == EVENT:
            return bool((await graph.get_event(user, meeting.id, "UTC")).get("isCancelled"))
        await graph.get_online_meeting(user, meeting.id)
    except GraphNotFound:
        return True
    except GraphError:
        return False
    return False
