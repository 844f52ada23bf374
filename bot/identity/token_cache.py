"""Per-user msal token caches in the bot's store, so a restart signs no one out.

Each signed-in user's msal SerializableTokenCache (access and refresh tokens) is stored
encrypted with Fernet, under a key derived from TOKEN_CACHE_KEY or else from the app's own
credential: a copied database alone does not hand out anyone's Graph access. A key change
(a rotated secret) makes old entries unreadable, which costs each user one silent SSO again.
"""

from __future__ import annotations

import base64
import hashlib
import logging

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.storage import TokenRows

log = logging.getLogger(__name__)


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

    def __init__(self, rows: TokenRows, key_material: bytes) -> None:
        self._rows = rows
        self._fernet = Fernet(cache_key(key_material))

    async def load(self, tenant_id: str, user_id: str) -> str | None:
        blob = await self._rows.load_token_cache(tenant_id, user_id)
        if blob is None:
            return None
        try:
            return self._fernet.decrypt(blob).decode()
        except InvalidToken:
            log.info("The token cache of user %s was written under another key: ignored", user_id)
            return None

    async def save(self, tenant_id: str, user_id: str, serialized: str) -> None:
        blob = self._fernet.encrypt(serialized.encode())
        await self._rows.save_token_cache(tenant_id, user_id, blob)

    async def delete(self, tenant_id: str, user_id: str) -> bool:
        return await self._rows.delete_token_cache(tenant_id, user_id)

    async def exchanged(self, key: str) -> bool:
        return await self._rows.sso_exchanged(key)

    async def remember_exchange(self, key: str) -> None:
        await self._rows.remember_sso_exchange(key)
