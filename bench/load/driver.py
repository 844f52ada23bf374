"""The load: Teams-shaped messages POSTed to a bot at a fixed concurrency, timed to the reply
reaching the connector stand-in, with the bot's CPU, memory and Graph calls around it."""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bench.load.procs import Child, cpu_seconds, memory_mib, now_ns

TENANT = "11111111-2222-3333-4444-555555555555"
BOT_ID = "28:bot-app-id"
JSON_HEADERS = {"Content-Type": "application/json"}


def user_id(n: int) -> str:
    return str(uuid.UUID(int=0xBE7C4 << 96 | n))


def activity(text: str, service_url: str, conversation_id: str, user: str) -> dict[str, Any]:
    """A personal-chat message as Teams sends it (the shape of tests/support/activities.py)."""
    return {
        "type": "message",
        "id": f"act-{conversation_id}",
        "text": text,
        "textFormat": "plain",
        "timestamp": "2026-11-25T10:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": f"29:{user}", "name": "Bench User", "aadObjectId": user},
        "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": conversation_id},
        "recipient": {"id": BOT_ID, "name": "Meeting Bot"},
        "locale": "en-US",
        "localTimezone": "Europe/Berlin",
        "entities": [
            {
                "type": "clientInfo",
                "locale": "en-US",
                "country": "US",
                "platform": "Web",
                "timezone": "Europe/Berlin",
            }
        ],
        "channelData": {"tenant": {"id": TENANT}},
    }


@dataclass(frozen=True)
class Message:
    conversation: str
    body: bytes


def messages(text: str, service_url: str, tag: str, count: int, users: int) -> list[Message]:
    """`count` messages, each in a conversation of its own, from `users` people in turn."""
    made = []
    for n in range(count):
        conversation = f"{tag}-{n}"
        doc = activity(text, service_url, conversation, user_id(n % max(1, users)))
        made.append(Message(conversation, json.dumps(doc).encode()))
    return made


class Services:
    """The connector stand-in's and the emulator's control APIs."""

    def __init__(self, http: aiohttp.ClientSession, standin: str, emulator_control: str) -> None:
        self.http = http
        self.standin = standin.rstrip("/")
        self.emulator = emulator_control.rstrip("/")

    async def clear(self) -> None:
        async with self.http.delete(f"{self.standin}/_standin/replies") as r:
            r.raise_for_status()
        async with self.http.delete(f"{self.emulator}/_emulator/requests") as r:
            r.raise_for_status()

    async def set_delay(self, delay_ms: float) -> None:
        async with self.http.put(
            f"{self.standin}/_standin/config", json={"delay_ms": delay_ms}
        ) as r:
            r.raise_for_status()

    async def replies(self) -> dict[str, tuple[int, bool, bool]]:
        """conversation -> (arrival ns, has a card, has a join link); the first reply counts."""
        async with self.http.get(f"{self.standin}/_standin/replies") as r:
            rows = await r.json()
        found: dict[str, tuple[int, bool, bool]] = {}
        for conversation, arrived, card, join in rows:
            found.setdefault(conversation, (int(arrived), bool(card), bool(join)))
        return found

    async def wait_replies(
        self, conversations: Sequence[str], seconds: float
    ) -> dict[str, tuple[int, bool, bool]]:
        """Poll until every conversation has its reply, or `seconds` have passed."""
        deadline = asyncio.get_running_loop().time() + seconds
        while True:
            found = await self.replies()
            if all(c in found for c in conversations):
                return found
            if asyncio.get_running_loop().time() > deadline:
                return found
            await asyncio.sleep(0.02)

    async def graph_calls(self) -> list[dict[str, Any]]:
        async with self.http.get(f"{self.emulator}/_emulator/requests") as r:
            r.raise_for_status()
            entries: list[dict[str, Any]] = await r.json()
        return entries


_USER = re.compile(r"/users/[^/]+")
_ID = re.compile(r"/(events|onlineMeetings)/(?!createOrGet\b)[^/]+")


def graph_route(entry: dict[str, Any]) -> str:
    """`POST /v1.0/users/{id}/events`: a logged Graph call without its ids."""
    path = _ID.sub(r"/\1/{id}", _USER.sub("/users/{id}", str(entry.get("path", ""))))
    return f"{entry.get('method', '?')} {path}"


@dataclass
class RunResult:
    sent: int
    answered: int  # replies at the connector carrying a card with a join link
    http_errors: int
    seconds: float  # first POST to last reply at the connector
    latencies_ms: list[float]
    cpu_ms: float  # the bot process's CPU time during the run
    rss_mib: float  # after the run
    peak_mib: float
    graph_routes: Counter[str] = field(default_factory=Counter)

    def __str__(self) -> str:
        return (
            f"{self.replies_per_s:.1f}/s, p50 {self.latency(0.5):.1f} ms, "
            f"p99 {self.latency(0.99):.1f} ms, CPU {self.cpu_ms_per_turn:.2f} ms/turn, "
            f"{self.failed} failed"
        )

    @property
    def failed(self) -> int:
        return self.sent - self.answered

    @property
    def replies_per_s(self) -> float:
        return self.answered / self.seconds if self.seconds > 0 else 0.0

    def latency(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]

    @property
    def cpu_ms_per_turn(self) -> float:
        return self.cpu_ms / self.sent if self.sent else float("nan")

    @property
    def graph_per_turn(self) -> float:
        return sum(self.graph_routes.values()) / self.sent if self.sent else float("nan")


async def _post_all(
    http: aiohttp.ClientSession, url: str, batch: Sequence[Message], concurrency: int
) -> tuple[dict[str, int], int]:
    """Closed loop: `concurrency` workers, each with one message in flight at a time."""
    started: dict[str, int] = {}
    errors = 0
    queue = iter(batch)

    async def worker() -> None:
        nonlocal errors
        for message in queue:
            started[message.conversation] = now_ns()
            try:
                async with http.post(url, data=message.body, headers=JSON_HEADERS) as response:
                    await response.read()
                    errors += response.status >= 300
            except (aiohttp.ClientError, TimeoutError):
                errors += 1

    await asyncio.gather(*(worker() for _ in range(min(concurrency, len(batch)))))
    return started, errors


async def run_load(
    http: aiohttp.ClientSession,
    services: Services,
    bot: Child,
    batch: Sequence[Message],
    concurrency: int,
    *,
    reply_wait: float = 30.0,
) -> RunResult:
    """Send the batch, wait for every reply, and read the bot's CPU, memory and Graph calls."""
    await services.clear()
    url = f"http://127.0.0.1:{bot.port}/api/messages"
    cpu_before = cpu_seconds(bot.pid)
    started, errors = await _post_all(http, url, batch, concurrency)
    conversations = [m.conversation for m in batch]
    replies = await services.wait_replies(conversations, reply_wait)
    cpu_ms = (cpu_seconds(bot.pid) - cpu_before) * 1000
    rss, peak = memory_mib(bot.pid)
    latencies = []
    last = first = min(started.values())
    answered = 0
    for conversation in conversations:
        reply = replies.get(conversation)
        if reply is None:
            continue
        arrived, card, join = reply
        last = max(last, arrived)
        latencies.append((arrived - started[conversation]) / 1e6)
        answered += card and join
    routes = Counter(graph_route(entry) for entry in await services.graph_calls())
    return RunResult(
        sent=len(batch),
        answered=answered,
        http_errors=errors,
        seconds=(last - first) / 1e9,
        latencies_ms=latencies,
        cpu_ms=cpu_ms,
        rss_mib=rss,
        peak_mib=peak,
        graph_routes=routes,
    )


def median(values: Sequence[float]) -> float:
    clean = [v for v in values if v == v]  # drop NaN
    return statistics.median(clean) if clean else float("nan")
