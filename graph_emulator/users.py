"""The user directory routes: GET /users/{id | userPrincipalName}, GET /users, GET /me.

Graph answers with a default set of user properties (businessPhones, displayName, givenName,
jobTitle, mail, mobilePhone, officeLocation, preferredLanguage, surname, userPrincipalName, id;
"Get user", v1.0) unless `$select` names others, such as userType. A user that does not exist
is Entra ID's 404 Request_ResourceNotFound ("Resource '...' does not exist or one of its
queried reference-property objects are not present.", microsoft-graph-docs issue #6059).
Listing pages with `$top` (default 100) and an opaque `$skiptoken`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web

from graph_emulator.auth import caller_of
from graph_emulator.errors import GraphError
from graph_emulator.state import state_of
from graph_emulator.tenant_settings import tenant_settings
from graph_emulator.user_directory import USER_PROPERTIES, find_user, seeded_users
from graph_emulator.user_filter import parse_user_filter
from graph_emulator.wire import graph_json, odata_context

JSONObject = dict[str, Any]

#: What Graph sends when the request has no $select.
DEFAULT_PROPERTIES = USER_PROPERTIES[: USER_PROPERTIES.index("id") + 1]
_PAGE = 100
_MAX_PAGE = 999
_UNSUPPORTED = ("$search", "$orderby", "$count", "$expand", "$skip")


def add_user_routes(app: web.Application) -> None:
    app.router.add_get("/v1.0/users", list_users)
    app.router.add_get("/v1.0/users/{user_id}", get_user)
    app.router.add_get("/v1.0/me", get_me)


async def get_user(request: web.Request) -> web.Response:
    return _user_response(request, request.match_info["user_id"])


async def get_me(request: web.Request) -> web.Response:
    caller = caller_of(request)
    if caller.user_id is None:
        raise GraphError.bad_request(
            "/me request is only valid with delegated authentication flow."
        )
    return _user_response(request, caller.user_id)


async def list_users(request: web.Request) -> web.Response:
    """Seeded users only: an open directory's implicit users cannot be enumerated."""
    state = state_of(request)
    tenant_id = caller_of(request).tenant_id
    for option in _UNSUPPORTED:
        if option in request.query:
            raise GraphError(
                501, "NotImplemented", f"The Graph emulator does not implement {option} on /users."
            )
    names = _selected(request)
    documents = [user.graph_properties() for user in seeded_users(state.store, tenant_id)]
    expression = request.query.get("$filter")
    if expression is not None and expression.strip():
        matches = parse_user_filter(expression)
        documents = [document for document in documents if matches(document)]
    chunk, next_link = _page(request, documents)
    segment = f"users({','.join(names)})" if request.query.get("$select") else "users"
    body: JSONObject = {
        "@odata.context": odata_context(request, segment),
        "value": [_project(document, names) for document in chunk],
    }
    if next_link is not None:
        body["@odata.nextLink"] = next_link
    return graph_json(body)


def _user_response(request: web.Request, key: str) -> web.Response:
    state = state_of(request)
    tenant_id = caller_of(request).tenant_id
    closed = tenant_settings(state.store, tenant_id).closed_directory
    user = find_user(state.store, tenant_id, key, closed=closed)
    if user is None:
        raise GraphError.not_found(
            f"Resource '{key}' does not exist or one of its queried reference-property "
            "objects are not present.",
            code="Request_ResourceNotFound",
        )
    names = _selected(request)
    segment = f"users({','.join(names)})" if request.query.get("$select") else "users"
    context = odata_context(request, f"{segment}/$entity")
    return graph_json({"@odata.context": context, **_project(user.graph_properties(), names)})


def _selected(request: web.Request) -> list[str]:
    """The `$select` list in Graph's spelling, or the default property set."""
    raw = request.query.get("$select")
    if raw is None or not raw.strip():
        return list(DEFAULT_PROPERTIES)
    known = {name.lower(): name for name in USER_PROPERTIES}
    names: list[str] = []
    for item in raw.split(","):
        name = item.strip()
        if name.lower() not in known:
            raise GraphError(
                400,
                "Request_BadRequest",
                f"Could not find a property named '{name}' on type 'microsoft.graph.user'.",
            )
        if known[name.lower()] not in names:
            names.append(known[name.lower()])
    return names


def _project(document: JSONObject, names: list[str]) -> JSONObject:
    """Graph always sends the id, in its default place at the end when not selected."""
    shown = {name: document[name] for name in names}
    shown.setdefault("id", document["id"])
    return shown


def _page(request: web.Request, items: list[JSONObject]) -> tuple[list[JSONObject], str | None]:
    top = _whole(request, "$top", _PAGE, 1, _MAX_PAGE)
    start = _whole(request, "$skiptoken", 0, 0, len(items))
    chunk = items[start : start + top]
    if start + top >= len(items):
        return chunk, None
    query = {**request.query, "$skiptoken": str(start + top)}
    encoded = urlencode(query, quote_via=quote, safe="$,/:()'")
    return chunk, f"{request.scheme}://{request.host}{request.rel_url.raw_path}?{encoded}"


def _whole(request: web.Request, option: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(option)
    if raw is None:
        return default
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise GraphError(
            400,
            "Request_BadRequest",
            f"Invalid value '{raw}' for query option {option}: expected a whole number from "
            f"{low} to {high}.",
        )
    return int(text)
