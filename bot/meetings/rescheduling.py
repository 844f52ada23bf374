"""Moving one of the requester's own meetings: only its start and end change (a PATCH with a
body would issue a new join link), its calendar copy moves with it, its reminders follow."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.graph.zones import graph_zone
from bot.meetings import calendar_copy
from bot.meetings.event_links import ENGLISH, EventLinks, JoinWords
from bot.meetings.graph_docs import (
    date_time_time_zone,
    graph_datetime,
    meeting_from_event,
    meeting_from_online,
)
from bot.meetings.model import EVENT, Meeting, Requester
from bot.meetings.organizer import Organizer
from bot.meetings.reminders import MeetingHooks


class Rescheduling:
    """Moves the requester's meetings, keeping their join links."""

    def __init__(self, organizer: Organizer, links: EventLinks, reminders: MeetingHooks) -> None:
        self._organizer = organizer
        self._links = links
        self._reminders = reminders  # told of each move

    async def reschedule(
        self,
        requester: Requester,
        meeting: Meeting,
        start: datetime,
        end: datetime,
        tz: ZoneInfo,
        words: JoinWords = ENGLISH,
    ) -> Meeting:
        """Move one of the requester's own meetings (from `owned` or `find_by_name`).

        Only start/end change: a PATCH with a body would issue a new join link. A link the move
        lost and that comes back as a standalone one is said in `words`."""
        tz = graph_zone(tz)
        organizer, graph = self._organizer, self._organizer.graph
        user = organizer.user_path(requester)
        if meeting.kind == EVENT:
            patch = {"start": date_time_time_zone(start, tz), "end": date_time_time_zone(end, tz)}
            doc = await graph.update_event(user, meeting.id, patch, tz.key)
            doc, join_url = await self._links.after_move(user, doc, meeting.join_url, tz, words)
            moved = replace(meeting_from_event(doc, requester.user_id), join_url=join_url)
        else:
            times = {"startDateTime": graph_datetime(start), "endDateTime": graph_datetime(end)}
            moved = meeting_from_online(await graph.update_online_meeting(user, meeting.id, times))
            moved = moved.keeping_details_of(meeting)  # Graph's answer names no copy
            await calendar_copy.move_copy(graph, user, moved, tz)  # it moves with it
        moved = await organizer.named(requester, moved)
        await organizer.remember(requester, moved)
        await self._reminders.moved(requester, moved)
        return moved
