"""An Entra-like identity server for tests and `meeting-bot doctor` on a local set-up.

OpenID configuration, JWKS and a token endpoint (client credentials with a secret or a
certificate, on-behalf-of, refresh) over HTTPS with a per-run CA, plus the Bot Framework
channel's signing side. Tokens it issues are accepted by the Graph emulator when that is given
`graph_jwks()` and `graph_issuer_template`.
"""

from graph_emulator.identity.directory import (
    BOT_FRAMEWORK_RESOURCE,
    GRAPH_APP_ROLES,
    GRAPH_DELEGATED_SCOPES,
    GRAPH_RESOURCE,
    TEAMS_CLIENT_ID,
    AppRegistration,
    IdentitySettings,
)
from graph_emulator.identity.keys import AppCertificate, SigningKey, make_app_certificate
from graph_emulator.identity.server import (
    BOT_FRAMEWORK_ISSUER,
    IdentityServer,
    start_identity_server,
)

__all__ = [
    "BOT_FRAMEWORK_ISSUER",
    "BOT_FRAMEWORK_RESOURCE",
    "GRAPH_APP_ROLES",
    "GRAPH_DELEGATED_SCOPES",
    "GRAPH_RESOURCE",
    "TEAMS_CLIENT_ID",
    "AppCertificate",
    "AppRegistration",
    "IdentityServer",
    "IdentitySettings",
    "SigningKey",
    "make_app_certificate",
    "start_identity_server",
]
