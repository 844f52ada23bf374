"""The Agents SDK floor: the same bot on the Microsoft 365 Agents SDK for aiohttp.

Run: .venv/bin/python bench/floors/agents_floor.py --port P --graph http://127.0.0.1:E/v1.0

botbuilder's successor, a bench-only extra (`pip install -e ".[bench]"`). Without the JWT
middleware every request is anonymous, so the SDK replies with its anonymous token provider,
through its own Bot Connector client, to the activity's serviceUrl. The SDK is imported by
name so that mypy and `make test` do not need the extra.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

import httpx
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.floors.work import CARD_TYPE, answer, graph_client

SDK_PACKAGE = "microsoft-agents-hosting-aiohttp"


def _sdk() -> tuple[Any, Any, Any]:
    """(hosting.core, hosting.aiohttp, activity) modules; ImportError names the package."""
    try:
        core = importlib.import_module("microsoft_agents.hosting.core")
        hosting = importlib.import_module("microsoft_agents.hosting.aiohttp")
        activity = importlib.import_module("microsoft_agents.activity")
    except ImportError as exc:
        raise ImportError(f"{SDK_PACKAGE} is not installed ({exc})") from exc
    return core, hosting, activity


class _NoConnections:
    """Connections for an anonymous agent: the SDK never asks for a token provider."""

    def _refuse(self, *_: Any) -> Any:
        raise RuntimeError("the bench floor has no credentials (anonymous requests only)")

    get_connection = get_default_connection = get_token_provider = _refuse
    get_token_provider_from_activity = get_default_connection_configuration = _refuse


def create_app(graph: str) -> web.Application:
    core, hosting, schema = _sdk()
    graph = graph.rstrip("/")
    http: list[httpx.AsyncClient] = []

    handler_base: Any = core.ActivityHandler

    class FloorAgent(handler_base):  # type: ignore[misc]
        async def on_message_activity(self, turn_context: Any) -> None:
            if not http:
                http.append(graph_client())
            activity = turn_context.activity
            content = await answer(
                http[0],
                graph,
                text=activity.text or "",
                user=activity.from_property.aad_object_id or "",
                conversation_id=activity.conversation.id,
                activity_id=activity.id or "",
                timezone=activity.local_timezone,
            )
            attachment = schema.Attachment(content_type=CARD_TYPE, content=content)
            await turn_context.send_activity(core.MessageFactory.attachment(attachment))

    adapter = hosting.CloudAdapter(connection_manager=_NoConnections())
    agent = FloorAgent()

    async def messages(request: web.Request) -> web.StreamResponse:
        response: web.StreamResponse = await adapter.process(request, agent)
        return response

    async def close(_: web.Application) -> None:
        for client in http:
            await client.aclose()

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.on_cleanup.append(close)
    return app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--graph", required=True, help="Graph base URL, e.g. .../v1.0")
    args = parser.parse_args()
    try:
        app = create_app(args.graph)
    except ImportError as exc:
        print(f"agents floor: {exc}", file=sys.stderr)
        return 3
    web.run_app(app, host=args.host, port=args.port, print=None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
