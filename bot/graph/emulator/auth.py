"""Who is calling, from the bearer token: the one place token handling lives.

Local mode accepts any bearer token. A JWT's claims are read without verifying its signature,
only to learn the tenant (`tid`) and, for delegated tokens, the user (`oid`). Real validation
(issuer, audience, signature against the tenant's keys) will replace the body of
`caller_from_request` without changing its callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jwt
from aiohttp import web

from bot.graph.emulator.errors import GraphError
from bot.graph.emulator.state import state_of

_WWW_AUTHENTICATE = (
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/'
    'authorize", client_id="00000003-0000-0000-c000-000000000000"'
)


@dataclass(frozen=True, slots=True)
class Caller:
    """The token's tenant, and its signed-in user (None for app-only or opaque tokens)."""

    tenant_id: str
    user_id: str | None


_CALLER_KEY = web.RequestKey("emulator_caller", Caller)


def caller_from_request(request: web.Request) -> Caller:
    """Authenticate a Graph request; raises Graph's 401 when there is no bearer token."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if not header.strip() or (scheme.lower() == "bearer" and not token):
        raise _unauthorized("Access token is empty.")
    if scheme.lower() != "bearer":
        raise _unauthorized("Access token validation failure. Expected a Bearer token.")
    claims = _unverified_claims(token)
    tenant_id = claims.get("tid")
    if not isinstance(tenant_id, str) or not tenant_id:
        tenant_id = state_of(request).settings.default_tenant_id
    user_id = claims.get("oid")
    if not isinstance(user_id, str) or not user_id or _is_app_only(claims):
        user_id = None
    return Caller(tenant_id=tenant_id, user_id=user_id)


def remember_caller(request: web.Request, caller: Caller) -> None:
    request[_CALLER_KEY] = caller


def caller_of(request: web.Request) -> Caller:
    """The caller the middleware authenticated (or authenticate now, for direct handler use)."""
    caller = request.get(_CALLER_KEY)
    return caller if caller is not None else caller_from_request(request)


def target_user(request: web.Request) -> tuple[str, str]:
    """(tenant, user) a `/me/...` or `/users/{user_id}/...` route acts for."""
    caller = caller_of(request)
    user_id = request.match_info.get("user_id")
    if user_id is not None:
        return caller.tenant_id, user_id
    if caller.user_id is None:
        raise GraphError.bad_request(
            "/me request is only valid with delegated authentication flow."
        )
    return caller.tenant_id, caller.user_id


def _unverified_claims(token: str) -> dict[str, Any]:
    if token.count(".") != 2:
        return {}
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return {}
    return claims if isinstance(claims, dict) else {}


def _is_app_only(claims: dict[str, Any]) -> bool:
    """Client-credentials tokens carry `roles` but no `scp` (and v2 ones say `idtyp: app`)."""
    if claims.get("idtyp") == "app":
        return True
    return "roles" in claims and "scp" not in claims


def _unauthorized(message: str) -> GraphError:
    return GraphError(
        401, "InvalidAuthenticationToken", message, headers={"WWW-Authenticate": _WWW_AUTHENTICATE}
    )
