"""Intent before effect: every create is written down (its idempotency key, kind and request)
before Graph is called, and completed once the meeting is recorded, so nothing Graph creates
stays unknown to the bot.

- The intent cannot be written: Graph is not called (the StorageError reaches the user).
- Graph refused, or was never reached: the intent is abandoned (nothing exists).
- A timeout or a 5xx even after the client's retries: the intent stays pending, and the same
  idempotent request settles it the next time its key is used, or when `reconcile` runs.
- Created, but the record could not be written: MeetingNotSaved; the intent stays pending.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from bot.graph.auth import TokenAcquisitionError
from bot.graph.errors import GraphError
from bot.meetings.graph_api import GraphApi
from bot.meetings.graph_docs import meeting_from_event
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.reminders import MeetingHooks
from bot.meetings.store import to_meeting, to_record
from bot.storage import Intent, IntentRows, IntentStatus, MeetingRows, StorageError

log = logging.getLogger(__name__)

JSON = dict[str, Any]
CALENDAR_COPY = "calendar_copy"  # a standalone meeting's calendar event: Graph's, not recorded
Finish = Callable[[JSON], Awaitable[Meeting]]


@dataclass(frozen=True)
class Create:
    """One create as the bot sends it, replayable: its idempotency key is in `body` too (the
    externalId or transactionId). `origin` is the conversation's: where a late result goes."""

    key: str
    kind: str  # ONLINE, EVENT or CALENDAR_COPY
    body: JSON
    tz: str = ""  # an event's Prefer: outlook.timezone
    name: str = ""  # the requester's display name
    origin: JSON = field(default_factory=dict)

    def as_json(self) -> JSON:
        return {"body": self.body, "tz": self.tz, "name": self.name, "origin": self.origin}

    @classmethod
    def of(cls, intent: Intent) -> Create:
        request = intent.request
        return cls(
            key=intent.key,
            kind=intent.kind,
            body=dict(request.get("body") or {}),
            tz=str(request.get("tz") or ""),
            name=str(request.get("name") or ""),
            origin=dict(request.get("origin") or {}),
        )


class MeetingNotSaved(StorageError):
    """Graph has the meeting but the bot could not record it yet: the join link works, and the
    pending intent gets it recorded later."""

    def __init__(self, meeting: Meeting, cause: StorageError) -> None:
        super().__init__(f"{meeting.kind} meeting created but not recorded: {cause}")
        self.meeting = meeting


class LedgerRows(MeetingRows, IntentRows, Protocol):
    """The rows intents need: the intents themselves and the meetings they end in."""


class Ledger:
    def __init__(self, graph: GraphApi, storage: LedgerRows, hooks: MeetingHooks) -> None:
        self._graph = graph
        self._storage = storage
        self._hooks = hooks  # told of each create (the reminders)

    async def create(
        self, requester: Requester, user: str, create: Create, finish: Finish
    ) -> Meeting:
        """The meeting `create` asks for, made at most once; `finish` turns Graph's document
        into the Meeting (e.g. after waiting for an event's join link). The hooks are told
        while the meeting is recorded, so with SQLite the reminder's write shares the
        record's transaction (group commit): one trip to the store where it took three."""
        earlier = await self._begin(requester, create)
        if earlier is not None:
            await self._hooks.created(requester, earlier)
            return earlier
        doc = await self._send(user, create)
        meeting = await finish(doc)
        telling = asyncio.ensure_future(self._hooks.created(requester, meeting))
        try:
            await self._settle(requester, create, meeting, doc)
        finally:
            if not telling.done():  # not left behind, whatever became of the record
                await asyncio.wait([telling])  # (on a done one it only costs loop turns)
        await telling  # what the hooks raised, if anything, once the meeting is recorded
        return meeting

    async def _begin(self, requester: Requester, create: Create) -> Meeting | None:
        """Write the intent. An earlier create under this key that is done and recorded is
        the answer; a pending one (in flight, or left by a fault) is settled by sending the
        same idempotent request again."""
        request = create.as_json()
        tenant, user = requester.tenant_id, requester.user_id
        if await self._storage.record_intent(create.key, create.kind, tenant, user, request):
            return None
        intent = await self._storage.find_intent(create.key)
        if intent is None or intent.status is not IntentStatus.DONE:
            return None
        if create.kind == CALENDAR_COPY:  # not a meeting of the bot's: Graph's answer is kept
            return meeting_from_event(intent.result, user) if intent.result else None
        record = await self._storage.find(tenant, user, create.kind, intent.graph_id)
        return replace(to_meeting(record), created=False) if record else None

    async def _send(self, user: str, create: Create) -> JSON:
        try:
            if create.kind == ONLINE:
                doc, _ = await self._graph.create_or_get_online_meeting(user, create.body)
                return doc
            return await self._graph.create_event(user, create.body, create.tz)
        except GraphError as error:
            if not error.maybe_done:
                await self._abandon(create.key, f"Graph {error.status} {error.code}")
            raise
        except TokenAcquisitionError as error:
            await self._abandon(create.key, f"no Graph token: {type(error).__name__}")
            raise

    async def _settle(
        self, requester: Requester, create: Create, meeting: Meeting, doc: JSON
    ) -> None:
        """The intent done and the meeting recorded. Graph's document (~3 KB) is kept only
        for a calendar copy, which has no record: anything else is read back from its
        record, never from the intent's result."""
        record = to_record(requester, meeting) if create.kind in (ONLINE, EVENT) else None
        result = None if record is not None else doc
        try:  # one transaction: the meeting is recorded and the intent done, or neither
            await self._storage.complete_intent(create.key, meeting.id, result, meeting=record)
        except StorageError as error:
            log.error("Created %s %s but could not record it: %s", create.kind, create.key, error)
            raise MeetingNotSaved(meeting, error) from error

    async def _abandon(self, key: str, why: str) -> None:
        """Known not created: a retry of the same key may record it again."""
        try:
            await self._storage.abandon_intent(key, why)
        except StorageError as error:  # stays pending: reconciled later, still only once
            log.warning("Could not abandon intent %s (%s): %s", key, why, error)
