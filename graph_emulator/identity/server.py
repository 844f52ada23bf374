"""The Entra-like identity server, on HTTPS loopback in its own thread.

It serves what msal and botframework-connector fetch: a tenant's OpenID configuration, its
keys and token endpoint, and the Bot Framework channel's OpenID metadata and endorsed keys.
It runs on its own event loop because both libraries make blocking HTTP calls, some of them
from the bot's event loop (botframework-connector's key refresh); a server sharing that loop
could never answer them. `channel_token` and `user_token` mint what the Bot Connector and Teams
would send, signed with the keys this server publishes.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path
from typing import Any

from aiohttp import web

from graph_emulator.identity.clients import TokenError
from graph_emulator.identity.directory import IdentitySettings
from graph_emulator.identity.keys import SigningKey, jwks
from graph_emulator.identity.tls import LoopbackTls, make_loopback_tls
from graph_emulator.identity.tokens import TokenService

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
_BF_METADATA = "/botframework/v1/.well-known/openidconfiguration"
_BF_KEYS = "/botframework/v1/.well-known/keys"
#: Channels the channel key vouches for; botframework-connector checks the activity's channelId.
CHANNEL_ENDORSEMENTS = ("msteams", "webchat", "directline")


class IdentityServer:
    """A started server; `close()` stops it. Safe to call its helpers from any thread."""

    def __init__(self, settings: IdentitySettings, tls: LoopbackTls, host: str) -> None:
        self.settings = settings
        self.tls = tls
        self.host = host
        self.entra_key = SigningKey()
        self.channel_key = SigningKey()
        self.port = 0
        self._log: list[dict[str, Any]] = []
        self._log_lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self.tokens: TokenService

    # --- addresses --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The authority host: AUTHORITY_HOST points here instead of login.microsoftonline.com."""
        return f"https://{self.host}:{self.port}"

    @property
    def ca_path(self) -> Path:
        return self.tls.ca_path

    @property
    def bot_openid_metadata_url(self) -> str:
        return self.base_url + _BF_METADATA

    @property
    def graph_issuer_template(self) -> str:
        """`iss` of this server's Graph tokens, `{tid}` standing for the tenant."""
        return self.base_url + "/{tid}/v2.0"

    def graph_jwks(self) -> dict[str, Any]:
        """The keys a resource server (the Graph emulator) verifies this server's tokens with."""
        return jwks(self.entra_key)

    # --- what the channel and Teams would send ------------------------------------------------

    def channel_token(
        self,
        app_id: str,
        service_url: str,
        *,
        issuer: str = BOT_FRAMEWORK_ISSUER,
        audience: str | None = None,
        lifetime: int = 3600,
        key: SigningKey | None = None,
    ) -> str:
        """The token the Bot Connector attaches to an activity it posts to the bot."""
        now = int(time.time())
        claims = {
            "iss": issuer,
            "aud": audience if audience is not None else app_id,
            "serviceurl": service_url,
            "nbf": now - 60,
            "iat": now - 60,
            "exp": now + lifetime,
        }
        signer = key or self.channel_key
        return signer.sign(claims)

    def user_token(self, oid: str, tid: str, audience: str, **claims: Any) -> str:
        """A token Entra issued to Teams for `audience` (the bot's api://botid-… SSO resource)."""
        return self.tokens.user_token(oid, tid, audience, **claims)

    def token_requests(self) -> list[dict[str, Any]]:
        """Token endpoint calls so far: tenant, grant, client, scope, status (never secrets)."""
        with self._log_lock:
            return [dict(entry) for entry in self._log]

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            try:
                self._loop.run_until_complete(self._serve())
            except BaseException as exc:  # reported to the starting thread below
                failure.append(exc)
                ready.set()
                self._loop.close()
                return
            ready.set()
            self._loop.run_forever()
            if self._runner is not None:
                self._loop.run_until_complete(self._runner.cleanup())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="identity-server", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            raise failure[0]

    async def _serve(self) -> None:
        self._runner = web.AppRunner(self._app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0, ssl_context=self.tls.server_context())
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        self.tokens = TokenService(self.settings, self.entra_key, self.base_url)

    def close(self) -> None:
        if self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(30)
        self._thread = None

    # --- routes -----------------------------------------------------------------------------

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", self._oidc)
        app.router.add_get("/{tenant}/discovery/v2.0/keys", self._keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_get("/{tenant}/oauth2/v2.0/authorize", self._authorize)
        app.router.add_get(_BF_METADATA, self._bf_metadata)
        app.router.add_get(_BF_KEYS, self._bf_keys)
        app.router.add_get("/_identity/requests", self._requests)
        return app

    def _tenant(self, request: web.Request) -> str:
        segment = request.match_info["tenant"]
        tenant = self.settings.resolve_tenant(segment)
        if tenant is None:
            error = TokenError(
                400,
                "invalid_tenant",
                90002,
                f"Tenant '{segment}' not found. Check to make sure you have the correct tenant ID "
                "and are signing into the correct cloud.",
            )
            raise web.HTTPBadRequest(text=json.dumps(error.body()), content_type="application/json")
        return tenant

    async def _oidc(self, request: web.Request) -> web.Response:
        tenant = self._tenant(request)
        root = f"{self.base_url}/{request.match_info['tenant']}"
        issuer_tenant = "{tenantid}" if tenant in ("organizations", "common") else tenant
        return web.json_response(
            {
                "issuer": f"{self.base_url}/{issuer_tenant}/v2.0",
                "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
                "token_endpoint": f"{root}/oauth2/v2.0/token",
                "jwks_uri": f"{root}/discovery/v2.0/keys",
                "response_types_supported": ["code", "id_token", "code id_token"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
                "tenant_region_scope": "WW",
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        self._tenant(request)
        return web.json_response(jwks(self.entra_key))

    async def _authorize(self, request: web.Request) -> web.Response:
        self._tenant(request)
        return web.Response(text="Emulated Entra sign-in page: nothing to sign in to here.")

    async def _token(self, request: web.Request) -> web.Response:
        tenant = self._tenant(request)
        form = {key: str(value) for key, value in (await request.post()).items()}
        endpoint = f"{self.base_url}{request.path}"
        entry: dict[str, Any] = {
            "tenant": request.match_info["tenant"],
            "grantType": form.get("grant_type", ""),
            "clientId": form.get("client_id", ""),
            "scope": form.get("scope", ""),
        }
        try:
            body, status = self.tokens.token(tenant, form, endpoint), 200
        except TokenError as error:
            body, status = error.body(), error.status
            entry["error"] = error.error
        entry["status"] = status
        with self._log_lock:
            self._log.append(entry)
        return web.json_response(body, status=status, headers={"Cache-Control": "no-store"})

    async def _bf_metadata(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "issuer": BOT_FRAMEWORK_ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": self.base_url + _BF_KEYS,
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _bf_keys(self, request: web.Request) -> web.Response:
        return web.json_response(jwks(self.channel_key, endorsements=CHANNEL_ENDORSEMENTS))

    async def _requests(self, request: web.Request) -> web.Response:
        return web.json_response(self.token_requests())


def start_identity_server(
    settings: IdentitySettings, folder: Path, host: str = "127.0.0.1"
) -> IdentityServer:
    """Generate TLS material in `folder`, start serving on a free port, return at once."""
    server = IdentityServer(settings, make_loopback_tls(folder, (host, "localhost")), host)
    server.start()
    return server
