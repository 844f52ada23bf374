"""Exchange's per-mailbox concurrency limit: the fifth concurrent call to one mailbox is a 429."""

from __future__ import annotations

import asyncio

import httpx

from tests.emulator.test_emulator_directory import set_tenant
from tests.support.emulator_fixtures import ALICE, BOB, GraphHarness, assert_graph_error

pytest_plugins = ["tests.support.emulator_fixtures"]

SLOW_MS = 600


async def hold_slots(h: GraphHarness, count: int) -> list[asyncio.Task[httpx.Response]]:
    """`count` calls to Alice's calendar that stay in flight for SLOW_MS after doing their work."""
    fault = {"latencyMs": SLOW_MS, "phase": "afterWork", "count": count, "match": ALICE}
    assert (await h.control.post("/_emulator/faults", json=fault)).status_code == 201
    calls = [asyncio.create_task(h.graph.get(f"/users/{ALICE}/events")) for _ in range(count)]
    await asyncio.sleep(SLOW_MS / 4000)
    return calls


async def test_the_fifth_concurrent_call_to_a_mailbox_is_application_throttled(
    harness: GraphHarness,
) -> None:
    """Graph's "Outlook service limits" (throttling limits page): 4 concurrent requests per
    mailbox; over it, 429 ApplicationThrottled "Application is over its MailboxConcurrency
    limit." (alcionai/corso issue #3695, magodo/terraform-provider-outlook issue #21) with a
    Retry-After header. Another mailbox is not affected."""
    await set_tenant(harness, mailboxConcurrencyLimit=4)
    held = await hold_slots(harness, 4)
    fifth = await harness.graph.get(f"/users/{ALICE}/calendar")
    message = assert_graph_error(fifth, 429, "ApplicationThrottled")
    assert message == "Application is over its MailboxConcurrency limit."
    assert fifth.headers["Retry-After"] == "1"
    assert (await harness.graph.get(f"/users/{BOB}/events")).status_code == 200
    assert [r.status_code for r in await asyncio.gather(*held)] == [200] * 4
    assert (await harness.graph.get(f"/users/{ALICE}/calendar")).status_code == 200


async def test_without_a_limit_a_mailbox_takes_any_number_of_calls(harness: GraphHarness) -> None:
    """The emulator's default: no per-mailbox limit unless the tenant sets one."""
    held = await hold_slots(harness, 6)
    assert (await harness.graph.get(f"/users/{ALICE}/calendar")).status_code == 200
    assert [r.status_code for r in await asyncio.gather(*held)] == [200] * 6


async def test_online_meetings_are_not_outlook_resources(harness: GraphHarness) -> None:
    """The limit is Outlook's: onlineMeetings (Teams) calls do not count against the mailbox."""
    await set_tenant(harness, mailboxConcurrencyLimit=4)
    held = await hold_slots(harness, 4)
    meeting = await harness.graph.post(f"/users/{ALICE}/onlineMeetings", json={"subject": "x"})
    assert meeting.status_code == 201, meeting.text
    await asyncio.gather(*held)
