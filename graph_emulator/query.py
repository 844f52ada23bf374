"""OData query options ($select, $orderby, $top, $skip) and `Prefer` headers for Outlook routes.

Graph's Outlook resources answer in UTC unless `Prefer: outlook.timezone="..."` names another
zone, page collections ten items at a time unless `$top` says otherwise, and confirm honoured
preferences in a `Preference-Applied` header.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web

from graph_emulator.errors import GraphError
from graph_emulator.timezones import known_zone

JSONObject = dict[str, Any]

DEFAULT_PAGE_SIZE = 10
_PREFERENCE = re.compile(r'([A-Za-z][\w.-]*)\s*=\s*(?:"([^"]*)"|([^,;\s]+))')
_ORDER_TERM = re.compile(r"^\s*([A-Za-z]+(?:/[A-Za-z]+)?)(?:\s+(asc|desc))?\s*$", re.IGNORECASE)
_UNSUPPORTED = ("$filter", "$expand", "$search", "$count")


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the `Prefer` headers asked for that this resource honours."""

    timezone: str = "UTC"
    body_as_text: bool = False
    applied: tuple[str, ...] = ()

    def apply_to(self, response: web.StreamResponse) -> None:
        if self.applied:
            response.headers["Preference-Applied"] = ", ".join(self.applied)


def prefer_values(request: web.Request) -> dict[str, str]:
    """Every `Prefer` preference sent, by lower-case name (`outlook.timezone` -> its value)."""
    found: dict[str, str] = {}
    for header in request.headers.getall("Prefer", []):
        for match in _PREFERENCE.finditer(header):
            found[match.group(1).lower()] = match.group(2) or match.group(3) or ""
    return found


def preferences(request: web.Request) -> Preferences:
    """`outlook.timezone` (a zone Graph knows, else ignored) and `outlook.body-content-type`.

    A tenant with documented time zones refuses an unknown zone before the handler runs
    (graph_emulator/user_gates.py), so here an unknown one can only be ignored.
    """
    found = prefer_values(request)
    timezone, body_as_text, applied = "UTC", False, []
    zone_name = found.get("outlook.timezone", "").strip()
    if zone_name and known_zone(zone_name) is not None:
        timezone = zone_name
        applied.append(f'outlook.timezone="{zone_name}"')
    body_type = found.get("outlook.body-content-type", "").strip().lower()
    if body_type in ("text", "html"):
        body_as_text = body_type == "text"
        applied.append(f'outlook.body-content-type="{body_type}"')
    return Preferences(timezone, body_as_text, tuple(applied))


@cache
def schema_properties(type_name: str) -> dict[str, str]:
    """A Graph type's property names (lower case to canonical), its base types' included."""
    text = resources.files(__package__).joinpath("graph-v1.0.json").read_text("utf-8")
    schemas: dict[str, JSONObject] = json.loads(text)["components"]["schemas"]

    def collect(schema: JSONObject) -> dict[str, str]:
        if "$ref" in schema:
            return collect(schemas[schema["$ref"].rsplit("/", 1)[-1]])
        names: dict[str, str] = {}
        for part in schema.get("allOf", []):
            names.update(collect(part))
        names.update(
            {name.lower(): name for name in schema.get("properties", {}) if "@" not in name}
        )
        return names

    return collect(schemas[type_name])


def selected(request: web.Request, type_name: str) -> list[str] | None:
    """The `$select` list in the type's own spelling, or None when everything is wanted."""
    raw = request.query.get("$select")
    if raw is None or not raw.strip():
        return None
    known = schema_properties(type_name)
    names: list[str] = []
    for item in raw.split(","):
        name = item.strip()
        if name.lower() not in known:
            raise GraphError(
                400,
                "RequestBroker--ParseUri",
                f"Could not find a property named '{name}' on type '{type_name}'.",
            )
        if known[name.lower()] not in names:
            names.append(known[name.lower()])
    return names


def project(document: JSONObject, names: Sequence[str] | None) -> JSONObject:
    """Only the selected properties, plus the id and annotations Graph always sends."""
    if names is None:
        return document
    keep = {"id", *names}
    return {key: value for key, value in document.items() if key in keep or key.startswith("@")}


def context_segment(segment: str, names: Sequence[str] | None) -> str:
    """`events` or `events(subject,start)`, as Graph writes a selection into @odata.context."""
    return f"{segment}({','.join(names)})" if names else segment


def reject_unsupported_options(request: web.Request) -> None:
    for option in _UNSUPPORTED:
        if option in request.query:
            raise GraphError(
                501,
                "NotImplemented",
                f"The Graph emulator does not implement {option} on {request.path}.",
            )


def ordered(request: web.Request, items: list[JSONObject], type_name: str) -> list[JSONObject]:
    """Apply `$orderby` (e.g. `start/dateTime desc`); stored times are UTC, so text sorts."""
    raw = request.query.get("$orderby")
    if raw is None or not raw.strip():
        return items
    known = schema_properties(type_name)
    result = list(items)
    for term in reversed(raw.split(",")):
        match = _ORDER_TERM.match(term)
        if match is None or match.group(1).split("/")[0].lower() not in known:
            raise GraphError.bad_request(f"The $orderby term '{term.strip()}' is not supported.")
        path = match.group(1).split("/")
        path[0] = known[path[0].lower()]
        descending = (match.group(2) or "asc").lower() == "desc"
        result.sort(key=_sort_key(path), reverse=descending)
    return result


def _sort_key(path: list[str]) -> Callable[[JSONObject], tuple[bool, str]]:
    def key(item: JSONObject) -> tuple[bool, str]:
        value: Any = item
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        return (value is not None, "" if value is None else str(value).lower())

    return key


def page(request: web.Request, items: list[JSONObject]) -> tuple[list[JSONObject], str | None]:
    """One page per `$top`/`$skip`, and the absolute `@odata.nextLink` of the next one."""
    top = _whole_number(request, "$top", DEFAULT_PAGE_SIZE, minimum=1)
    skip = _whole_number(request, "$skip", 0, minimum=0)
    chunk = items[skip : skip + top]
    if skip + top >= len(items):
        return chunk, None
    query = {**request.query, "$top": str(top), "$skip": str(skip + top)}
    encoded = urlencode(query, quote_via=quote, safe="$,/:()'")
    return chunk, f"{request.scheme}://{request.host}{request.rel_url.raw_path}?{encoded}"


def _whole_number(request: web.Request, option: str, default: int, *, minimum: int) -> int:
    raw = request.query.get(option)
    if raw is None:
        return default
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or int(text) < minimum:
        raise GraphError.bad_request(
            f"Invalid value '{raw}' for query option {option}: expected an integer of at least "
            f"{minimum}."
        )
    return int(text)
