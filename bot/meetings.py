"""The meeting rules: who the organizer is, idempotency keys, defaults. No Bot Framework here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import quote

from bot.config import GraphAuthMode


@dataclass(frozen=True)
class Requester:
    """The person a turn acts for: always the authenticated activity's sender."""

    user_id: str  # Entra object id (from.aadObjectId)
    tenant_id: str
    name: str = ""


@dataclass(frozen=True)
class Meeting:
    """A meeting as the cards show it, whichever Graph resource it came from."""

    id: str
    kind: str  # "online" (standalone onlineMeeting) or "event" (calendar event)
    subject: str
    start: datetime  # aware, UTC
    end: datetime
    join_url: str | None
    organizer_id: str = ""
    created: bool = True  # False when Graph returned an existing meeting (idempotent replay)


class OnlineMeetingsApi(Protocol):
    async def create_or_get_online_meeting(
        self, user: str, body: dict[str, Any]
    ) -> tuple[dict[str, Any], bool]: ...


def idempotency_key(conversation_id: str, activity_id: str) -> str:
    """Same conversation + activity (a redelivery, a second click) gives the same key."""
    digest = hashlib.sha256(f"{conversation_id}\n{activity_id}".encode()).hexdigest()
    return f"meetingbot-{digest[:40]}"


def parse_graph_datetime(value: str) -> datetime:
    """Graph sends up to 7 fractional digits and 'Z'; Python reads at most 6."""
    text = value.strip().replace("Z", "+00:00")
    if "." in text:
        head, _, tail = text.partition(".")
        digits = "".join(ch for ch in tail if ch.isdigit())
        zone = tail[len(digits) :]
        text = f"{head}.{digits[:6].ljust(6, '0')}{zone}"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def graph_datetime(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


def meeting_from_online(doc: dict[str, Any], created: bool = True) -> Meeting:
    organizer = doc.get("participants", {}).get("organizer", {}).get("identity", {}).get("user", {})
    return Meeting(
        id=str(doc["id"]),
        kind="online",
        subject=str(doc.get("subject") or ""),
        start=parse_graph_datetime(str(doc["startDateTime"])),
        end=parse_graph_datetime(str(doc["endDateTime"])),
        join_url=doc.get("joinWebUrl") or None,
        organizer_id=str(organizer.get("id") or ""),
        created=created,
    )


class MeetingService:
    """Creates meetings for a requester through Graph, idempotently."""

    def __init__(self, graph: OnlineMeetingsApi, auth_mode: GraphAuthMode) -> None:
        self._graph = graph
        self._auth_mode = auth_mode

    def user_path(self, requester: Requester) -> str:
        """`/me` with a delegated token, else `/users/{aadObjectId}` of the sender."""
        if self._auth_mode is GraphAuthMode.DELEGATED:
            return "me"
        return f"users/{quote(requester.user_id, safe='')}"

    async def create_online_meeting(
        self,
        requester: Requester,
        subject: str,
        start: datetime,
        end: datetime,
        key: str,
    ) -> Meeting:
        body = {
            "externalId": key,
            "subject": subject,
            "startDateTime": graph_datetime(start),
            "endDateTime": graph_datetime(end),
        }
        doc, created = await self._graph.create_or_get_online_meeting(
            self.user_path(requester), body
        )
        return meeting_from_online(doc, created)
