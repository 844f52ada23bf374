"""Client authentication at the token endpoint: a client secret, or a certificate-signed
client assertion (RFC 7523) as msal sends it, checked against the app's uploaded certificates.
Errors are Entra's OAuth answers, AADSTS code included; nothing echoes a secret."""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from typing import Any

import jwt
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from graph_emulator.identity.directory import AppRegistration, IdentitySettings
from graph_emulator.identity.keys import thumbprints

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


class TokenError(Exception):
    """An OAuth error answer: `error`, `AADSTS<code>: ...` description, HTTP status."""

    def __init__(
        self, status: int, error: str, code: int, message: str, suberror: str = ""
    ) -> None:
        super().__init__(f"{error} AADSTS{code}")
        self.status, self.error, self.code = status, error, code
        self.message, self.suberror = message, suberror

    def body(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "error": self.error,
            "error_description": f"AADSTS{self.code}: {self.message}",
            "error_codes": [self.code],
            "timestamp": time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime()),
            "trace_id": str(uuid.uuid4()),
            "correlation_id": str(uuid.uuid4()),
        }
        if self.suberror:
            doc["suberror"] = self.suberror
        return doc


def authenticate_client(
    settings: IdentitySettings, form: Mapping[str, str], endpoint: str
) -> AppRegistration:
    """The registered app the request authenticates as, by client secret or certificate."""
    client_id = form.get("client_id", "")
    app = settings.app(client_id)
    if app is None:
        raise TokenError(
            400,
            "unauthorized_client",
            700016,
            f"Application with identifier '{client_id}' was not found in the directory. "
            "This can happen if the application has not been installed by the administrator "
            "of the tenant or consented to by any user in the tenant.",
        )
    if "client_secret" in form:
        if form["client_secret"] not in app.secrets:
            raise TokenError(
                401,
                "invalid_client",
                7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request "
                f"is the client secret value, not the client secret ID, for a secret added to "
                f"app '{app.client_id}'.",
            )
        return app
    if form.get("client_assertion_type") == ASSERTION_TYPE:
        _check_assertion(app, form.get("client_assertion", ""), endpoint)
        return app
    raise TokenError(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or "
        "'client_secret'.",
    )


def _check_assertion(app: AppRegistration, assertion: str, endpoint: str) -> None:
    try:
        header = jwt.get_unverified_header(assertion)
    except jwt.PyJWTError:
        raise TokenError(401, "invalid_client", 50027, "Invalid JWT token.") from None
    for pem in app.certificates:
        sha1, sha256 = thumbprints(pem)
        named = {str(header.get(h, "")).rstrip("=") for h in ("x5t", "x5t#S256")}
        if sha1 not in named and sha256 not in named:
            continue
        key = x509.load_pem_x509_certificate(pem.encode()).public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            continue
        try:
            claims = jwt.decode(assertion, key, algorithms=["RS256", "PS256"], audience=endpoint)
        except jwt.PyJWTError:
            break
        if claims.get("iss") == claims.get("sub") == app.client_id:
            return
        break
    raise TokenError(
        401,
        "invalid_client",
        700027,
        "Client assertion failed signature validation, or its certificate is not registered "
        f"on application '{app.client_id}'.",
    )
