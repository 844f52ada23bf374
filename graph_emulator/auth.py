"""Who is calling, from the bearer token, and may they: the one place token handling lives.

Local mode (no `jwks` in EmulatorSettings) accepts any bearer token; a JWT's claims are read
unverified, only to learn the tenant (`tid`) and, for delegated tokens, the user (`oid`).
With `jwks` set the token must be signed by one of those keys, unexpired, for Graph, from the
configured issuer — else Graph's 401 — and carry the permission the route needs (one table,
PERMISSIONS, from path segment to app roles / delegated scopes) — else Graph's 403. App-only
onlineMeetings calls for users without a Teams application access policy get Graph's 403 too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web

from graph_emulator.config import EmulatorSettings
from graph_emulator.errors import GraphError
from graph_emulator.state import state_of

_WWW_AUTHENTICATE = (
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/'
    'authorize", client_id="00000003-0000-0000-c000-000000000000"'
)
#: `aud` values Entra puts in Graph tokens (v2 resource URI, or Graph's app id in v1 tokens).
GRAPH_AUDIENCES = ("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000")
NO_ACCESS_POLICY = "No application access policy found for this app."
_TARGET = re.compile(r"^/v1\.0/(?:me|users/(?P<user>[^/]+))/(?P<segment>[^/]+)", re.IGNORECASE)
_READS = frozenset({"GET", "HEAD"})
#: Actions that only read, though POSTed: free/busy needs Calendars.Read(Basic), not ReadWrite.
_READ_ACTIONS = ("/getschedule", "/findmeetingtimes")
_DIRECTORY_PATH = re.compile(r"^/v1\.0/(?:users(?:/[^/]+)?|me)/?$", re.IGNORECASE)
#: Any of these lets an app or a user read other users' basic profiles ("List users", v1.0).
_DIRECTORY_READ = frozenset(
    {
        "User.ReadBasic.All",
        "User.Read.All",
        "User.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    }
)
#: Delegated scopes that are enough for GET /me only.
_OWN_PROFILE = frozenset({"User.Read", "User.ReadWrite"})
DIRECTORY_DENIED = (
    "Authorization_RequestDenied",
    "Insufficient privileges to complete the operation.",
)


@dataclass(frozen=True, slots=True)
class Caller:
    """The token's tenant, its signed-in user (None for app-only or opaque tokens), and what
    it was granted: app `roles` or delegated `scopes`."""

    tenant_id: str
    user_id: str | None
    roles: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    #: The client application (`appid` in v1 tokens, `azp` in v2), None for opaque tokens.
    app_id: str | None = None


@dataclass(frozen=True, slots=True)
class Permission:
    """What Graph requires under a `/me|users/{id}/<segment>` path, and how it says no."""

    segments: frozenset[str]
    read_roles: frozenset[str]
    write_roles: frozenset[str]
    read_scopes: frozenset[str]
    write_scopes: frozenset[str]
    denied_code: str
    denied_message: str


PERMISSIONS = (
    # Graph answers a missing onlineMeetings permission with an empty message (as observed in
    # microsoftgraph/microsoft-graph-docs issues #6320 and #6663).
    Permission(
        segments=frozenset({"onlinemeetings"}),
        read_roles=frozenset({"OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All"}),
        write_roles=frozenset({"OnlineMeetings.ReadWrite.All"}),
        read_scopes=frozenset({"OnlineMeetings.Read", "OnlineMeetings.ReadWrite"}),
        write_scopes=frozenset({"OnlineMeetings.ReadWrite"}),
        denied_code="Forbidden",
        denied_message="",
    ),
    # Outlook-backed resources answer with Exchange's ErrorAccessDenied.
    Permission(
        segments=frozenset({"calendar", "calendars", "events", "calendarview"}),
        read_roles=frozenset({"Calendars.ReadBasic.All", "Calendars.Read", "Calendars.ReadWrite"}),
        write_roles=frozenset({"Calendars.ReadWrite"}),
        read_scopes=frozenset({"Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"}),
        write_scopes=frozenset({"Calendars.ReadWrite"}),
        denied_code="ErrorAccessDenied",
        denied_message="Access is denied. Check credentials and try again.",
    ),
)

_CALLER_KEY = web.RequestKey("emulator_caller", Caller)
_RESOLVED_USER_KEY = web.RequestKey("emulator_resolved_user", str)


def caller_from_request(request: web.Request) -> Caller:
    """Authenticate (and, with keys configured, authorize) a Graph request."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if not header.strip() or (scheme.lower() == "bearer" and not token):
        raise _unauthorized("Access token is empty.")
    if scheme.lower() != "bearer":
        raise _unauthorized("Access token validation failure. Expected a Bearer token.")
    settings = state_of(request).settings
    verified = settings.jwks is not None
    claims = _verified_claims(token, settings) if verified else _unverified_claims(token)
    caller = _caller(claims, settings)
    if verified:
        _authorize(request, caller)
    _check_access_policy(request, caller, settings)
    return caller


def remember_caller(request: web.Request, caller: Caller) -> None:
    request[_CALLER_KEY] = caller


def caller_of(request: web.Request) -> Caller:
    """The caller the middleware authenticated (or authenticate now, for direct handler use)."""
    caller = request.get(_CALLER_KEY)
    return caller if caller is not None else caller_from_request(request)


def remember_resolved_user(request: web.Request, user_id: str) -> None:
    """The directory's id for the path's user (a UPN in the path names the same mailbox)."""
    request[_RESOLVED_USER_KEY] = user_id


def target_user(request: web.Request) -> tuple[str, str]:
    """(tenant, user) a `/me/...` or `/users/{user_id}/...` route acts for."""
    caller = caller_of(request)
    user_id = request.get(_RESOLVED_USER_KEY) or request.match_info.get("user_id")
    if user_id is not None:
        return caller.tenant_id, user_id
    if caller.user_id is None:
        raise GraphError.bad_request(
            "/me request is only valid with delegated authentication flow."
        )
    return caller.tenant_id, caller.user_id


def _caller(claims: dict[str, Any], settings: EmulatorSettings) -> Caller:
    tenant_id = claims.get("tid")
    if not isinstance(tenant_id, str) or not tenant_id:
        tenant_id = settings.default_tenant_id
    user_id = claims.get("oid")
    if not isinstance(user_id, str) or not user_id or _is_app_only(claims):
        user_id = None
    roles = claims.get("roles")
    scopes = claims.get("scp")
    app_id = claims.get("appid") or claims.get("azp")
    return Caller(
        tenant_id=tenant_id,
        user_id=user_id,
        roles=frozenset(r for r in roles if isinstance(r, str))
        if isinstance(roles, list)
        else frozenset(),
        scopes=frozenset(scopes.split()) if isinstance(scopes, str) else frozenset(),
        app_id=app_id if isinstance(app_id, str) and app_id else None,
    )


def _authorize(request: web.Request, caller: Caller) -> None:
    """Graph's 403 when the token lacks the permission the route's table entry names."""
    if _DIRECTORY_PATH.match(request.path):
        _authorize_directory(request, caller)
        return
    permission, _ = _route_permission(request)
    if permission is None:
        return
    read = request.method.upper() in _READS or request.path.lower().endswith(_READ_ACTIONS)
    if caller.user_id is None:
        needed = permission.read_roles if read else permission.write_roles
        granted = caller.roles
    else:
        needed = permission.read_scopes if read else permission.write_scopes
        granted = caller.scopes
    if not needed & granted:
        raise GraphError(403, permission.denied_code, permission.denied_message)


def _authorize_directory(request: web.Request, caller: Caller) -> None:
    granted = caller.roles if caller.user_id is None else caller.scopes
    enough = _DIRECTORY_READ
    if caller.user_id is not None and request.path.rstrip("/").lower() == "/v1.0/me":
        enough = enough | _OWN_PROFILE
    if not enough & granted:
        raise GraphError(403, *DIRECTORY_DENIED)


def _check_access_policy(request: web.Request, caller: Caller, settings: EmulatorSettings) -> None:
    """Teams refuses app-only meeting calls for users no access policy was granted to."""
    if caller.user_id is not None or not settings.users_without_access_policy:
        return
    permission, user = _route_permission(request)
    if permission is PERMISSIONS[0] and user in settings.users_without_access_policy:
        raise GraphError(403, "General", NO_ACCESS_POLICY)


def _route_permission(request: web.Request) -> tuple[Permission | None, str | None]:
    match = _TARGET.match(request.path)
    if match is None:
        return None, None
    segment = match.group("segment").lower()
    permission = next((p for p in PERMISSIONS if segment in p.segments), None)
    return permission, match.group("user")


def _verified_claims(token: str, settings: EmulatorSettings) -> dict[str, Any]:
    """Claims of a token signed by a configured key, for Graph, unexpired, from the issuer."""
    if token.count(".") != 2:
        raise _unauthorized("CompactToken parsing failed with error code: 80049217")
    try:
        kid = jwt.get_unverified_header(token).get("kid")
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise _unauthorized("Access token validation failure. Invalid token.") from None
    keys = (settings.jwks or {}).get("keys") or []
    jwk = next((k for k in keys if isinstance(k, dict) and k.get("kid") == kid), None)
    if jwk is None:
        raise _unauthorized("Access token validation failure. Invalid signature.")
    issuer = settings.token_issuer.format(tid=str(unverified.get("tid", "")))
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            jwt.PyJWK(jwk).key,
            algorithms=["RS256"],
            audience=list(GRAPH_AUDIENCES),
            issuer=issuer,
            options={"require": ["exp", "iss", "aud", "tid"]},
        )
    except (jwt.ExpiredSignatureError, jwt.ImmatureSignatureError):
        raise _unauthorized("Access token has expired or is not yet valid.") from None
    except jwt.InvalidAudienceError:
        raise _unauthorized("Access token validation failure. Invalid audience.") from None
    except jwt.InvalidIssuerError:
        raise _unauthorized("Access token validation failure. Invalid issuer.") from None
    except jwt.PyJWTError:
        raise _unauthorized("Access token validation failure.") from None
    return claims


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
