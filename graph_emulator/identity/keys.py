"""RSA signing keys published as JWKS, and app certificates for certificate credentials.

Entra and the Bot Framework sign with RS256 and publish the public halves by `kid`; the same
shapes here let the bot's real validators (botframework-connector, PyJWT) check real signatures.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from jwt.algorithms import RSAAlgorithm


class SigningKey:
    """One RSA key pair; `sign` makes an RS256 JWT whose header names this key's `kid`."""

    def __init__(self, kid: str | None = None) -> None:
        self.kid = kid or uuid.uuid4().hex
        self._private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    @property
    def public_key(self) -> rsa.RSAPublicKey:
        return self._private.public_key()

    def public_jwk(self, endorsements: Sequence[str] = ()) -> dict[str, Any]:
        jwk: dict[str, Any] = RSAAlgorithm.to_jwk(self._private.public_key(), as_dict=True)
        jwk.update(kid=self.kid, use="sig", alg="RS256")
        if endorsements:
            jwk["endorsements"] = list(endorsements)
        return jwk

    def sign(self, claims: Mapping[str, Any], headers: Mapping[str, Any] | None = None) -> str:
        return jwt.encode(
            dict(claims), self._private, "RS256", headers={"kid": self.kid, **(headers or {})}
        )


def jwks(*keys: SigningKey, endorsements: Sequence[str] = ()) -> dict[str, Any]:
    return {"keys": [key.public_jwk(endorsements) for key in keys]}


@dataclass(frozen=True, slots=True)
class AppCertificate:
    """A self-signed app credential: `pem_path` holds the private key and the certificate."""

    pem_path: Path
    certificate_pem: str
    sha1_thumbprint: str  # hex, upper case, as the Entra portal shows it


def thumbprints(certificate_pem: str) -> tuple[str, str]:
    """(SHA-1, SHA-256) thumbprints as base64url, the forms of the `x5t` / `x5t#S256` headers."""
    der = x509.load_pem_x509_certificate(certificate_pem.encode()).public_bytes(
        serialization.Encoding.DER
    )
    return (
        base64.urlsafe_b64encode(hashlib.sha1(der).digest()).decode().rstrip("="),
        base64.urlsafe_b64encode(hashlib.sha256(der).digest()).decode().rstrip("="),
    )


def make_app_certificate(path: Path, subject: str = "meeting-bot") -> AppCertificate:
    """Write a key + self-signed certificate (one PEM file), as `openssl req -x509` would."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = datetime.now(UTC) - timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(key_pem + cert_pem)
    sha1 = cert.fingerprint(hashes.SHA1()).hex().upper()
    return AppCertificate(path, cert_pem.decode(), sha1)
