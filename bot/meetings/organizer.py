"""The requester as organizer: their Graph path, their name on a meeting (never an id), and
what the bot keeps of their meetings. Every other meetings module acts through this one."""

from __future__ import annotations

import logging
from dataclasses import replace
from urllib.parse import quote

from bot.config import GraphAuthMode
from bot.graph.errors import GraphBadRequest, GraphForbidden, GraphNotFound
from bot.meetings.graph_api import GraphApi
from bot.meetings.graph_docs import looks_like_id
from bot.meetings.ledger import LedgerRows, MeetingNotSaved
from bot.meetings.model import Meeting, Person, Requester
from bot.meetings.store import to_record
from bot.storage import StorageError

log = logging.getLogger(__name__)


class Organizer:
    """Graph and the store, seen from the requester who organizes the meeting."""

    def __init__(self, graph: GraphApi, storage: LedgerRows, auth_mode: GraphAuthMode) -> None:
        self.graph = graph
        self.storage = storage
        self._auth_mode = auth_mode

    def user_path(self, requester: Requester) -> str:
        """`/me` with a delegated token, else `/users/{aadObjectId}` of the sender."""
        if self._auth_mode is GraphAuthMode.DELEGATED:
            return "me"
        return f"users/{quote(requester.user_id, safe='')}"

    async def person(self, user_id: str) -> Person | None:
        """Someone picked in the Teams people picker (an Entra object id), from Graph's user
        directory; None when the directory does not know them or may not be read."""
        try:
            user = await self.graph.get_user(user_id)
        except (GraphNotFound, GraphForbidden, GraphBadRequest) as exc:
            log.info("Directory lookup of a picked person failed: %s", exc)
            return None
        return Person(email=user.address, name=user.display_name) if user.address else None

    async def named(self, requester: Requester, meeting: Meeting) -> Meeting:
        """The organizer (always the requester here) by name, never an id: Graph leaves an
        online meeting's organizer displayName null and may name an event's organizer by id;
        then the activity's sender name, else the directory."""
        if not looks_like_id(meeting.organizer_name):
            return meeting
        name = requester.name
        if not name:
            found = await self.person(requester.user_id)
            name = found.name if found else ""
        return replace(meeting, organizer_name=name)

    async def remember(self, requester: Requester, meeting: Meeting) -> None:
        """Keep what the bot knows of one of the requester's meetings (MeetingNotSaved)."""
        try:
            await self.storage.remember(to_record(requester, meeting))
        except StorageError as error:
            raise MeetingNotSaved(meeting, error) from error
