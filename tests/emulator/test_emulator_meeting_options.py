"""Meeting options on an online meeting: exactly the documented values, as Graph takes them.

Sources: "Update onlineMeeting" (v1.0) for what a PATCH may change; the lobbyBypassSettings,
onlineMeeting (allowedPresenters, allowMeetingChat, recordAutomatically) and
meetingParticipantInfo pages for the values; microsoft/api-guidelines
graph/patterns/evolvable-enums.md for `unknownFutureValue` and the members after it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.emulator_fixtures import ALICE, GraphHarness, assert_graph_error, assert_meeting

pytest_plugins = ["tests.support.emulator_fixtures"]

MEETINGS = f"/users/{ALICE}/onlineMeetings"
OPT_IN = {"Prefer": "include-unknown-enum-members"}


async def new_meeting(h: GraphHarness, **extra: Any) -> dict[str, Any]:
    body = {"externalId": "options", "subject": "Options", **extra}
    return assert_meeting(await h.graph.post(f"{MEETINGS}/createOrGet", json=body), 201)


async def patch(
    h: GraphHarness, meeting: dict[str, Any], change: dict[str, Any], **headers: str
) -> Any:
    return await h.graph.patch(f"{MEETINGS}/{meeting['id']}", json=change, headers=headers)


@pytest.mark.parametrize(
    ("change", "key", "shown"),
    [
        *[
            (
                {"lobbyBypassSettings": {"scope": s}},
                "lobbyBypassSettings",
                {"scope": s, "isDialInBypassEnabled": False},
            )
            for s in ("organizer", "organization", "organizationAndFederated", "everyone")
        ],
        (
            {"lobbyBypassSettings": {"isDialInBypassEnabled": True}},
            "lobbyBypassSettings",
            {"scope": "organization", "isDialInBypassEnabled": True},
        ),
        *[
            ({"allowedPresenters": p}, "allowedPresenters", p)
            for p in ("everyone", "organization", "roleIsPresenter", "organizer")
        ],
        *[
            ({"allowMeetingChat": c}, "allowMeetingChat", c)
            for c in ("enabled", "disabled", "limited")
        ],
        ({"recordAutomatically": True}, "recordAutomatically", True),
        ({"allowedPresenters": "Organizer"}, "allowedPresenters", "organizer"),
    ],
    ids=[
        "lobby-organizer",
        "lobby-organization",
        "lobby-federated",
        "lobby-everyone",
        "dial-in-bypass",
        "presenters-everyone",
        "presenters-organization",
        "presenters-role",
        "presenters-organizer",
        "chat-enabled",
        "chat-disabled",
        "chat-limited",
        "record",
        "enum-case",
    ],
)
async def test_each_documented_value_is_taken_and_kept(
    harness: GraphHarness, change: dict[str, Any], key: str, shown: Any
) -> None:
    meeting = await new_meeting(harness)
    updated = assert_meeting(await patch(harness, meeting, change))
    assert updated[key] == shown
    fetched = assert_meeting(await harness.graph.get(f"{MEETINGS}/{meeting['id']}"))
    assert fetched[key] == shown
    assert fetched["joinWebUrl"] == meeting["joinWebUrl"]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"lobbyBypassSettings": {"scope": "nobody"}}, "lobbyBypassScope"),
        ({"allowedPresenters": "boss"}, "onlineMeetingPresenters"),
        ({"allowMeetingChat": "off"}, "meetingChatMode"),
        ({"allowMeetingChat": False}, "meetingChatMode"),
        ({"recordAutomatically": "yes"}, "Edm.Boolean"),
        ({"lobbyBypassSettings": {"isDialInBypassEnabled": "true"}}, "Edm.Boolean"),
        ({"lobbyBypassSettings": {"scope": "invited"}}, "Prefer: include-unknown-enum-members"),
        ({"lobbyBypassSettings": {"scope": "organizationExcludingGuests"}}, "include-unknown-enum"),
        ({"lobbyBypassSettings": {"waitingRoom": True}}, "'waitingRoom' does not exist"),
    ],
    ids=[
        "scope-nobody",
        "presenters-boss",
        "chat-off",
        "chat-boolean",
        "record-string",
        "dial-in-string",
        "invited-without-opt-in",
        "excluding-guests-without-opt-in",
        "unknown-lobby-property",
    ],
)
async def test_other_values_are_refused_and_nothing_changes(
    harness: GraphHarness, change: dict[str, Any], fragment: str
) -> None:
    meeting = await new_meeting(harness)
    assert fragment in assert_graph_error(await patch(harness, meeting, change), 400, "BadRequest")
    assert assert_meeting(await harness.graph.get(f"{MEETINGS}/{meeting['id']}")) == meeting


async def test_later_members_need_the_opt_in_and_are_masked_without_it(
    harness: GraphHarness,
) -> None:
    """The evolvable-enum rules: with the Prefer header the member is taken and answered
    (Preference-Applied); without it the same meeting reads as unknownFutureValue."""
    meeting = await new_meeting(harness)
    response = await patch(
        harness, meeting, {"lobbyBypassSettings": {"scope": "invited"}}, **OPT_IN
    )
    assert assert_meeting(response)["lobbyBypassSettings"]["scope"] == "invited"
    assert response.headers["Preference-Applied"] == "include-unknown-enum-members"
    plain = await harness.graph.get(f"{MEETINGS}/{meeting['id']}")
    assert assert_meeting(plain)["lobbyBypassSettings"]["scope"] == "unknownFutureValue"
    assert "Preference-Applied" not in plain.headers
    opted = await harness.graph.get(f"{MEETINGS}/{meeting['id']}", headers=OPT_IN)
    assert assert_meeting(opted)["lobbyBypassSettings"]["scope"] == "invited"
    found = await harness.graph.get(
        MEETINGS, params={"$filter": f"JoinWebUrl eq '{meeting['joinWebUrl']}'"}, headers=OPT_IN
    )
    assert found.json()["value"][0]["lobbyBypassSettings"]["scope"] == "invited"


async def test_the_sentinel_is_refused_in_a_create_and_ignored_in_a_patch(
    harness: GraphHarness,
) -> None:
    """ "If an API consumer specifies unknownFutureValue ... in a POST ... reject the request
    with a 400"; "in a PATCH ... treat the property as if it were absent"."""
    body = {"subject": "sentinel", "allowedPresenters": "unknownFutureValue"}
    response = await harness.graph.post(MEETINGS, json=body)
    assert "sentinel" in assert_graph_error(response, 400, "BadRequest")
    meeting = await new_meeting(harness)
    assert_meeting(await patch(harness, meeting, {"allowedPresenters": "organizer"}))
    change = {"allowedPresenters": "unknownFutureValue", "recordAutomatically": True}
    updated = assert_meeting(await patch(harness, meeting, change))
    assert (updated["allowedPresenters"], updated["recordAutomatically"]) == ("organizer", True)


async def test_create_or_get_takes_invited_attendees_but_options_only_by_patch(
    harness: GraphHarness,
) -> None:
    """createOrGet's parameters are chatInfo, endDateTime, externalId, participants,
    startDateTime and subject (its CSDL): attendees go in participants.attendees, each answered
    with upn, identity and role; options are refused there and set with a PATCH. "presenter"
    holds only with allowedPresenters roleIsPresenter (meetingParticipantInfo's tip), else the
    role is null (Microsoft Q&A 323299)."""
    attendees: list[dict[str, Any]] = [
        {"upn": "bob@contoso.com", "identity": {"user": {"id": "b0b"}}, "role": "presenter"},
        {"upn": "ann@contoso.com", "role": "attendee"},
    ]
    meeting = await new_meeting(harness, participants={"attendees": attendees})
    assert meeting["participants"]["attendees"] == [{**attendees[0], "role": None}, attendees[1]]
    refused = await harness.graph.post(
        f"{MEETINGS}/createOrGet",
        json={"externalId": "opts", "lobbyBypassSettings": {"scope": "everyone"}},
    )
    assert "not a valid parameter for the operation 'createOrGet'" in assert_graph_error(
        refused, 400, "BadRequest"
    )
    as_role = await harness.graph.post(
        MEETINGS,
        json={
            "subject": "roles",
            "allowedPresenters": "roleIsPresenter",
            "participants": {"attendees": attendees[:1]},
        },
    )
    assert assert_meeting(as_role, 201)["participants"]["attendees"][0]["role"] == "presenter"


async def test_a_calendar_events_teams_meeting_is_found_by_its_link_and_updated(
    harness: GraphHarness,
) -> None:
    """Get onlineMeeting with $filter=JoinWebUrl serves meetings made elsewhere (Outlook, the
    Teams client) "where the meeting ID isn't known but the joinWebUrl is"; its options are
    then updated by id, and the same lookup finds the same meeting again."""
    body = {
        "subject": "Planning",
        "start": {"dateTime": "2026-12-01T09:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2026-12-01T10:00:00", "timeZone": "UTC"},
        "isOnlineMeeting": True,
        "onlineMeetingProvider": "teamsForBusiness",
    }
    created = await harness.graph.post(f"/users/{ALICE}/events", json=body)
    join_url = created.json()["onlineMeeting"]["joinUrl"]
    query = {"$filter": f"JoinWebUrl eq '{join_url}'"}
    found = (await harness.graph.get(MEETINGS, params=query)).json()["value"]
    assert [(m["joinWebUrl"], m["subject"]) for m in found] == [(join_url, "Planning")]
    assert found[0]["startDateTime"] == "2026-12-01T09:00:00.0000000Z"
    updated = assert_meeting(await patch(harness, found[0], {"allowMeetingChat": "disabled"}))
    again = (await harness.graph.get(MEETINGS, params=query)).json()["value"]
    assert [m["id"] for m in again] == [updated["id"]]
    assert again[0]["allowMeetingChat"] == "disabled"
    unknown = {"$filter": "JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/nope'"}
    assert (await harness.graph.get(MEETINGS, params=unknown)).json()["value"] == []
