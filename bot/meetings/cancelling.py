"""Cancelling once: a double click, a repeated `cancel` or a retry after a lost answer finds the
meeting cancelled already, and that is success, not an error card. Then its calendar copy
goes, the bot's record is marked, and the reminders are told."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.graph.errors import GraphBadRequest, GraphError, GraphNotFound
from bot.meetings import calendar_copy
from bot.meetings.graph_api import GraphApi
from bot.meetings.model import EVENT, Meeting, Requester
from bot.meetings.organizer import Organizer
from bot.meetings.reminders import MeetingHooks
from bot.storage import StorageError

log = logging.getLogger(__name__)


class Cancelling:
    """Cancels the requester's own meetings, once."""

    def __init__(self, organizer: Organizer, reminders: MeetingHooks) -> None:
        self._organizer = organizer
        self._reminders = reminders  # told of each cancel

    async def cancel(
        self, requester: Requester, meeting: Meeting, comment: str = "", *, series: bool = True
    ) -> Meeting:
        """Cancel one of the requester's own meetings (from `owned`, `occurrence` or
        `find_by_name`): for one meeting of a series, that one alone or (`series`) the whole
        series. An event's attendees are notified. Cancelling what is already cancelled
        succeeds."""
        who = requester.name or "The organizer"
        note = comment or f"{who} cancelled this meeting in Microsoft Teams."
        graph, user = self._organizer.graph, self._organizer.user_path(requester)
        if meeting.series_id:  # one meeting of a series: it alone, or its series
            target = replace(meeting, id=meeting.series_id) if series else meeting
            await cancel_once(graph, user, target, note)
            if not series:
                return replace(meeting, cancelled=True)
            meeting = replace(meeting, id=meeting.series_id)
        else:
            await cancel_once(graph, user, meeting, note)
        try:  # and its calendar copy, no one else's (one the user deleted is gone already)
            await calendar_copy.delete_copy(graph, user, meeting)
        except GraphError as error:  # the meeting is cancelled: the card must say so
            log.warning("Cancelled %s but not its calendar copy: %s", meeting.kind, error)
        try:
            await self._organizer.storage.mark_cancelled(
                requester.tenant_id, requester.user_id, meeting.kind, meeting.id
            )
        except StorageError as error:  # Graph's is the truth; the next `cancel` marks it
            log.warning("Cancelled %s but could not mark it: %s", meeting.kind, error)
        await self._reminders.cancelled(requester, meeting)
        return replace(meeting, cancelled=True)


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
