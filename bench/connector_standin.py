"""A Bot Connector stand-in for the load bench, in its own process.

Run: .venv/bin/python bench/connector_standin.py --port P [--delay-ms 100]

Answers the Bot Connector API's send and reply calls like the real connector (a resource id,
after an optional delay, as the real one takes ~100 ms) and records, per conversation, when
the reply arrived on CLOCK_MONOTONIC — the same clock in every process on the machine, so the
bench can time POST /api/messages -> reply at the connector across processes.

Control API (the bench's, not the connector's):
  GET    /_standin/replies  [[conversation, arrival_ns, has_card, has_join_link], ...]
  DELETE /_standin/replies  forget them
  PUT    /_standin/config   {"delay_ms": 100}
  GET    /_standin/health   {"status": "ok", "unexpected": n}
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time
from typing import Any

from aiohttp import web

CARD_MARK = b"application/vnd.microsoft.card.adaptive"
JOIN_MARK = b"meetup-join"  # the emulator's Teams join links


def now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


class StandIn:
    def __init__(self, delay_ms: float) -> None:
        self.delay = delay_ms / 1000
        self.replies: list[tuple[str, int, bool, bool]] = []
        self.unexpected = 0
        self._ids = itertools.count(1)

    async def send(self, request: web.Request) -> web.Response:
        """A reply or a new message: recorded on arrival, answered after the delay.

        The body is read whole, but only scanned for marks (no JSON parse): the stand-in
        should cost the machine as little as it can, the same for every bot.
        """
        body = await request.read()
        self.replies.append(
            (request.match_info["conv"], now_ns(), CARD_MARK in body, JOIN_MARK in body)
        )
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        return web.json_response({"id": f"reply-{next(self._ids)}"})

    async def catch_all(self, request: web.Request) -> web.Response:
        await request.read()
        self.unexpected += 1
        return web.json_response({"error": {"code": "NotInStandIn"}}, status=404)

    async def list_replies(self, _: web.Request) -> web.Response:
        return web.json_response(self.replies)

    async def clear_replies(self, _: web.Request) -> web.Response:
        self.replies.clear()
        return web.Response(status=204)

    async def configure(self, request: web.Request) -> web.Response:
        config: dict[str, Any] = await request.json()
        self.delay = float(config.get("delay_ms", self.delay * 1000)) / 1000
        return web.json_response({"delay_ms": self.delay * 1000})

    async def health(self, _: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "unexpected": self.unexpected})

    def app(self) -> web.Application:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_get("/_standin/replies", self.list_replies)
        app.router.add_delete("/_standin/replies", self.clear_replies)
        app.router.add_put("/_standin/config", self.configure)
        app.router.add_get("/_standin/health", self.health)
        app.router.add_post("/v3/conversations/{conv}/activities/{reply_to}", self.send)
        app.router.add_post("/v3/conversations/{conv}/activities", self.send)
        app.router.add_route("*", "/{tail:.*}", self.catch_all)
        return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay-ms", type=float, default=0.0, help="wait before answering")
    args = parser.parse_args()
    web.run_app(
        StandIn(args.delay_ms).app(), host=args.host, port=args.port, print=None, access_log=None
    )


if __name__ == "__main__":
    main()
