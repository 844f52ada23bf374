"""What the Bot Framework wire costs the bot per reply and per inbound activity, by path.

Run: .venv/bin/python bench/bench_wire.py [--runs 15] [--number 300]

Replies: a schedule reply (the meeting card, addressed as TurnContext addresses it) through a
kept connector client's `reply_to_activity`, on the pooled pipeline whose sender answers at
once with the connector's 200 {"id": ...} — so the figure is the bot's own CPU around the POST:
  msrest       botbuilder's ConnectorClient, msrest's Serializer and pipeline
  passthrough  the same with bot/transport/wire_json.py's PassthroughSerializer
  direct       bot/transport/replies.py: tables (wire_models.py) and no pipeline machinery
Inbound: the Activity botbuilder gets for a Teams message (bot/transport/handler.py's
botbuilder_activity), msrest's Activity.deserialize vs wire_models.read_activity.

The variants take turns within each run (the same machine noise for each); the table shows
the median µs per call over runs and each variant's ratio to msrest from the same runs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from botbuilder.core import TurnContext  # noqa: E402
from botbuilder.schema import Activity, Attachment  # noqa: E402
from botframework.connector.aio import ConnectorClient  # noqa: E402
from botframework.connector.auth import MicrosoftAppCredentials  # noqa: E402
from msrest.universal_http import ClientRequest  # noqa: E402
from multidict import CIMultiDict, CIMultiDictProxy  # noqa: E402

from bot.transport.connector_http import ConnectorResponse, PooledPipeline, SessionSender  # noqa: E402
from bot.transport.handler import BOTBUILDER_READS, botbuilder_activity  # noqa: E402
from bot.transport.replies import direct_replies  # noqa: E402
from bot.transport.wire_json import card_message, passthrough_json  # noqa: E402
from tests.support.activities import message  # noqa: E402
from tests.unit.cards.test_cards import CARDS  # noqa: E402

SERVICE_URL = "https://smba.trafficmanager.net/emea/"
ANSWER = b'{"id":"1:reply-activity-id"}'
Step = Callable[[], Awaitable[Any]]


class AnsweringSender(SessionSender):
    """The pooled sender, with the connector's answer given at once instead of over HTTP."""

    async def _once(
        self,
        http: ClientRequest | None,
        method: str,
        address: str,
        headers: dict[str, str],
        data: bytes | None,
    ) -> ConnectorResponse:
        answer_headers = CIMultiDictProxy(CIMultiDict({"Content-Type": "application/json"}))
        return ConnectorResponse(http, 200, "OK", answer_headers, ANSWER)


def connector_client(variant: str) -> Any:
    made = ConnectorClient(MicrosoftAppCredentials.empty(), base_url=SERVICE_URL)
    made.config.pipeline = PooledPipeline(made.config, AnsweringSender(lambda: None, 100))  # type: ignore[arg-type,return-value]
    if variant != "msrest":
        passthrough_json(made)
    if variant == "direct":
        direct_replies(made)
    return made


def schedule_reply() -> Activity:
    """The meeting card a `schedule` turn replies with, addressed to the incoming message."""
    incoming = Activity().deserialize(message("schedule Budget review", SERVICE_URL))
    reply = card_message(
        Attachment(
            content_type="application/vnd.microsoft.card.adaptive",
            content=CARDS["meeting-event"](),
        )
    )
    reference = TurnContext.get_conversation_reference(incoming)
    return TurnContext.apply_conversation_reference(reply, reference)


def reply_step(variant: str) -> Step:
    client, activity = connector_client(variant), schedule_reply()
    conversation, reply_to = activity.conversation.id, activity.reply_to_id

    async def step() -> Any:
        return await client.conversations.reply_to_activity(conversation, reply_to, activity)

    return step


def inbound_step(variant: str) -> Step:
    doc = message("schedule Budget review tomorrow 3pm", SERVICE_URL, mention_bot=True)
    fields = {key: value for key, value in doc.items() if key in BOTBUILDER_READS}

    async def step() -> Any:
        if variant == "msrest":
            return Activity().deserialize(fields)
        return botbuilder_activity(doc)

    return step


async def per_call(step: Step, number: int) -> float:
    """µs per awaited call, `number` calls in a row."""
    clock = time.perf_counter
    start = clock()
    for _ in range(number):
        await step()
    return (clock() - start) / number * 1e6


async def measure(steps: dict[str, Step], runs: int, number: int) -> dict[str, list[float]]:
    for step in steps.values():  # warm: tables built, caches filled
        await per_call(step, 20)
    samples: dict[str, list[float]] = {name: [] for name in steps}
    order = list(steps)
    for run in range(runs):
        for name in order[run % len(order) :] + order[: run % len(order)]:
            samples[name].append(await per_call(steps[name], number))
    return samples


def table(title: str, samples: dict[str, list[float]]) -> list[str]:
    base = samples["msrest"]
    lines = [title, f"  {'path':12} {'µs/call':>9} {'÷ msrest':>9}"]
    for name, values in samples.items():
        ratio = statistics.median(v / b for v, b in zip(values, base, strict=True))
        lines.append(f"  {name:12} {statistics.median(values):9.1f} {ratio:9.2f}")
    return lines


async def main_async(args: argparse.Namespace) -> None:
    replies = {name: reply_step(name) for name in ("msrest", "passthrough", "direct")}
    inbound = {name: inbound_step(name) for name in ("msrest", "direct")}
    reply_samples = await measure(replies, args.runs, args.number)
    inbound_samples = await measure(inbound, args.runs, args.number)
    python = sys.version.split()[0]
    print(f"bench_wire: {args.runs} runs x {args.number} calls, medians; Python {python}")
    print(
        "\n".join(table("reply_to_activity (schedule's meeting card), stubbed POST", reply_samples))
    )
    print("\n".join(table("inbound Teams message -> botbuilder's Activity", inbound_samples)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--number", type=int, default=300)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
