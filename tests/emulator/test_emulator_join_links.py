"""Teams join links: the short `meet/<id>?p=` form a tenant may use, and deleted meetings."""

from __future__ import annotations

import re
from urllib.parse import quote

from tests.emulator.test_emulator_directory import set_tenant
from tests.emulator.test_emulator_events import create, online_body
from tests.support.emulator_fixtures import (
    ALICE,
    OTHER_TENANT,
    GraphHarness,
    assert_graph_error,
    assert_meeting,
    token,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

MEETINGS = f"/users/{ALICE}/onlineMeetings"
SHORT = re.compile(r"^https://teams\.microsoft\.com/meet/(\d{12,13})\?p=([A-Za-z0-9]{18})$")
LONG = re.compile(r"^https://teams\.microsoft\.com/l/meetup-join/19%3ameeting_")


async def test_a_short_link_tenant_gets_meet_links_for_online_meetings(
    harness: GraphHarness,
) -> None:
    """microsoft-graph-comms-samples issue #829 quotes the short form
    `https://teams.microsoft.com/meet/2414128301281?p=NzhDLMLT8b07DrkwkE` (message center
    MC772556); its number is the meeting id people dial in with (issue #829's answer joins with
    JoinMeetingIdMeetingInfo), and `p` a hashed passcode (issue #847)."""
    await set_tenant(harness, joinLinks="short")
    meeting = assert_meeting(await harness.graph.post(MEETINGS, json={"subject": "Short"}), 201)
    match = SHORT.match(meeting["joinWebUrl"])
    assert match, meeting["joinWebUrl"]
    assert match.group(1) == meeting["joinMeetingIdSettings"]["joinMeetingId"]
    assert match.group(2) != meeting["joinMeetingIdSettings"]["passcode"]
    found = await harness.graph.get(
        MEETINGS, params={"$filter": f"JoinWebUrl eq '{meeting['joinWebUrl']}'"}
    )
    assert [m["id"] for m in found.json()["value"]] == [meeting["id"]]


async def test_events_in_a_short_link_tenant_carry_short_links(harness: GraphHarness) -> None:
    """The same links appear in a Teams event's onlineMeeting.joinUrl and its body."""
    await set_tenant(harness, joinLinks="short")
    event = await create(harness, online_body())
    join_url = event["onlineMeeting"]["joinUrl"]
    assert SHORT.match(join_url), join_url
    assert join_url in event["body"]["content"]


async def test_other_tenants_keep_long_links(harness: GraphHarness) -> None:
    """The setting is per tenant, as Microsoft rolls the format out per tenant."""
    await set_tenant(harness, joinLinks="short")
    other = await harness.graph.post(
        MEETINGS, json={"subject": "Long"}, headers=token(tid=OTHER_TENANT)
    )
    assert LONG.match(assert_meeting(other, 201)["joinWebUrl"])


async def test_deleting_a_meeting_answers_204_and_it_is_gone_from_graph(
    harness: GraphHarness,
) -> None:
    """Delete onlineMeeting: 204 No Content, then GET is 404. On real Teams the joinWebUrl still
    works afterwards (microsoft-graph-docs issues #7802 and #17590): a client must not tell
    people a deleted meeting's link is dead."""
    meeting = assert_meeting(await harness.graph.post(MEETINGS, json={"subject": "Gone"}), 201)
    path = f"{MEETINGS}/{quote(meeting['id'], safe='')}"
    deleted = await harness.graph.delete(path)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert_graph_error(await harness.graph.get(path), 404, "NotFound")
