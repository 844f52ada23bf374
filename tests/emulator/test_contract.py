"""The contract checker itself: it accepts what Microsoft documents, catches what it does not."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.contract import assert_valid_graph, graph_errors, graph_schema_validator

# The request from Microsoft's "onlineMeeting: createOrGet" page (microsoft-graph-docs-contrib,
# api-reference/v1.0/api/onlinemeeting-createorget.md), verbatim.
DOCS_CREATE_OR_GET_REQUEST: dict[str, Any] = {
    "startDateTime": "2020-02-06T01:49:21.3524945+00:00",
    "endDateTime": "2020-02-06T02:19:21.3524945+00:00",
    "subject": "Create a meeting with customId provided",
    "externalId": "7eb8263f-d0e0-4149-bb1c-1f0476083c56",
    "participants": {
        "attendees": [
            {
                "identity": {"user": {"id": "1f35f2e6-9cab-44ad-8d5a-b74c14720000"}},
                "upn": "test1@contoso.com",
            }
        ]
    },
}

# The response on the "Create onlineMeeting" page (application-post-onlinemeetings.md,
# example 1), trimmed of its typo'd "ConferenceId"; it uses only v1.0 properties.
DOCS_MEETING: dict[str, Any] = {
    "@odata.type": "#microsoft.graph.onlineMeeting",
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('f4053e7')/onlineMeetings/$entity",
    "audioConferencing": {
        "tollNumber": "+1252578",
        "tollFreeNumber": "+18588",
        "dialinUrl": "https://dialin.teams.microsoft.com/22f12faf--bc69-b8de580ba330?id=24299",
    },
    "chatInfo": {
        "threadId": "19:meeting_M2IzYzczNTItYzUtYmFiMjNlOTY4MGEz@thread.skype",
        "messageId": "0",
        "replyChainMessageId": "0",
    },
    "creationDateTime": "2019-07-11T02:17:17.6491364Z",
    "startDateTime": "2019-07-11T02:17:17.6491364Z",
    "endDateTime": "2019-07-11T02:47:17.651138Z",
    "id": "MSpkYzE3NjctYmZiMi04ZdFpHRTNaR1F6WGhyZWFkLnYy",
    "joinWebUrl": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_M2Iz%40thread.skype/0",
    "participants": {
        "organizer": {
            "identity": {
                "user": {"id": "550fae72-d25-868c-373732c2704f", "displayName": "Heidi Steen"}
            },
            "upn": "upn-value",
        }
    },
    "subject": "User Token Meeting",
    "joinMeetingIdSettings": {
        "isPasscodeRequired": False,
        "joinMeetingId": "1234567890",
        "passcode": None,
    },
}


def test_microsofts_documented_request_and_response_pass() -> None:
    assert_valid_graph(DOCS_CREATE_OR_GET_REQUEST, "createOrGetRequestBody")
    assert_valid_graph(DOCS_MEETING, "microsoft.graph.onlineMeeting")


def test_the_docs_typo_conferenceid_is_caught() -> None:
    typo = {**DOCS_MEETING, "audioConferencing": {"ConferenceId": "24999"}}
    assert graph_errors(typo, "microsoft.graph.onlineMeeting") == [
        "$.audioConferencing: unknown property 'ConferenceId'"
    ]


@pytest.mark.parametrize(
    ("instance", "type_name", "expected"),
    [
        ({"subjct": "x"}, "microsoft.graph.onlineMeeting", "$: unknown property 'subjct'"),
        (
            {"participants": {"organizer": {"identity": {"user": {"tenantId": "t"}}}}},
            "microsoft.graph.onlineMeeting",
            "$.participants.organizer.identity.user: unknown property 'tenantId'",
        ),
        (
            {"value": [{"joinUrl": "beta-only"}]},
            "microsoft.graph.onlineMeetingCollectionResponse",
            "$.value[0]: unknown property 'joinUrl'",
        ),
        (
            {"dateTime": "2026-11-25T10:00:00", "timezone": "UTC"},
            "microsoft.graph.dateTimeTimeZone",
            "$: unknown property 'timezone'",
        ),
        (
            {"externalId": "x", "allowedPresenters": "everyone"},
            "createOrGetRequestBody",
            "$: unknown property 'allowedPresenters'",
        ),
    ],
    ids=["top-level", "nested-in-anyOf", "in-collection", "dateTimeTimeZone", "request-body"],
)
def test_strict_mode_rejects_unknown_properties(
    instance: dict[str, Any], type_name: str, expected: str
) -> None:
    assert graph_errors(instance, type_name) == [expected]
    assert graph_errors(instance, type_name, strict=False) == []
    with pytest.raises(AssertionError, match="unknown property"):
        assert_valid_graph(instance, type_name)


def test_inherited_properties_are_known_in_strict_mode() -> None:
    # id comes from entity, subject from onlineMeetingBase, externalId from onlineMeeting
    assert_valid_graph(
        {"id": "1", "subject": "s", "externalId": "e"}, "microsoft.graph.onlineMeeting"
    )
    assert_valid_graph(
        {"id": "1", "subject": "s", "categories": [], "changeKey": "k"}, "microsoft.graph.event"
    )


def test_annotations_are_allowed_and_odata_type_is_not_required() -> None:
    meeting = {
        "@odata.context": "c",
        "@odata.etag": 'W/"1"',
        "subject": "s",
        "participants": {"attendees@odata.type": "#Collection", "attendees": []},
    }
    assert_valid_graph(meeting, "microsoft.graph.onlineMeeting")


def test_all_errors_are_listed_without_collateral_siblings() -> None:
    event = {"subject": "s", "organizer": {"emailAddress": {"adress": "a"}}, "name": "x"}
    assert graph_errors(event, "microsoft.graph.event") == [
        "$: unknown property 'name'",
        "$.organizer.emailAddress: unknown property 'adress'",
    ]


@pytest.mark.parametrize(
    ("instance", "fragment"),
    [
        ({"isBroadcast": "yes"}, "is not of type"),
        ({"allowedPresenters": "Everyone"}, "is not one of"),
        ({"startDateTime": "2026-11-25T10:00:00"}, "does not match"),
        ({"joinInformation": {"contentType": "HTML"}}, "is not one of"),
    ],
    ids=["wrong-type", "enum-case", "date-without-offset", "docs-style-HTML"],
)
def test_type_errors_are_reported_in_both_modes(instance: dict[str, Any], fragment: str) -> None:
    for strict in (True, False):
        (error,) = graph_errors(instance, "microsoft.graph.onlineMeeting", strict=strict)
        assert fragment in error


def test_pointer_and_unknown_names() -> None:
    pointer = (
        "#/paths/~1me~1events~1{event-id}~1cancel/post/requestBody/content/application~1json/schema"
    )
    assert_valid_graph({"Comment": "Sorry"}, pointer)
    assert graph_errors({"comment": "Sorry"}, pointer) == ["$: unknown property 'comment'"]
    with pytest.raises(KeyError, match=r"not in graph-v1\.0\.json"):
        graph_schema_validator("microsoft.graph.nope")


def test_validator_is_a_plain_jsonschema_validator() -> None:
    validator = graph_schema_validator("microsoft.graph.calendar")
    assert validator.is_valid({"name": "Calendar", "canEdit": True})
    assert not validator.is_valid({"name": "Calendar", "canEdt": True})
