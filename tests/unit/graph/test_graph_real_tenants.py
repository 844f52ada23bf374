"""The Graph client on what real tenants answer, each switched on in the Graph emulator: the
user directory, per-mailbox throttling, both access-policy wordings, guests and users without
a mailbox (sources: graph_emulator/user_gates.py, throttle.py, users.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.graph.auth import StaticTokenProvider
from bot.graph.client import GraphClient
from bot.graph.errors import GraphError, GraphForbidden, GraphNotFound, error_from_response
from bot.graph.slots import MailboxSlots, mailbox_of
from tests.support.activities import USER_AAD
from tests.support.servers import Emulator

USER = f"users/{USER_AAD}"
ANN = "a1a1a1a1-0000-0000-0000-0000000000a1"
MEETING = {"externalId": "ext-real", "subject": "Real tenant"}


@pytest.fixture
async def graph(emulator: Emulator) -> AsyncIterator[GraphClient]:
    client = GraphClient(emulator.base_url, StaticTokenProvider("t"), max_retries=0)
    yield client
    await client.aclose()


async def seed(emulator: Emulator, user: str, **fields: Any) -> None:
    await emulator.put(f"/_emulator/users/{user}", fields)


async def directory_reads(emulator: Emulator) -> list[dict[str, Any]]:
    """The client's GET /users/{id} of the user it acts for."""
    return [c for c in await emulator.graph_calls("", "GET") if c["path"] == f"/v1.0/{USER}"]


async def test_get_user_reads_name_mail_sign_in_name_and_type(
    graph: GraphClient, emulator: Emulator
) -> None:
    await seed(emulator, ANN, displayName="Ann Lee", mail="ann@contoso.com", userType="Guest")

    ann = await graph.get_user(ANN)

    assert (ann.id, ann.display_name, ann.address, ann.is_guest) == (
        ANN,
        "Ann Lee",
        "ann@contoso.com",
        True,
    )
    [call] = await emulator.graph_calls(f"/users/{ANN}", "GET")
    assert call["query"]["$select"] == "id,displayName,mail,userPrincipalName,userType"


@pytest.mark.parametrize(
    "address", ["ann@contoso.com", "ANN@contoso.com", "ann.lee@contoso.com"], ids=str
)
async def test_find_user_by_mail_or_sign_in_name(
    graph: GraphClient, emulator: Emulator, address: str
) -> None:
    await seed(
        emulator,
        ANN,
        displayName="Ann Lee",
        mail="ann@contoso.com",
        userPrincipalName="ann.lee@contoso.com",
    )

    found = await graph.find_user(address)

    assert found is not None
    assert found.id == ANN


async def test_find_user_says_none_for_nobody_and_quotes_the_filter(
    graph: GraphClient, emulator: Emulator
) -> None:
    assert await graph.find_user("o'brien@contoso.com") is None
    [call] = await emulator.graph_calls("/users", "GET")
    assert "'o''brien@contoso.com'" in call["query"]["$filter"]


async def test_a_directory_the_app_may_not_read_is_forbidden_with_its_code(
    graph: GraphClient, emulator: Emulator
) -> None:
    """403 Authorization_RequestDenied: graph_emulator/auth.py (User.ReadBasic.All missing)."""
    await emulator.inject(
        status=403,
        code="Authorization_RequestDenied",
        message="Insufficient privileges to complete the operation.",
        match="/users/",
    )

    with pytest.raises(GraphForbidden) as caught:
        await graph.get_user(ANN)

    assert caught.value.code == "Authorization_RequestDenied"
    assert caught.value.path == f"users/{ANN}"


async def concurrent_calendar_reads(emulator: Emulator, slots: MailboxSlots) -> list[int]:
    """12 calendar reads of one mailbox at once, each held 100 ms by Outlook; their statuses."""
    await emulator.put("/_emulator/tenants/default", {"mailboxConcurrencyLimit": 4})
    await emulator.inject(latencyMs=100, phase="afterWork", count=100, match="/calendar")
    client = GraphClient(
        emulator.base_url, StaticTokenProvider("t"), max_retries=0, mailbox_slots=slots
    )
    try:
        await asyncio.gather(
            *(client.get_calendar(USER) for _ in range(12)), return_exceptions=True
        )
    finally:
        await client.aclose()
    return [call["status"] for call in await emulator.graph_calls("/calendar", "GET")]


async def test_a_mailbox_never_gets_more_than_outlooks_four_requests_at_once(
    emulator: Emulator,
) -> None:
    """Outlook's limit: 4 concurrent requests per mailbox (graph_emulator/throttle.py)."""
    assert await concurrent_calendar_reads(emulator, MailboxSlots()) == [200] * 12


async def test_without_the_per_mailbox_limit_outlook_throttles(emulator: Emulator) -> None:
    statuses = await concurrent_calendar_reads(emulator, MailboxSlots(limit=12))
    assert statuses.count(429) >= 1


@pytest.mark.parametrize(
    ("path", "mailbox"),
    [
        (f"/users/{USER_AAD}/calendar", f"users/{USER_AAD}"),
        (f"users/{USER_AAD.upper()}/events/abc", f"users/{USER_AAD}"),
        (f"users/{USER_AAD}/calendarView?startDateTime=x", f"users/{USER_AAD}"),
        (f"users/{USER_AAD}/onlineMeetings/createOrGet", None),
        (f"users/{USER_AAD}", None),
    ],
    ids=["calendar", "event", "calendar-view", "online-meeting", "directory"],
)
def test_only_outlook_resources_count_against_a_mailbox(path: str, mailbox: str | None) -> None:
    assert mailbox_of(path, "token") == mailbox


def test_each_signed_in_users_me_is_their_own_mailbox() -> None:
    ann, bob = mailbox_of("me/events", "ann-token"), mailbox_of("me/events", "bob-token")
    assert ann is not None
    assert bob is not None
    assert ann != bob
    assert "ann-token" not in ann


@pytest.mark.parametrize(
    ("policy", "code", "message"),
    [
        ("noPolicy", "General", "No application access policy found for this app."),
        (
            "notAuthorized",
            "Unauthorized",
            f"App 00000000-0000-0000-0000-000000000000 is not authorized to Create meeting on "
            f"behalf of user {USER_AAD}",
        ),
    ],
    ids=["no-policy-found", "app-not-authorized"],
)
async def test_both_access_policy_wordings_are_recognised(
    graph: GraphClient, emulator: Emulator, policy: str, code: str, message: str
) -> None:
    """graph_emulator/user_gates.py: msgraph-sdk-dotnet #2350 and Microsoft's access-policy
    article."""
    await seed(emulator, USER_AAD, applicationAccessPolicy=policy)

    with pytest.raises(GraphForbidden) as caught:
        await graph.create_or_get_online_meeting(USER, MEETING)

    assert (caught.value.code, caught.value.message) == (code, message)
    assert caught.value.access_policy_missing
    assert not caught.value.wordless


@pytest.mark.parametrize(
    ("switches", "user_type"),
    [({"userType": "Guest"}, "Guest"), ({"hasTeamsLicense": False}, "Member")],
    ids=["guest", "no-teams-licence"],
)
async def test_a_wordless_403_on_meetings_is_told_who_the_user_is(
    graph: GraphClient, emulator: Emulator, switches: dict[str, Any], user_type: str
) -> None:
    """Guests and users without a Teams licence: 403 Forbidden with an empty message
    (microsoft-graph-docs #8889, #4832); the client asks the directory what the user is."""
    await seed(emulator, USER_AAD, **switches)

    with pytest.raises(GraphForbidden) as caught:
        await graph.create_or_get_online_meeting(USER, MEETING)

    assert caught.value.wordless
    assert not caught.value.access_policy_missing
    assert caught.value.user_type == user_type
    [lookup] = await directory_reads(emulator)
    assert lookup["query"] == {"$select": "userType"}


async def test_no_mailbox_is_its_own_404_and_says_who_the_user_is(
    graph: GraphClient, emulator: Emulator
) -> None:
    await seed(emulator, USER_AAD, hasMailbox=False)

    with pytest.raises(GraphNotFound) as caught:
        await graph.get_calendar(USER)

    assert caught.value.no_mailbox
    assert caught.value.user_type == "Member"


async def test_an_unknown_user_is_its_own_404(graph: GraphClient, emulator: Emulator) -> None:
    await emulator.put("/_emulator/tenants/default", {"directory": "closed"})

    with pytest.raises(GraphNotFound) as caught:
        await graph.get_calendar(USER)

    assert caught.value.unknown_user
    assert USER_AAD in caught.value.message
    assert not caught.value.no_mailbox


async def test_other_failures_do_not_ask_the_directory(
    graph: GraphClient, emulator: Emulator
) -> None:
    await emulator.inject(status=404, match="/onlineMeetings/")

    with pytest.raises(GraphError):
        await graph.get_online_meeting(USER, "gone")

    assert await directory_reads(emulator) == []


def test_a_403_with_an_empty_graph_message_stays_wordless() -> None:
    wordless = error_from_response(403, {}, b'{"error": {"code": "Forbidden", "message": ""}}')
    no_body = error_from_response(403, {}, b"")
    assert isinstance(wordless, GraphForbidden)
    assert isinstance(no_body, GraphForbidden)
    assert wordless.wordless
    assert not no_body.wordless


async def test_a_request_cancelled_while_it_waits_for_a_slot_leaves_no_slot_behind() -> None:
    slots, release = MailboxSlots(limit=2), asyncio.Event()
    inside: list[int] = []

    async def call(n: int) -> None:
        async with slots.hold("users/u"):
            inside.append(n)
            await release.wait()

    holders = [asyncio.ensure_future(call(n)) for n in range(2)]
    waiting = asyncio.ensure_future(call(2))
    await asyncio.sleep(0.01)
    assert (inside, slots.in_use()) == ([0, 1], 1)

    waiting.cancel()
    release.set()
    await asyncio.gather(*holders)

    assert (inside, slots.in_use()) == ([0, 1], 0)
    async with slots.hold(None), slots.hold("users/u"):
        assert slots.in_use() == 1
    assert slots.in_use() == 0
