"""The botbuilder floor: a minimal CloudAdapter aiohttp bot doing the same single Graph call.

Run: .venv/bin/python bench/floors/botbuilder_floor.py --port P --graph http://127.0.0.1:E/v1.0

No MicrosoftAppId, so like the project without credentials it does not check inbound tokens;
it replies through the activity's serviceUrl (Bot Connector API) with botbuilder 4.17's own
connector client, exactly as a botbuilder sample would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import httpx
from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Attachment

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.floors.work import CARD_TYPE, answer, graph_client


class _NoCredentials:
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class FloorBot(ActivityHandler):  # type: ignore[misc]
    def __init__(self, graph: str) -> None:
        self._graph = graph
        self._http: httpx.AsyncClient | None = None

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        if self._http is None:
            self._http = graph_client()
        activity: Any = turn_context.activity
        content = await answer(
            self._http,
            self._graph,
            text=activity.text or "",
            user=activity.from_property.aad_object_id or "",
            conversation_id=activity.conversation.id,
            activity_id=activity.id or "",
            timezone=activity.local_timezone,
        )
        attachment = Attachment(content_type=CARD_TYPE, content=content)
        await turn_context.send_activity(MessageFactory.attachment(attachment))


def create_app(graph: str) -> web.Application:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(_NoCredentials()))
    bot = FloorBot(graph.rstrip("/"))

    async def messages(request: web.Request) -> web.StreamResponse:
        response = await adapter.process(request, bot)
        return response if response is not None else web.Response(status=201)

    async def close(_: web.Application) -> None:
        await bot.close()

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.on_cleanup.append(close)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--graph", required=True, help="Graph base URL, e.g. .../v1.0")
    args = parser.parse_args()
    web.run_app(create_app(args.graph), host=args.host, port=args.port, print=None)


if __name__ == "__main__":
    main()
