"""The Bot Framework's signing keys, fetched again when a caller's token names one not cached.

botframework-connector 4.17 keeps each OpenID metadata document's keys for a day and means to
refresh them at once (at most hourly) when a token names a key it lacks (botbuilder-python
#1210, PR #1487); but its `_OpenIdMetadata._find` indexes the empty match (`[...][0]`) and
raises IndexError before that refresh runs. After Microsoft rolls its signing keys, every
genuine Teams request would be refused for up to a day. Here the cached keys are marked stale,
no more often than every few minutes (a forged `kid` cannot make the bot fetch on every
request), and the request is validated once more.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TypeVar

from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

log = logging.getLogger(__name__)

T = TypeVar("T")
#: How old cached keys must be before a token naming another key makes the bot fetch them again.
REFETCH_AFTER = timedelta(minutes=5)


async def with_fresh_keys(validate: Callable[[], Awaitable[T]]) -> T:
    """`validate()`, and once more with the keys fetched again if it named a key not cached."""
    try:
        return await validate()
    except IndexError:  # a `kid` the cache lacks (see the module's docstring)
        if not _mark_stale(datetime.now() - REFETCH_AFTER):
            raise
        log.info("A caller's token names a signing key not cached: fetching the keys again")
        return await validate()


def _mark_stale(fetched_before: datetime) -> bool:
    """Mark the key sets fetched before `fetched_before` for fetching again; whether any were."""
    stale = False
    for metadata in list(JwtTokenExtractor.metadataCache.values()):
        if metadata.last_updated < fetched_before:
            metadata.last_updated = datetime.min
            stale = True
    return stale
