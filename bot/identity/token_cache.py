"""Per-user msal token caches in the bot's SQLite file, so a restart signs no one out.

Each signed-in user's msal SerializableTokenCache (access and refresh tokens) is stored
encrypted with Fernet, under a key derived from TOKEN_CACHE_KEY or else from the app's own
credential: a copied database file alone does not hand out anyone's Graph access. A key change
(a rotated secret) makes old entries unreadable, which costs each user one silent SSO again.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS user_token_caches (
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    cache BLOB NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE TABLE IF NOT EXISTS sso_exchanges (
    exchange_key TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);
"""


def cache_key(material: bytes) -> bytes:
    """A Fernet key derived from secret material (HKDF-SHA256)."""
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"meeting-bot user token cache"
    ).derive(material)
    return base64.urlsafe_b64encode(derived)


def exchange_key(tenant_id: str, user_id: str, exchange_id: str) -> str:
    return hashlib.sha256(f"{tenant_id}|{user_id}|{exchange_id}".lower().encode()).hexdigest()


class TokenCacheStore:
    """Encrypted msal caches by (tenant, user), and the SSO exchanges already completed."""

    def __init__(self, path: str | Path, key_material: bytes) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.executescript(SCHEMA)
        self._fernet = Fernet(cache_key(key_material))

    def close(self) -> None:
        self._db.close()

    def load(self, tenant_id: str, user_id: str) -> str | None:
        row = self._db.execute(
            "SELECT cache FROM user_token_caches WHERE tenant_id=? AND user_id=?",
            (tenant_id.lower(), user_id.lower()),
        ).fetchone()
        if row is None:
            return None
        try:
            return self._fernet.decrypt(bytes(row[0])).decode()
        except InvalidToken:
            log.info("The token cache of user %s was written under another key: ignored", user_id)
            return None

    def save(self, tenant_id: str, user_id: str, serialized: str) -> None:
        self._db.execute(
            "INSERT INTO user_token_caches VALUES (?,?,?,?) ON CONFLICT DO UPDATE SET "
            "cache=excluded.cache, updated_at=excluded.updated_at",
            (
                tenant_id.lower(),
                user_id.lower(),
                self._fernet.encrypt(serialized.encode()),
                datetime.now(UTC).isoformat(),
            ),
        )

    def delete(self, tenant_id: str, user_id: str) -> bool:
        cursor = self._db.execute(
            "DELETE FROM user_token_caches WHERE tenant_id=? AND user_id=?",
            (tenant_id.lower(), user_id.lower()),
        )
        return cursor.rowcount > 0

    def exchanged(self, key: str) -> bool:
        row = self._db.execute("SELECT 1 FROM sso_exchanges WHERE exchange_key=?", (key,))
        return row.fetchone() is not None

    def remember_exchange(self, key: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO sso_exchanges VALUES (?, ?)",
            (key, datetime.now(UTC).isoformat()),
        )
