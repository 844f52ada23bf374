"""A seeded, structure-aware generator of malformed and extreme Bot Framework requests.

Each case starts from a valid Teams activity (a message, a card action invoke, an installation)
and breaks it the way real traffic and attackers do: wrong types at any depth, missing and extra
fields, impossible dates, card inputs out of range, hostile ids, odd encodings, deep nesting.
The same seed gives the same cases, so a failure is reproducible from its case number.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from tests.support.activities import invoke, message

JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Case:
    number: int
    what: str
    body: bytes
    content_type: str = JSON_TYPE


ODD_VALUES: tuple[Any, ...] = (
    None,
    0,
    -1,
    2**70,
    1.5,
    True,
    "",
    "x" * 5000,
    [],
    {},
    [5],
    [None],
    [{}],
    ["a", 1],
    {"a": [1, {"b": None}]},
    "not-a-date",
    "2026-13-45T99:99:99Z",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "\u202eevil\u200b",
    "\x00\x01\x1f",
    "<at>x</at>",
    "../../etc/passwd",
)

# Where a value may be replaced: top-level fields and the nested ones the bot or botbuilder read.
PATHS: tuple[tuple[str | int, ...], ...] = (
    ("type",),
    ("id",),
    ("text",),
    ("textFormat",),
    ("timestamp",),
    ("localTimestamp",),
    ("localTimezone",),
    ("locale",),
    ("channelId",),
    ("replyToId",),
    ("name",),
    ("value",),
    ("attachments",),
    ("entities",),
    ("entities", 0),
    ("entities", 0, "type"),
    ("entities", 0, "timezone"),
    ("entities", 0, "mentioned"),
    ("entities", 0, "text"),
    ("membersAdded",),
    ("membersRemoved",),
    ("reactionsAdded",),
    ("from",),
    ("from", "id"),
    ("from", "name"),
    ("from", "aadObjectId"),
    ("from", "role"),
    ("recipient",),
    ("recipient", "id"),
    ("conversation",),
    ("conversation", "id"),
    ("conversation", "conversationType"),
    ("conversation", "tenantId"),
    ("conversation", "isGroup"),
    ("channelData",),
    ("channelData", "tenant"),
    ("channelData", "tenant", "id"),
    ("relatesTo",),
    ("suggestedActions",),
    ("expiration",),
    ("importance",),
    ("deliveryMode",),
    ("listenFor",),
    ("textHighlights",),
    ("semanticAction",),
    ("callerId",),
)

# Card inputs a person (or a forged invoke) can send.
CARD_DATA: tuple[dict[str, Any], ...] = (
    {"action": "form_submit", "subject": "S", "date": "9999-12-31", "time": "23:59"},
    {"action": "form_submit", "subject": "S", "date": "0001-01-01", "time": "00:00"},
    {"action": "form_submit", "subject": "S", "date": "2026-02-30", "time": "25:61"},
    {
        "action": "form_submit",
        "subject": "S",
        "date": "2026-11-30",
        "time": "10:00",
        "duration": "99999999999999999999",
    },
    {"action": "form_submit", "subject": "x" * 100_000, "date": "2026-11-30", "time": "10:00"},
    {
        "action": "form_submit",
        "subject": "S",
        "date": "2026-11-30",
        "time": "10:00",
        "duration": "-30",
        "attendees": "29:a,29:b,,",
    },
    {
        "action": "reschedule",
        "kind": "event",
        "id": "../../x",
        "date": "9999-12-31",
        "time": "23:59",
        "duration": "30",
    },
    {
        "action": "reschedule",
        "kind": "online",
        "id": "%2F..%2F",
        "date": "2026-11-30",
        "time": "10:00",
        "duration": "1e9",
    },
    {"action": "cancel_confirmed", "kind": "event", "id": "A" * 5000},
    {"action": "make_online", "id": "../me/events"},
    {
        "action": "create_standalone",
        "start": "9999-12-31T23:59:59+14:00",
        "end": "0001-01-01T00:00:00-12:00",
    },
    {"action": "create_standalone", "start": 5, "end": None},
    {"action": "run", "text": ["meet", "now"]},
    {"action": "run", "text": "meet now " * 300},
    {"action": ["cancel"]},
    {"action": None},
    {"action": "show", "kind": {"x": 1}, "id": [1]},
)


def _set(doc: Any, path: tuple[str | int, ...], value: Any) -> None:
    """Set `path` in `doc`, creating containers on the way; silently skip impossible paths."""
    node = doc
    for key in path[:-1]:
        if isinstance(key, int):
            if not isinstance(node, list):
                return
            while len(node) <= key:
                node.append({})
            node = node[key]
        else:
            if not isinstance(node, dict):
                return
            if not isinstance(node.get(key), (dict, list)):
                node[key] = {}
            node = node[key]
    last = path[-1]
    if isinstance(last, int) and isinstance(node, list) and node:
        node[min(last, len(node) - 1)] = value
    elif isinstance(last, str) and isinstance(node, dict):
        node[last] = value


def _base(rng: random.Random, service_url: str) -> dict[str, Any]:
    choice = rng.randrange(4)
    if choice == 0:
        return message(rng.choice(["meet now", "my meetings", "help", "schedule"]), service_url)
    if choice == 1:
        return invoke(copy.deepcopy(rng.choice(CARD_DATA)), service_url)
    if choice == 2:
        return message("", service_url, value=copy.deepcopy(rng.choice(CARD_DATA)))
    activity = message("", service_url)
    activity.update(type="conversationUpdate", membersAdded=[activity["recipient"]])
    return activity


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


Mutator = Callable[[random.Random, dict[str, Any]], tuple[str, bytes, str]]


def _replace(rng: random.Random, doc: dict[str, Any]) -> tuple[str, bytes, str]:
    path, value = rng.choice(PATHS), rng.choice(ODD_VALUES)
    _set(doc, path, value)
    return f"{'/'.join(map(str, path))}={str(value)[:30]!r}", json.dumps(doc).encode(), JSON_TYPE


def _delete(rng: random.Random, doc: dict[str, Any]) -> tuple[str, bytes, str]:
    key = rng.choice(sorted(doc))
    doc.pop(key)
    return f"without {key}", json.dumps(doc).encode(), JSON_TYPE


def _encoding(rng: random.Random, doc: dict[str, Any]) -> tuple[str, bytes, str]:
    text = json.dumps(doc)  # ASCII with escapes, so every variant below can be encoded

    def raw(value: str) -> bytes:
        return value.encode("utf-8")

    variants = {
        "utf-8 BOM": b"\xef\xbb\xbf" + raw(text),
        "utf-16": text.encode("utf-16"),
        "latin-1 text": raw(text.replace('"textFormat"', '"caf\u00e9"')).replace(
            b"\xc3\xa9", b"\xe9"
        ),
        "truncated": raw(text)[: max(1, len(text) // 2)],
        "trailing garbage": raw(text) + b"}}",
        "NaN": raw(text.replace('"textFormat": "plain"', '"textFormat": NaN')),
        "lone surrogate": raw(text.replace("}", ', "x": "\\ud800"}', 1)),
        "deep nesting": raw(
            text.replace("}", f', "deep": {_nested(rng.choice([40, 900, 5000]))}}}', 1)
        ),
        "duplicate keys": raw(text.replace("{", '{"type": 5, ', 1)),
    }
    what = rng.choice(sorted(variants))
    return what, variants[what], JSON_TYPE


MUTATORS: tuple[Mutator, ...] = (_replace, _replace, _replace, _replace, _delete, _encoding)


def malformed_requests(seed: int, count: int, service_url: str) -> Iterator[Case]:
    """`count` cases; the n-th case is the same for the same seed."""
    for number in range(count):
        rng = random.Random(f"{seed}:{number}")
        doc = _base(rng, service_url)
        whats: list[str] = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            what, body, content_type = rng.choice(MUTATORS)(rng, doc)
            whats.append(what)
            if content_type != JSON_TYPE or not body.startswith(b"{"):
                break
            try:
                doc = json.loads(body)
            except (ValueError, RecursionError):
                break
            if not isinstance(doc, dict):
                break
        yield Case(number, "; ".join(whats), body, content_type)
