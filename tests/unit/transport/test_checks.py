"""What /api/messages refuses before botbuilder sees a body, and the reason it gives: the
limits hold at their edges whether or not the body's bytes let the walk of the parsed
document be skipped, and the first bad field in the model's order is the one named."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.transport.checks import (
    MAX_DEPTH,
    MAX_LIST,
    BadActivity,
    activity_problem,
    parse_body,
    shape_is_fine,
)
from tests.support.activities import message

URL = "https://smba.trafficmanager.net/emea/"


def nested(containers: int) -> bytes:
    """An object holding lists `containers` deep in all, a number innermost."""
    inner = containers - 1
    return b'{"a":' + b"[" * inner + b"1" + b"]" * inner + b"}"


def listed(items: int) -> bytes:
    return json.dumps({"a": list(range(items))}).encode()


def refusal(body: bytes) -> str | None:
    try:
        parse_body(body)
    except BadActivity as exc:
        return str(exc)
    return None


DEEP = f"the body nests deeper than {MAX_DEPTH} levels"
LONG = f"the body has a list of more than {MAX_LIST} items"
UNICODE = "the body has text that is not valid Unicode"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (nested(MAX_DEPTH - 1), None),
        (nested(MAX_DEPTH), DEEP),
        (b'{"a":' + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1) + b"}", None),
        (json.dumps({"t": "{[" * 40}).encode(), None),
        (listed(MAX_LIST), None),
        (listed(MAX_LIST + 1), LONG),
        (json.dumps({"a": [[1, 2]] * 300}).encode(), None),
        (b'{"a": "\\ud800"}', UNICODE),
        (b'{"a": ["x", {"b": "\\uDFFF"}]}', UNICODE),
        (b'{"\\udc00": 1}', UNICODE),
        (b'{"a": "\\ud83d\\ude00"}', None),
        (b'{"a": "\\\\ud800"}', None),
        (b'{"a": "\\u00e9"}', None),
    ],
    ids=[
        "deep-but-allowed",
        "one-level-too-deep",
        "empty-innermost",
        "brackets-in-text",
        "longest-list",
        "list-too-long",
        "many-commas-short-lists",
        "lone-high-surrogate",
        "lone-low-surrogate-nested",
        "surrogate-key",
        "surrogate-pair",
        "escaped-backslash",
        "other-escape",
    ],
)
def test_body_shape_limits(body: bytes, reason: str | None) -> None:
    assert refusal(body) == reason


@pytest.mark.parametrize(
    "body",
    [nested(MAX_DEPTH), listed(MAX_LIST + 1), b'{"a": "\\ud800"}'],
    ids=["deep", "long", "surrogate"],
)
def test_a_body_that_may_break_a_limit_is_walked(body: bytes) -> None:
    assert not shape_is_fine(body)


def test_a_plain_teams_message_needs_no_walk() -> None:
    assert shape_is_fine(json.dumps(message("meet now", URL)).encode())


def with_fields(**fields: Any) -> dict[str, Any]:
    doc = message("meet now", URL)
    doc.update(fields)
    return doc


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        (with_fields(), None),
        (with_fields(text=5), "the activity's text must be a string"),
        # Both bad: the one earlier in the model is named, wherever the body has it.
        (
            {"recipient": 1, **with_fields(timestamp="soon")},
            "the activity's timestamp must be an ISO 8601 date and time",
        ),
        (
            {**with_fields(timestamp="soon"), "text": []},
            "the activity's text must be a string",
        ),
        (
            with_fields(**{"from": {"role": 1, "name": 2, "id": "a b"}}),
            "the activity's from id must be printable ASCII without spaces",
        ),
        (
            with_fields(relatesTo={"locale": 1, "user": {"name": 3}}),
            "the activity's relatesTo user name must be a string",
        ),
        (with_fields(text=None, id=None), None),
        (with_fields(unknownField={"x": [1]}), None),
    ],
    ids=[
        "fine",
        "one-bad",
        "order-of-model-not-body",
        "order-of-model-later-in-body",
        "nested-order",
        "deeper-nested-order",
        "nulls-pass",
        "unknown-field",
    ],
)
def test_the_first_bad_field_in_the_model_is_named(
    doc: dict[str, Any], problem: str | None
) -> None:
    assert activity_problem(doc) == problem
