"""The control API for the user directory and per-tenant switches.

- GET    /_emulator/users                 the users seeded in the tenant
- GET    /_emulator/users/{user_id}       one user (an open directory's implicit one too)
- PUT    /_emulator/users/{user_id}       seed or change a user; any subset of
  displayName, mail, userPrincipalName, givenName, surname, jobTitle, userType
  ("Member"/"Guest"), hasMailbox, hasTeamsLicense, applicationAccessPolicy
  ("granted"/"noPolicy"/"notAuthorized"), createsEventsOffline, rescheduleDropsOnlineMeeting;
  null puts a field back to its default (graph_emulator/user_directory.py)
- DELETE /_emulator/users/{user_id}       forget a seeded user
- GET/PUT /_emulator/tenants/{tenant_id}  `{"directory", "joinLinks", "mailboxConcurrencyLimit",
  "timeZones"}` (any subset; graph_emulator/tenant_settings.py); `default` names the
  emulator's default tenant

User routes act in the emulator's default tenant unless `?tenant=<id>` names another. Seeding
a user's displayName or mail also renames their calendar's owner, as Exchange takes both from
the directory, so events they organize name them the same way.
"""

from __future__ import annotations

from aiohttp import web

from graph_emulator.calendar_docs import update_calendar
from graph_emulator.errors import GraphError
from graph_emulator.state import state_of
from graph_emulator.tenant_settings import tenant_settings, update_tenant_settings
from graph_emulator.user_directory import find_user, forget_user, seed_user, seeded_users
from graph_emulator.wire import read_json_object

_PREFIX = "/_emulator"


def add_directory_control_routes(app: web.Application) -> None:
    app.router.add_get(f"{_PREFIX}/users", list_seeded)
    app.router.add_get(f"{_PREFIX}/users/{{user_id}}", get_seeded)
    app.router.add_put(f"{_PREFIX}/users/{{user_id}}", put_user)
    app.router.add_delete(f"{_PREFIX}/users/{{user_id}}", delete_user)
    app.router.add_get(f"{_PREFIX}/tenants/{{tenant_id}}", get_tenant)
    app.router.add_put(f"{_PREFIX}/tenants/{{tenant_id}}", put_tenant)


async def list_seeded(request: web.Request) -> web.Response:
    users = seeded_users(state_of(request).store, _tenant(request))
    return web.json_response({"value": [user.to_json() for user in users]})


async def get_seeded(request: web.Request) -> web.Response:
    store, tenant_id = state_of(request).store, _tenant(request)
    closed = tenant_settings(store, tenant_id).closed_directory
    user = find_user(store, tenant_id, request.match_info["user_id"], closed=closed)
    if user is None:
        raise GraphError.not_found(
            f"No user '{request.match_info['user_id']}' in tenant {tenant_id}'s closed directory."
        )
    return web.json_response(user.to_json())


async def put_user(request: web.Request) -> web.Response:
    store, tenant_id = state_of(request).store, _tenant(request)
    user_id = request.match_info["user_id"]
    body = await read_json_object(request)
    user = seed_user(store, tenant_id, user_id, body)
    owner = {
        "name": body.get("displayName") and user.display_name,
        "address": body.get("mail") and user.mail,
    }
    changes = {key: value for key, value in owner.items() if value}
    if changes:
        update_calendar(store, tenant_id, user_id, changes)
    return web.json_response(user.to_json())


async def delete_user(request: web.Request) -> web.Response:
    if not forget_user(state_of(request).store, _tenant(request), request.match_info["user_id"]):
        raise GraphError.not_found(f"No seeded user '{request.match_info['user_id']}'.")
    return web.Response(status=204)


async def get_tenant(request: web.Request) -> web.Response:
    store = state_of(request).store
    return web.json_response(tenant_settings(store, _named_tenant(request)).to_json())


async def put_tenant(request: web.Request) -> web.Response:
    store = state_of(request).store
    body = await read_json_object(request)
    return web.json_response(update_tenant_settings(store, _named_tenant(request), body).to_json())


def _tenant(request: web.Request) -> str:
    return request.query.get("tenant") or state_of(request).settings.default_tenant_id


def _named_tenant(request: web.Request) -> str:
    tenant_id = request.match_info["tenant_id"]
    return state_of(request).settings.default_tenant_id if tenant_id == "default" else tenant_id
