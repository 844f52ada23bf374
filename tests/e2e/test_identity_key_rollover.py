"""The Bot Framework rolls its signing keys; the bot keeps accepting genuine Teams traffic.

botframework-connector 4.17 means to fetch the keys again when a token names one it has not
cached (botbuilder-python #1210, PR #1487), but its lookup raises IndexError first, so until its
daily refresh every request signed with the new key would be refused
(bot/transport/signing_keys.py). The identity server plays the channel rolling its key.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

from graph_emulator.identity import IdentityServer, SigningKey
from tests.support.activities import message
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import SignedBot

pytest_plugins = ["tests.support.identity_fixtures"]


def keys_fetched_ago(identity: IdentityServer, ago: timedelta) -> None:
    metadata = JwtTokenExtractor.metadataCache[identity.bot_openid_metadata_url]
    metadata.last_updated = datetime.now() - ago


async def test_a_token_signed_with_the_channels_new_key_is_accepted(
    signed_bot: SignedBot, identity: IdentityServer, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    first = await signed_bot.send(message("help", service_url))
    assert first.status_code in (200, 201), first.text
    keys_fetched_ago(identity, timedelta(minutes=10))  # well inside the library's day

    identity.channel_key = SigningKey()  # the channel rolls its key
    rolled = await signed_bot.send(message("meet now Design sync", service_url))

    assert rolled.status_code in (200, 201), rolled.text
    assert len(capture.cards()) == 2


async def test_a_key_nobody_published_is_still_refused_and_fetches_at_most_once(
    signed_bot: SignedBot, identity: IdentityServer, connector: tuple[ConnectorCapture, str]
) -> None:
    """A forged `kid` gets a 401; it makes the bot fetch the keys again at most once in
    REFETCH_AFTER, never on every request."""
    _, service_url = connector
    assert (await signed_bot.send(message("help", service_url))).status_code in (200, 201)
    keys_fetched_ago(identity, timedelta(minutes=10))
    stranger = SigningKey()
    fetched: list[datetime] = []

    for _ in range(3):
        forged = await signed_bot.send(message("help", service_url), key=stranger)
        assert forged.status_code == 401
        metadata = JwtTokenExtractor.metadataCache[identity.bot_openid_metadata_url]
        fetched.append(metadata.last_updated)

    assert fetched[0] > datetime.now() - timedelta(minutes=1)  # fetched again, once
    assert fetched[1] == fetched[2] == fetched[0]
