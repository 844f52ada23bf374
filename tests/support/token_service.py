"""A stand-in for the Bot Framework token service, served beside the capture connector.

It answers the calls botbuilder's user-token client makes (GetSignInResource, GetToken with
or without the sign-in's code, SignOut) as the real service does: a code is redeemed once, for
the user and connection it was issued to; then (or without a code) the user's token is the
answer, and a user it has no token for is a 404. A test plays
the user finishing the sign-in page with `sign_in`, which returns the code Teams would then
send in `signin/verifyState`.
"""

from __future__ import annotations

import base64
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

RESOURCE_PROVIDER = "AzureAD-stand-in"


@dataclass
class TokenServiceDouble:
    exchange_uri: str = ""  # the connection's Token Exchange URL (api://botid-{appId})
    refuse: bool = False  # every call answers 400, as for an unknown connection name
    requests: list[dict[str, Any]] = field(default_factory=list)
    _codes: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # code -> user, conn
    _tokens: dict[tuple[str, str], str] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def sign_in(self, user_id: str, token: str, connection: str = "TeamsSSO") -> str:
        """The user finished the sign-in page: the code Teams sends in signin/verifyState."""
        code = f"{next(self._ids):06d}"
        self._codes[code] = (user_id, connection, token)
        return code

    def keep(self, user_id: str, token: str, connection: str = "TeamsSSO") -> None:
        """The service already holds a token for the user (they signed in earlier)."""
        self._tokens[(user_id, connection)] = token

    def calls(self, path: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"] == path]

    def add_routes(self, router: web.UrlDispatcher) -> None:
        router.add_get("/api/botsignin/GetSignInResource", self._sign_in_resource)
        router.add_get("/api/usertoken/GetToken", self._get_token)
        router.add_delete("/api/usertoken/SignOut", self._sign_out)

    def _record(self, request: web.Request) -> web.Response | None:
        self.requests.append(
            {
                "path": request.path,
                "query": dict(request.query),
                "authorization": request.headers.get("Authorization", ""),
            }
        )
        if self.refuse:
            error = {"error": {"code": "BadArgument", "message": "connection not found"}}
            return web.json_response(error, status=400)
        return None

    async def _sign_in_resource(self, request: web.Request) -> web.Response:
        refused = self._record(request)
        if refused is not None:
            return refused
        state = json.loads(base64.b64decode(request.query["state"]))
        self.requests[-1]["state"] = state
        signin = next(self._ids)
        link = f"{request.scheme}://{request.host}/api/oauth/signin?signin={signin}"
        resource = {"id": f"exchange-{signin}", "uri": self.exchange_uri, "providerId": "x"}
        return web.json_response({"signInLink": link, "tokenExchangeResource": resource})

    async def _get_token(self, request: web.Request) -> web.Response:
        refused = self._record(request)
        if refused is not None:
            return refused
        user, connection = request.query["userId"], request.query["connectionName"]
        code = request.query.get("code")
        issued = self._codes.pop(code, None) if code is not None else None
        if issued is not None and issued[:2] == (user, connection):
            self._tokens[(user, connection)] = issued[2]
        token = self._tokens.get((user, connection))
        if token is None:
            return web.json_response({}, status=404)
        return web.json_response(
            {"connectionName": connection, "token": token, "channelId": "msteams"}
        )

    async def _sign_out(self, request: web.Request) -> web.Response:
        refused = self._record(request)
        if refused is not None:
            return refused
        self._tokens.pop((request.query["userId"], request.query["connectionName"]), None)
        return web.json_response({})
