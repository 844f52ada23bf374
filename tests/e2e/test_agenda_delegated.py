"""The daily agenda in delegated mode: it reads the calendar with the user's own stored token
(msal refreshes it outside any turn); when the user is no longer signed in, the agenda says so
and what to do, instead of silently not coming."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.graph.auth import TokenProvider
from bot.identity.tokens import DelegatedTokenProvider
from bot.meetings.model import Requester
from tests.support.activities import USER_AAD
from tests.support.notices import NoticeBot, said

THURSDAY = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)  # 8:30 in Berlin


class SignedIn:
    """The users' stored tokens, as SsoService keeps them: None once a user is signed out."""

    def __init__(self) -> None:
        self.signed_out: set[str] = set()

    async def access_token(self, requester: Requester) -> str | None:
        return None if requester.user_id in self.signed_out else "local-emulator-token"


@pytest.fixture
def users() -> SignedIn:
    return SignedIn()


@pytest.fixture
def notice_tokens(users: SignedIn) -> TokenProvider:
    return DelegatedTokenProvider(users)


async def test_the_agenda_reads_the_calendar_with_the_users_own_token(
    notice_bot: NoticeBot,
) -> None:
    await notice_bot.say("agenda daily at 8:30")
    await notice_bot.say("schedule Budget review tomorrow 3pm")

    [agenda] = await notice_bot.at(THURSDAY)

    assert "Your meetings today" in said(agenda)
    assert "Budget review" in said(agenda)


async def test_a_signed_out_user_is_told_why_no_agenda_came_and_it_comes_again_later(
    notice_bot: NoticeBot, users: SignedIn
) -> None:
    await notice_bot.say("agenda daily at 8:30")
    users.signed_out.add(USER_AAD)

    [told] = await notice_bot.at(THURSDAY)
    assert await notice_bot.at(THURSDAY + timedelta(minutes=10)) == []  # not retried

    assert "you are no longer signed in" in said(told)
    assert "Send me any request, for example my meetings, and sign in when I ask" in said(
        told
    ).replace("*", "")
    users.signed_out.clear()
    [friday] = await notice_bot.at(THURSDAY + timedelta(days=1))
    assert "Nothing on your calendar today." in said(friday)
