"""What both floors do for a message, identically: one Graph call, then a small Adaptive Card.

`meet now` is one POST onlineMeetings/createOrGet; `schedule <subject> tomorrow 3pm` is one
POST events with a Teams link. No parsing beyond that, no storage, no retries: the floor is
the least a Bot Framework bot can do for these commands, so project / floor is the project's
own overhead on top of its library.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
STATIC_TOKEN = "bench-floor-token"  # the emulator accepts any bearer token
SCHEDULE_TAIL = " tomorrow 3pm"


def graph_client() -> httpx.AsyncClient:
    """One pooled client per process, as the project keeps one."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(10.0, connect=5.0),
        headers={"Accept": "application/json", "Authorization": f"Bearer {STATIC_TOKEN}"},
    )


def _key(conversation_id: str, activity_id: str) -> str:
    text = f"{conversation_id}\n{activity_id}"
    return f"floor-{hashlib.sha256(text.encode()).hexdigest()[:40]}"


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


async def meet_now(
    http: httpx.AsyncClient, graph: str, user: str, key: str
) -> tuple[str, datetime, str]:
    start = datetime.now(UTC)
    body = {
        "externalId": key,
        "subject": "Teams meeting",
        "startDateTime": _utc(start),
        "endDateTime": _utc(start + timedelta(minutes=30)),
    }
    response = await http.post(f"{graph}/users/{user}/onlineMeetings/createOrGet", json=body)
    response.raise_for_status()
    return "Teams meeting", start, str(response.json().get("joinWebUrl") or "")


async def schedule(
    http: httpx.AsyncClient, graph: str, user: str, key: str, subject: str, tz: ZoneInfo
) -> tuple[str, datetime, str]:
    tomorrow = datetime.now(tz) + timedelta(days=1)
    start = tomorrow.replace(hour=15, minute=0, second=0, microsecond=0)
    end = start + timedelta(minutes=30)
    fmt = "%Y-%m-%dT%H:%M:%S"
    event = {
        "subject": subject,
        "start": {"dateTime": start.strftime(fmt), "timeZone": tz.key},
        "end": {"dateTime": end.strftime(fmt), "timeZone": tz.key},
        "attendees": [],
        "isOnlineMeeting": True,
        "onlineMeetingProvider": "teamsForBusiness",
        "transactionId": key,
    }
    response = await http.post(
        f"{graph}/users/{user}/events",
        json=event,
        headers={"Prefer": f'outlook.timezone="{tz.key}"'},
    )
    response.raise_for_status()
    online = response.json().get("onlineMeeting") or {}
    return subject, start, str(online.get("joinUrl") or "")


def card(subject: str, start: datetime, join_url: str) -> dict[str, Any]:
    """A small Adaptive Card: title, time, join button."""
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": [
            {"type": "TextBlock", "text": subject, "weight": "Bolder", "size": "Medium"},
            {"type": "TextBlock", "text": start.strftime("%a %d %b %H:%M"), "isSubtle": True},
        ],
        "actions": [{"type": "Action.OpenUrl", "title": "Join", "url": join_url}],
    }


async def answer(
    http: httpx.AsyncClient,
    graph: str,
    *,
    text: str,
    user: str,
    conversation_id: str,
    activity_id: str,
    timezone: str | None,
) -> dict[str, Any]:
    """The card for one message; Graph failures become a card without a join link."""
    key = _key(conversation_id, activity_id)
    words = " ".join(text.split())
    try:
        if words.lower().startswith("schedule ") and words.lower().endswith(SCHEDULE_TAIL):
            subject = words[len("schedule ") : -len(SCHEDULE_TAIL)].strip() or "Meeting"
            tz = ZoneInfo(timezone or "UTC")
            return card(*await schedule(http, graph, user, key, subject, tz))
        if words.lower() == "meet now":
            return card(*await meet_now(http, graph, user, key))
    except httpx.HTTPError as exc:
        return card(f"Graph failed: {type(exc).__name__}", datetime.now(UTC), "")
    return card("Try: meet now", datetime.now(UTC), "")
