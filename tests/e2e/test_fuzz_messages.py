"""Seeded, structure-aware fuzz of /api/messages: malformed and extreme activities never get a
5xx, never put a trace in the log or the chat, with or without an app id configured.

FUZZ_CASES sets the number of cases (2,000 by default; a nightly-size run uses more), FUZZ_SEED
the seed; a failure names its case number, which replays with the same seed.
"""

from __future__ import annotations

import logging
import os

import httpx
import pytest

from graph_emulator.identity import IdentityServer
from tests.support.connector import ConnectorCapture
from tests.support.fuzz import Case, malformed_requests
from tests.support.identity_fixtures import APP_ID, SignedBot
from tests.support.servers import BotUnderTest, Emulator

pytest_plugins = ["tests.support.identity_fixtures"]

CASES = int(os.environ.get("FUZZ_CASES", "2000"))
SEED = int(os.environ.get("FUZZ_SEED", "20261127"))


def traces(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.exc_info]


async def post(http: httpx.AsyncClient, url: str, case: Case, **headers: str) -> httpx.Response:
    return await http.post(
        f"{url}/api/messages",
        content=case.body,
        headers={"Content-Type": case.content_type, **headers},
    )


async def test_no_malformed_activity_gets_a_5xx_without_an_app_id(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    capture, service_url = connector
    failures = []
    for case in malformed_requests(SEED, CASES, service_url):
        response = await post(bot.http, bot.url, case)
        if response.status_code >= 500:
            failures.append(f"case {case.number} ({case.what}): {response.status_code}")
    assert not failures, "\n".join(failures[:40])
    assert not traces(caplog), traces(caplog)[:10]
    assert not any("Traceback" in str(a) for a in capture.activities)


async def test_no_malformed_activity_gets_a_5xx_with_an_app_id(
    signed_bot: SignedBot,
    identity: IdentityServer,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Half the cases carry a valid channel token for the original serviceUrl, so the body
    checks behind authentication are fuzzed too; the other half carry none."""
    _, service_url = connector
    token = identity.channel_token(APP_ID, service_url)
    failures = []
    for case in malformed_requests(SEED + 1, CASES // 2, service_url):
        headers = {"Authorization": f"Bearer {token}"} if case.number % 2 else {}
        response = await post(signed_bot.http, signed_bot.url, case, **headers)
        if response.status_code >= 500:
            failures.append(f"case {case.number} ({case.what}): {response.status_code}")
        if not headers:
            assert response.status_code == 401, case
    assert not failures, "\n".join(failures[:40])
    assert not traces(caplog), traces(caplog)[:10]


async def test_one_log_line_per_rejected_request(
    bot: BotUnderTest, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    response = await bot.http.post(
        f"{bot.url}/api/messages",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 400
    rejected = [r for r in caplog.records if r.name.startswith("bot.transport")]
    assert len(rejected) == 1
    assert "400" in rejected[0].getMessage()
    assert rejected[0].exc_info is None
