"""A throw-away certificate authority and a loopback server certificate signed by it.

The identity server speaks HTTPS like Entra does, and clients trust it only because they were
handed this CA explicitly (msal's `verify`/`http_client`, requests' REQUESTS_CA_BUNDLE): nothing
is switched off, so a client that would skip verification in production fails here too.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass(frozen=True, slots=True)
class LoopbackTls:
    """PEM files: the CA to trust, and the server's certificate chain and key."""

    ca_path: Path
    cert_path: Path
    key_path: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_path, self.key_path)
        return context


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Meeting bot test identity"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def make_loopback_tls(
    folder: Path, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
) -> LoopbackTls:
    """Write a fresh CA and a leaf for `hosts` (IP addresses or DNS names) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC) - timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = _ca_certificate(ca_key, now)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = _leaf_certificate(ca_key, ca_cert.subject, leaf_key, hosts, now)
    tls = LoopbackTls(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    tls.ca_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    tls.cert_path.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    tls.key_path.write_bytes(
        leaf_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return tls


def _ca_certificate(ca_key: ec.EllipticCurvePrivateKey, now: datetime) -> x509.Certificate:
    """A self-signed CA that may sign leaves only (path length 0), valid for two days."""
    ca_name = _name("Meeting bot test CA")
    return (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )


def _leaf_certificate(
    ca_key: ec.EllipticCurvePrivateKey,
    ca_name: x509.Name,
    leaf_key: ec.EllipticCurvePrivateKey,
    hosts: tuple[str, ...],
    now: datetime,
) -> x509.Certificate:
    """A server certificate for `hosts`, signed by the CA, valid for a day."""
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return (
        x509.CertificateBuilder()
        .subject_name(_name(hosts[0]))
        .issuer_name(ca_name)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
