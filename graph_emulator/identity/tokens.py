"""The token endpoint's grants, answering with Entra's shapes and AADSTS error codes.

client_credentials (secret or certificate assertion), the on-behalf-of jwt-bearer grant Teams
SSO needs, and refresh_token. Nothing here logs or echoes a secret or an assertion.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jwt

from graph_emulator.identity.clients import TokenError, authenticate_client
from graph_emulator.identity.directory import (
    BOT_FRAMEWORK_RESOURCE,
    GRAPH_RESOURCE,
    OIDC_SCOPES,
    AppRegistration,
    IdentitySettings,
)
from graph_emulator.identity.keys import SigningKey

JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
_APP_RESOURCES = (GRAPH_RESOURCE, BOT_FRAMEWORK_RESOURCE)


@dataclass(frozen=True, slots=True)
class _Grant:
    client_id: str
    user: Mapping[str, str]
    scopes: frozenset[str]


class TokenService:
    """Issues tokens signed by the tenant key; `base_url` is the server root (for `iss`)."""

    def __init__(self, settings: IdentitySettings, key: SigningKey, base_url: str) -> None:
        self._settings = settings
        self._key = key
        self._base = base_url
        self._refresh: dict[str, _Grant] = {}
        self._lock = threading.Lock()

    def issuer(self, tenant_id: str) -> str:
        return f"{self._base}/{tenant_id}/v2.0"

    def token(self, tenant: str, form: Mapping[str, str], endpoint: str) -> dict[str, Any]:
        grant = form.get("grant_type", "")
        app = authenticate_client(self._settings, form, endpoint)
        if tenant in ("organizations", "common"):
            tenant = app.tenant_id
        if grant == "client_credentials":
            return self._app_token(app, tenant, form.get("scope", ""))
        if grant == JWT_BEARER and form.get("requested_token_use") == "on_behalf_of":
            return self._on_behalf_of(app, form.get("assertion", ""), form.get("scope", ""))
        if grant == "refresh_token":
            return self._refreshed(app, form.get("refresh_token", ""), form.get("scope", ""))
        raise TokenError(
            400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type."
        )

    def user_token(self, oid: str, tid: str, audience: str, **claims: Any) -> str:
        """An access token for `audience` as Entra gives a client app (e.g. Teams' SSO token)."""
        now = int(time.time())
        lifetime = self._settings.token_lifetime_seconds
        body: dict[str, Any] = {"iss": self.issuer(tid), "aud": audience, "tid": tid}
        body.update(oid=oid, sub=oid)
        body.update(iat=now, nbf=now, exp=now + lifetime, ver="2.0", scp="access_as_user")
        return self._key.sign({**body, **claims})

    # --- grants -----------------------------------------------------------------------------

    def _app_token(self, app: AppRegistration, tenant: str, scope: str) -> dict[str, Any]:
        parts = scope.split()
        resource = parts[0][: -len("/.default")] if len(parts) == 1 else ""
        if not (len(parts) == 1 and parts[0].endswith("/.default")):
            raise TokenError(
                400,
                "invalid_scope",
                1002012,
                f"The provided value for scope {scope} is not valid. Client credential flows "
                "must have a scope value with /.default suffixed to the resource identifier.",
            )
        if resource not in _APP_RESOURCES:
            raise TokenError(
                400,
                "invalid_resource",
                500011,
                f"The resource principal named {resource} was not found in the tenant.",
            )
        now = int(time.time())
        sp = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{app.client_id}/{tenant}"))
        claims: dict[str, Any] = {"iss": self.issuer(tenant), "aud": resource, "tid": tenant}
        claims.update(oid=sp, sub=sp, azp=app.client_id, appid=app.client_id, idtyp="app")
        claims.update(iat=now, nbf=now, exp=now + self._settings.token_lifetime_seconds)
        claims["ver"] = "2.0"
        if resource == GRAPH_RESOURCE and app.app_roles:
            claims["roles"] = sorted(app.app_roles)
        return self._answer(self._key.sign(claims), scope)

    def _on_behalf_of(self, app: AppRegistration, assertion: str, scope: str) -> dict[str, Any]:
        try:
            tid = str(jwt.decode(assertion, options={"verify_signature": False}).get("tid", ""))
            claims = jwt.decode(
                assertion,
                self._key_for(assertion),
                algorithms=["RS256"],
                audience=[app.identifier_uri, app.client_id],
                issuer=self.issuer(tid),
                options={"require": ["exp", "oid", "tid"]},
            )
        except jwt.ExpiredSignatureError:
            raise TokenError(
                400, "invalid_grant", 500133, "Assertion is not within its valid time range."
            ) from None
        except jwt.InvalidAudienceError:
            raise TokenError(
                400,
                "invalid_grant",
                50013,
                "Assertion audience does not match the Client app presenting the assertion.",
            ) from None
        except jwt.PyJWTError:
            raise TokenError(
                400, "invalid_grant", 50013, "Assertion failed signature validation."
            ) from None
        wanted = _delegated(scope)
        if not wanted <= app.delegated_consent:
            raise TokenError(
                400,
                "invalid_grant",
                65001,
                f"The user or administrator has not consented to use the application with ID "
                f"'{app.client_id}' named '{app.name}'. Send an interactive authorization request "
                "for this user and resource.",
                suberror="consent_required",
            )
        user = {k: str(claims.get(k, "")) for k in ("oid", "tid", "name", "preferred_username")}
        return self._user_tokens(app, _Grant(app.client_id, user, wanted), scope)

    def _refreshed(self, app: AppRegistration, token: str, scope: str) -> dict[str, Any]:
        with self._lock:
            grant = self._refresh.pop(token, None)
        if grant is None or grant.client_id != app.client_id:
            raise TokenError(
                400,
                "invalid_grant",
                9002313,
                "Invalid request. Request is malformed or invalid (unknown refresh token).",
            )
        wanted = _delegated(scope) or grant.scopes
        if not wanted <= grant.scopes:
            raise TokenError(
                400,
                "invalid_grant",
                65001,
                "The user has not consented to the added scopes.",
                suberror="consent_required",
            )
        return self._user_tokens(app, grant, scope)

    def _user_tokens(self, app: AppRegistration, grant: _Grant, scope: str) -> dict[str, Any]:
        now = int(time.time())
        lifetime = self._settings.token_lifetime_seconds
        oid, tid = grant.user["oid"], grant.user["tid"]
        person = {k: v for k, v in grant.user.items() if v and k in ("name", "preferred_username")}
        common: dict[str, Any] = {"iss": self.issuer(tid), "tid": tid, "oid": oid, "sub": oid}
        common.update(person)
        common.update(iat=now, nbf=now, exp=now + lifetime, ver="2.0")
        access = self._key.sign(
            {
                **common,
                "aud": GRAPH_RESOURCE,
                "azp": app.client_id,
                "appid": app.client_id,
                "scp": " ".join(sorted(grant.scopes)),
            }
        )
        refresh = secrets.token_urlsafe(32)
        with self._lock:
            self._refresh[refresh] = grant
        answer = self._answer(
            access, " ".join(f"{GRAPH_RESOURCE}/{s}" for s in sorted(grant.scopes))
        )
        info = json.dumps({"uid": oid, "utid": tid}).encode()
        answer.update(
            refresh_token=refresh,
            id_token=self._key.sign({**common, "aud": app.client_id}),
            client_info=base64.urlsafe_b64encode(info).decode().rstrip("="),
        )
        return answer

    def _answer(self, access_token: str, scope: str) -> dict[str, Any]:
        lifetime = self._settings.token_lifetime_seconds
        return {
            "token_type": "Bearer",
            "scope": scope,
            "expires_in": lifetime,
            "ext_expires_in": lifetime,
            "access_token": access_token,
        }

    def _key_for(self, token: str) -> Any:
        """The tenant key when the token names it; anything else fails signature checks."""
        if jwt.get_unverified_header(token).get("kid") != self._key.kid:
            raise jwt.InvalidSignatureError("unknown signing key")
        return self._key.public_key


def _delegated(scope: str) -> frozenset[str]:
    """Graph scope names from `https://graph.microsoft.com/X` entries, OIDC scopes dropped."""
    names = set()
    for item in scope.split():
        if item in OIDC_SCOPES:
            continue
        names.add(
            item[len(GRAPH_RESOURCE) + 1 :] if item.startswith(GRAPH_RESOURCE + "/") else item
        )
    return frozenset(names)
