"""What /api/messages accepts: a UTF-8 JSON object, shallow enough, shaped like an activity.

An explicit model of the activity fields botbuilder deserialises or the bot reads, with their
JSON types, so a malformed body is a 400 with a short reason instead of an exception (and a 500)
deep inside botbuilder's deserialiser. Pure functions: bytes or a dict in, a reason or None out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

MAX_DEPTH = 32
MAX_LIST = 500
_SURROGATE = re.compile("[\ud800-\udfff]")
_PRINTABLE = re.compile(r"^[\x21-\x7e]{1,2048}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$")

Check = Callable[[Any], str | None]


class BadActivity(ValueError):
    """The body is not an activity the bot can read; the message says why, briefly."""


def _constant(name: str) -> Any:
    raise BadActivity(f"the body uses {name}, which JSON does not allow")


#: One decoder for every body: json.loads builds a new one per call when given an option.
_DECODER = json.JSONDecoder(parse_constant=_constant)


def parse_body(body: bytes) -> dict[str, Any]:
    """The body as a JSON object: strict UTF-8 without a byte order mark, no NaN, bounded."""
    if body.startswith(b"\xef\xbb\xbf"):
        raise BadActivity("the body starts with a byte order mark; send plain UTF-8")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadActivity("the body is not UTF-8") from None
    try:
        doc = _DECODER.decode(text)
    except (ValueError, RecursionError):
        raise BadActivity("the body is not valid JSON") from None
    if not isinstance(doc, dict):
        raise BadActivity("the body must be a JSON object (a Bot Framework activity)")
    if not shape_is_fine(body):
        _check_shape(doc)
    return doc


def shape_is_fine(body: bytes) -> bool:
    """True when the raw body alone shows `_check_shape` cannot fail, so the parsed document
    need not be walked: fewer than MAX_DEPTH brackets cannot nest deeper than MAX_DEPTH, fewer
    than MAX_LIST commas cannot make a longer list, and strict UTF-8 text holds no surrogate,
    so one can only come from a backslash-u escape. Every count errs towards walking."""
    return (
        body.count(b"{") + body.count(b"[") < MAX_DEPTH
        and body.count(b",") < MAX_LIST
        and b"\\u" not in body
    )


def _check_shape(doc: Any) -> None:
    """No deeper than MAX_DEPTH, no list longer than MAX_LIST, no unpaired surrogate."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadActivity(f"the body nests deeper than {MAX_DEPTH} levels")
        if isinstance(node, dict):
            children = list(node.values())
            if any(_SURROGATE.search(key) for key in node):
                raise BadActivity("the body has text that is not valid Unicode")
        elif isinstance(node, list):
            if len(node) > MAX_LIST:
                raise BadActivity(f"the body has a list of more than {MAX_LIST} items")
            children = node
        else:
            if isinstance(node, str) and _SURROGATE.search(node):
                raise BadActivity("the body has text that is not valid Unicode")
            continue
        stack.extend((child, depth + 1) for child in children)


# --- the model --------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a string"


def _ident(value: Any) -> str | None:
    """Ids and URLs go into the connector's request lines: printable ASCII, no spaces."""
    if value is None:
        return None
    if not isinstance(value, str):
        return "must be a string"
    return None if _PRINTABLE.match(value) else "must be printable ASCII without spaces"


def _flag(value: Any) -> str | None:
    return None if value is None or isinstance(value, bool) else "must be true or false"


def _number(value: Any) -> str | None:
    ok = value is None or (isinstance(value, int | float) and not isinstance(value, bool))
    return None if ok else "must be a number"


def _time(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_TIME.match(value):
        return "must be an ISO 8601 date and time"
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00")[:26] if "." in value else value)
    except ValueError:
        return "is not a real date and time"
    return None


def _any(value: Any) -> str | None:
    return None


def _first_problem(
    fields: Mapping[str, Check], order: Mapping[str, int], value: Mapping[str, Any]
) -> str | None:
    """The first of `fields` (in `order`) whose check fails, as "key problem", or None.

    Every check passes a missing (None) value, so only the keys `value` has are checked:
    a few instead of every field of the model."""
    first, found = len(order), None
    for key, item in value.items():
        index = order.get(key, first)
        if index < first and item is not None:
            problem = fields[key](item)
            if problem:
                first, found = index, f"{key} {problem}"
    return found


def _positions(fields: Mapping[str, Check]) -> dict[str, int]:
    return {key: index for index, key in enumerate(fields)}


def _obj(fields: Mapping[str, Check]) -> Check:
    order = _positions(fields)

    def check(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            return "must be an object"
        return _first_problem(fields, order, value)

    return check


def _list(item: Check) -> Check:
    def check(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, list):
            return "must be a list"
        for index, element in enumerate(value):
            if element is None:
                return f"[{index}] must not be null"
            problem = item(element)
            if problem:
                return f"[{index}] {problem}"
        return None

    return check


_ACCOUNT = _obj({"id": _ident, "name": _text, "aadObjectId": _text, "role": _text})
_CONVERSATION = _obj(
    {
        "id": _ident,
        "name": _text,
        "conversationType": _text,
        "tenantId": _text,
        "isGroup": _flag,
        "aadObjectId": _text,
        "role": _text,
    }
)
_REFERENCE = _obj(
    {
        "activityId": _text,
        "user": _ACCOUNT,
        "bot": _ACCOUNT,
        "conversation": _CONVERSATION,
        "channelId": _text,
        "serviceUrl": _text,
        "locale": _text,
    }
)
_CARD_ACTION = _obj({"type": _text, "title": _text, "image": _text, "text": _text})
_ACTIVITY: Mapping[str, Check] = {
    **dict.fromkeys(("type", "id", "serviceUrl", "channelId", "text", "textFormat"), _text),
    **dict.fromkeys(("locale", "localTimezone", "replyToId", "name", "callerId"), _text),
    **dict.fromkeys(("attachmentLayout", "topicName", "summary", "speak", "action"), _text),
    **dict.fromkeys(("inputHint", "label", "valueType", "importance", "deliveryMode"), _text),
    "timestamp": _time,
    "localTimestamp": _time,
    "expiration": _time,
    "historyDisclosed": _flag,
    "from": _ACCOUNT,
    "recipient": _ACCOUNT,
    "conversation": _CONVERSATION,
    "relatesTo": _REFERENCE,
    "membersAdded": _list(_ACCOUNT),
    "membersRemoved": _list(_ACCOUNT),
    "reactionsAdded": _list(_obj({"type": _text})),
    "reactionsRemoved": _list(_obj({"type": _text})),
    "entities": _list(_obj({"type": _text})),
    "attachments": _list(
        _obj({"contentType": _text, "contentUrl": _text, "name": _text, "thumbnailUrl": _text})
    ),
    "suggestedActions": _obj({"to": _list(_text), "actions": _list(_CARD_ACTION)}),
    "textHighlights": _list(_obj({"text": _text, "occurrence": _number})),
    "listenFor": _list(_text),
    "semanticAction": _obj({"id": _text, "state": _text, "entities": _obj({})}),
    "channelData": _obj({"tenant": _obj({"id": _text})}),
    "value": _any,
}
_NEEDS_PARTIES = frozenset({"message", "invoke", "conversationUpdate"})
_ORDER = _positions(_ACTIVITY)


def activity_problem(doc: Mapping[str, Any]) -> str | None:
    """Why `doc` is not an activity the bot can handle, or None."""
    kind = doc.get("type")
    if not isinstance(kind, str) or not kind:
        return "the activity has no type"
    field = _first_problem(_ACTIVITY, _ORDER, doc)
    if field:
        return f"the activity's {field}"
    if kind in _NEEDS_PARTIES:
        for key in ("conversation", "from", "recipient"):
            if not isinstance(doc.get(key), dict):
                return f"the activity's {key!r} must be an object"
    if kind in _NEEDS_PARTIES:  # the bot may answer these: they must say where to
        url = doc.get("serviceUrl")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            return "the activity has no serviceUrl to reply to"
    return None
