"""Evolvable enums in online meetings, as Microsoft's Graph API guidelines define them.

microsoft/api-guidelines, graph/patterns/evolvable-enums.md: members after the sentinel
`unknownFutureValue` (lobbyBypassScope's `invited` and `organizationExcludingGuests`,
onlineMeetingRole's `producer` and `coorganizer`) are answered as `unknownFutureValue` unless
the client sends `Prefer: include-unknown-enum-members` (then `Preference-Applied` says so); a
request that sends one without that header is a 400; `unknownFutureValue` itself is a 400 in
a POST and, in a PATCH, "the property [is treated] as if it were absent". The
lobbyBypassSettings page names the opt-in for `invited` and `organizationExcludingGuests`.
The enum lists are read from Microsoft's schema, so they cannot drift from it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from aiohttp import web

from graph_emulator.errors import GraphError
from graph_emulator.odata import GraphModel

JSONObject = dict[str, Any]

OPT_IN = "include-unknown-enum-members"
SENTINEL = "unknownFutureValue"
#: onlineMeeting properties (as paths) that hold an evolvable enum, and the enum's type.
_PATHS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("lobbyBypassSettings", "scope"), "microsoft.graph.lobbyBypassScope"),
    (("allowedPresenters",), "microsoft.graph.onlineMeetingPresenters"),
    (("allowMeetingChat",), "microsoft.graph.meetingChatMode"),
    (("allowedLobbyAdmitters",), "microsoft.graph.allowedLobbyAdmitterRoles"),
    (("allowLiveShare",), "microsoft.graph.meetingLiveShareOptions"),
    (("participants", "organizer", "role"), "microsoft.graph.onlineMeetingRole"),
    (("participants", "attendees", "*", "role"), "microsoft.graph.onlineMeetingRole"),
)


def opted_in(request: web.Request) -> bool:
    """Whether any Prefer header carries include-unknown-enum-members."""
    tokens = (
        token.strip().lower()
        for header in request.headers.getall("Prefer", [])
        for token in header.split(",")
    )
    return OPT_IN in tokens


@cache
def later_members(type_name: str) -> frozenset[str]:
    """The members an enum gained after its sentinel."""
    members: list[str] = GraphModel.load().enum_members(type_name)
    if SENTINEL not in members:
        return frozenset()
    return frozenset(members[members.index(SENTINEL) + 1 :])


def check_request(body: JSONObject, *, patch: bool, opted: bool) -> JSONObject:
    """The body as the service takes it, or Graph's 400 for a member the client may not send."""

    def visit(value: Any, type_name: str, where: str) -> Any:
        if value == SENTINEL:
            if not patch:
                raise GraphError.bad_request(
                    f"'{SENTINEL}' is a sentinel, not a value: it can't be sent for '{where}'."
                )
            return _ABSENT
        if value in later_members(type_name) and not opted:
            raise GraphError.bad_request(
                f"The value '{value}' of '{where}' needs the request header 'Prefer: {OPT_IN}'."
            )
        return value

    return _walk(body, visit)


def answer(meeting: JSONObject, *, opted: bool) -> JSONObject:
    """A meeting as a client that did not opt in sees it: later members as the sentinel."""
    if opted:
        return meeting

    def mask(value: Any, type_name: str, where: str) -> Any:
        return SENTINEL if value in later_members(type_name) else value

    return _walk(meeting, mask)


_ABSENT = object()
Visit = Callable[[Any, str, str], Any]


def _walk(document: JSONObject, visit: Visit) -> JSONObject:
    result: JSONObject = _copy(document)
    for path, type_name in _PATHS:
        _apply(result, path, type_name, visit, path[0])
    return result


def _apply(node: Any, path: tuple[str, ...], type_name: str, visit: Visit, where: str) -> None:
    head, rest = path[0], path[1:]
    if head == "*":
        for item in node if isinstance(node, list) else []:
            if rest:
                _apply(item, rest, type_name, visit, where)
        return
    if not isinstance(node, dict) or node.get(head) is None:
        return
    if rest:
        _apply(
            node[head], rest, type_name, visit, f"{where}.{rest[0]}" if rest[0] != "*" else where
        )
        return
    value = visit(node[head], type_name, where)
    if value is _ABSENT:
        del node[head]
    else:
        node[head] = value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
