"""How the bot reaches Entra through msal: one authority host, one TLS trust, one credential.

Graph tokens, Bot Connector tokens, single sign-on exchanges and `doctor` all build their msal
ConfidentialClientApplication here, so AUTHORITY_HOST / AUTHORITY_CA_BUNDLE (a sovereign cloud,
or the test identity server) and the secret-or-certificate choice apply to every one of them.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import msal
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from bot.config import ConfigError, Settings
from bot.graph.auth import TokenAcquisitionError

log = logging.getLogger(__name__)

_MSAL_KNOWN_HOSTS = frozenset(
    {"login.microsoftonline.com", "login.microsoftonline.us", "login.partner.microsoftonline.cn"}
)


class ClientCredential:
    """The app's client secret or certificate, in the form msal takes; never printed."""

    def __init__(
        self,
        secret: str = "",
        private_key_pem: str = "",
        certificate_pem: str = "",
        thumbprint: str = "",
    ) -> None:
        self._secret = secret
        self._private_key_pem = private_key_pem
        self._certificate_pem = certificate_pem
        self._thumbprint = thumbprint

    @classmethod
    def from_settings(cls, settings: Settings) -> ClientCredential:
        """The certificate when MicrosoftAppCertificatePath is set, else the client secret."""
        if settings.identity.app_certificate_path is None:
            return cls(secret=settings.app_password)
        return cls.from_pem_file(
            settings.identity.app_certificate_path, settings.identity.app_certificate_thumbprint
        )

    @classmethod
    def from_pem_file(cls, path: Path, thumbprint: str = "") -> ClientCredential:
        """A PEM file holding the private key and its certificate (`openssl pkcs12 -nodes`)."""
        try:
            pem = path.read_bytes()
            key = serialization.load_pem_private_key(pem, password=None)
            cert = x509.load_pem_x509_certificate(pem)
        except (OSError, ValueError, TypeError) as exc:
            raise ConfigError(
                f"MicrosoftAppCertificatePath={str(path)!r} must be one PEM file with the "
                f"unencrypted private key and its certificate ({type(exc).__name__})"
            ) from None
        key_pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
        sha1 = cert.fingerprint(hashes.SHA1()).hex().upper()
        if thumbprint and thumbprint.upper() != sha1:
            raise ConfigError(
                f"MicrosoftAppCertificateThumbprint={thumbprint} does not match the certificate "
                f"in MicrosoftAppCertificatePath (its SHA-1 thumbprint is {sha1})"
            )
        cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode()
        return cls(private_key_pem=key_pem, certificate_pem=cert_pem, thumbprint=sha1)

    @property
    def present(self) -> bool:
        return bool(self._secret or self._private_key_pem)

    @property
    def kind(self) -> str:
        return "certificate" if self._private_key_pem else "client secret"

    def for_msal(self) -> str | dict[str, str]:
        if self._private_key_pem:
            return {
                "private_key": self._private_key_pem,
                "thumbprint": self._thumbprint,
                "public_certificate": self._certificate_pem,
            }
        return self._secret

    def key_material(self) -> bytes:
        """Secret bytes to derive other keys from (the token cache's, when none is set)."""
        return hashlib.sha256((self._secret or self._private_key_pem).encode()).digest()

    def redact(self, text: str) -> str:
        """`text` with the secret replaced, in case an error message ever echoes it."""
        return text.replace(self._secret, "***") if self._secret else text

    def __repr__(self) -> str:
        return f"ClientCredential({self.kind})"


class _PinnedCaSession(requests.Session):
    """requests lets REQUESTS_CA_BUNDLE override `Session.verify`; a configured CA must win."""

    def __init__(self, ca_bundle: Path) -> None:
        super().__init__()
        self._ca_bundle = str(ca_bundle)
        self.verify = self._ca_bundle

    def merge_environment_settings(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        merged: dict[str, Any] = super().merge_environment_settings(*args, **kwargs)
        merged["verify"] = self._ca_bundle
        return merged


class Entra:
    """msal applications for this bot's app registration, sharing one HTTP session and cache."""

    def __init__(self, settings: Settings) -> None:
        self.app_id = settings.app_id
        self.host = settings.identity.authority_host.rstrip("/")
        self.credential = ClientCredential.from_settings(settings)
        ca = settings.identity.authority_ca_bundle
        self._session: Any = _PinnedCaSession(ca) if ca is not None else requests.Session()
        self._http_cache: dict[str, Any] = {}  # msal keeps OpenID discovery answers here
        # msal asks login.microsoftonline.com to vouch for unknown hosts unless told not to.
        known = urlparse(self.host).hostname in _MSAL_KNOWN_HOSTS
        self._instance_discovery = None if known else False

    def authority(self, tenant: str) -> str:
        return f"{self.host}/{tenant}"

    def confidential_app(self, tenant: str, token_cache: Any = None) -> Any:
        """A ConfidentialClientApplication for `tenant`; blocking (OpenID discovery)."""
        if not self.credential.present:
            raise TokenAcquisitionError(
                "No client credential: set MicrosoftAppPassword or MicrosoftAppCertificatePath",
                "no_credential",
            )
        authority = self.authority(tenant)
        try:
            return msal.ConfidentialClientApplication(
                self.app_id,
                client_credential=self.credential.for_msal(),
                authority=authority,
                http_client=self._session,
                http_cache=self._http_cache,
                instance_discovery=self._instance_discovery,
                token_cache=token_cache,
            )
        except ValueError:
            raise TokenAcquisitionError(
                f"The authority {authority} is unknown (check MicrosoftAppTenantId and "
                "AUTHORITY_HOST)",
                "invalid_authority",
            ) from None
        except (OSError, requests.RequestException) as exc:
            raise TokenAcquisitionError(
                f"Could not reach the authority {authority}: {type(exc).__name__}",
                "authority_unreachable",
            ) from None

    def close(self) -> None:
        self._session.close()
