"""What a person reads when a real tenant says no, through /api/messages. Each answer is the
Graph emulator's per-user or per-tenant switch, whose source its own test names:
tests/emulator/test_emulator_user_gates.py (no mailbox, guests, no Teams licence, both
access-policy wordings), test_emulator_directory.py (unknown users), test_emulator_throttling.py
(ApplicationThrottled)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.support.activities import USER_AAD, message
from tests.support.cardtext import card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

SCHEDULE = "schedule Retro tomorrow 3pm"
LOCAL_APP = "00000000-0000-0000-0000-000000000000"  # the emulator's app id for opaque tokens

pytestmark = pytest.mark.usefixtures("graph_contract")


async def seed_user(emulator: Emulator, **switches: Any) -> None:
    await emulator.put(f"/_emulator/users/{USER_AAD}", switches)


async def say(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str], text: str
) -> dict[str, Any]:
    """Send one message as the user; the card they get back."""
    capture, service_url = connector
    await bot.post(message(text, service_url))
    card: dict[str, Any] = capture.cards()[-1]
    return card


async def test_without_a_mailbox_scheduling_says_why_and_meet_now_still_works(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """404 MailboxNotEnabledForRESTAPI (microsoft-graph-docs #17826)."""
    await seed_user(emulator, hasMailbox=False)

    refused = card_text(await say(bot, connector, SCHEDULE))
    meeting = await say(bot, connector, "meet now Retro")

    assert "Scheduling needs an Exchange Online mailbox" in refused
    assert "**meet now** and **meeting …** (a Teams link only" in refused
    assert "deleted" not in refused
    assert "permission" not in refused
    assert await emulator.events_of(USER_AAD) == []
    assert join_urls(meeting)


@pytest.mark.parametrize("text", ["meet now", SCHEDULE], ids=["meet-now", "schedule"])
async def test_a_guest_learns_what_guests_can_and_cannot_do(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str], text: str
) -> None:
    """A guest's onlineMeetings answer is 403 with an empty message (microsoft-graph-docs
    #8889, #4832), and a guest has no mailbox here; the bot asks the directory who they are."""
    await seed_user(emulator, userType="Guest")

    words = card_text(await say(bot, connector, text))

    assert "You are a guest in this organization" in words
    assert "guests cannot organize meetings here" in words
    assert "You can join any meeting you are invited to" in words
    assert "lacks a permission" not in words


async def test_a_member_without_a_teams_licence_hears_both_possible_causes(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """The same wordless 403 as a missing permission: the bot cannot tell them apart."""
    await seed_user(emulator, hasTeamsLicense=False)

    words = card_text(await say(bot, connector, "meet now"))

    assert "no Teams licence that includes meetings, or the bot lacks a permission" in words
    assert "guest" not in words


@pytest.mark.parametrize(
    ("policy", "graph_words"),
    [
        ("noPolicy", "No application access policy found for this app."),
        ("notAuthorized", f"App {LOCAL_APP} is not authorized to Create meeting on behalf"),
    ],
    ids=["no-policy-found", "app-not-authorized"],
)
async def test_both_access_policy_wordings_name_the_policy_the_cmdlets_and_the_delay(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
    policy: str,
    graph_words: str,
) -> None:
    """Code General (msgraph-sdk-dotnet #2350) and code Unauthorized (Microsoft's "Configure
    application access to online meetings" article)."""
    await seed_user(emulator, applicationAccessPolicy=policy)

    with caplog.at_level(logging.ERROR, logger="bot.conversation.failures"):
        words = card_text(await say(bot, connector, "meet now"))

    assert "no Teams application access policy allows it to act for you" in words
    assert "New-CsApplicationAccessPolicy -Identity MeetingBot-Policy" in words
    assert (
        f'Grant-CsApplicationAccessPolicy -PolicyName MeetingBot-Policy -Identity "{USER_AAD}"'
        in (words)
    )
    assert "up to 30 minutes to apply" in words
    assert "lacks a permission" not in words
    [logged] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert graph_words in logged
    assert "New-CsApplicationAccessPolicy" in logged


async def test_an_unknown_user_is_named(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """A closed directory without this user: 404 ErrorInvalidUser "The requested user
    '{oid}@{tid}' is invalid." (microsoft-graph-docs #7909, #4097)."""
    await emulator.put("/_emulator/tenants/default", {"directory": "closed"})

    words = card_text(await say(bot, connector, SCHEDULE))

    assert "Microsoft 365 does not know the account the bot acted for" in words
    assert f"{USER_AAD}@" in words
    assert "deleted already" not in words


@pytest.mark.parametrize(
    ("retry_after", "when"),
    [("600", "about 10 minutes"), ("75", "about 75 seconds")],
    ids=["minutes", "seconds"],
)
async def test_throttling_beyond_the_turns_patience_says_when_to_try_again(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    retry_after: str,
    when: str,
) -> None:
    """429 ApplicationThrottled with a Retry-After longer than the turn's whole budget can wait
    (BACKGROUND_BUDGET_SECONDS, 60 s): not waited out, and the user is told when to try."""
    await emulator.inject(
        status=429,
        count=5,
        retryAfter=retry_after,
        code="ApplicationThrottled",
        message="Application is over its MailboxConcurrency limit.",
        match="/calendar",
    )

    words = card_text(await say(bot, connector, SCHEDULE))

    assert "limiting how fast the bot may work with your mailbox" in words
    assert f"Please try again in {when}." in words
    assert await emulator.events_of(USER_AAD) == []
