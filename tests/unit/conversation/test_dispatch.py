"""The conversation layer on its own: `Conversation.dispatch(turn)` for typed commands and every
card verb, with no HTTP in front of it (Graph is the real emulator on loopback)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.config import IdentitySettings, Settings
from bot.conversation.dispatch import Conversation
from bot.conversation.reply import Reply
from bot.conversation.turn import turn_from_activity
from bot.graph.auth import StaticTokenProvider
from bot.graph.client import GraphClient
from bot.meetings.service import MeetingService
from bot.meetings.store import Storage
from bot.runtime import build_conversation
from cards import Verb
from tests.support.activities import OTHER_AAD, USER_AAD, invoke, message
from tests.support.cardtext import action_data, buttons, card_text, join_urls
from tests.support.servers import Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Berlin, the sender's zone
SERVICE_URL = "http://127.0.0.1:9/unused"  # dispatch never calls the connector
BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Chat:
    conversation: Conversation
    emulator: Emulator

    async def say(self, text: str, **kwargs: Any) -> Reply:
        return await self.conversation.dispatch(
            turn_from_activity(message(text, SERVICE_URL, **kwargs), BERLIN)
        )

    async def said(self, text: str, **kwargs: Any) -> dict[str, Any]:
        """The one card a typed message is answered with."""
        reply = await self.say(text, **kwargs)
        assert reply.card is None
        [attachment] = reply.post
        return dict(attachment.content)

    async def press(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        """An Action.Execute press: the card that replaces the pressed one."""
        turn = turn_from_activity(invoke(data, SERVICE_URL, **kwargs), BERLIN)
        reply = await self.conversation.dispatch(turn)
        assert reply.status == 200
        assert not reply.post
        assert reply.card is not None
        return dict(reply.card)


@pytest.fixture
async def chat(emulator: Emulator, settings: Settings, tmp_path: Path) -> AsyncIterator[Chat]:
    graph = GraphClient(emulator.base_url, StaticTokenProvider(), max_retries=0)
    storage = Storage(tmp_path / "bot.sqlite3")
    service = MeetingService(graph, storage, join_link_waits=(0.05,))
    yield Chat(build_conversation(settings, service, storage, None, lambda: NOW), emulator)
    await graph.aclose()
    storage.close()


async def test_typed_meet_now_answers_with_a_join_card(chat: Chat) -> None:
    card = await chat.said("meet now")

    assert join_urls(card)
    [create] = await chat.emulator.graph_calls("/onlineMeetings/createOrGet", "POST")
    assert create["status"] == 201


async def test_typed_schedule_creates_an_event_with_its_attendee(chat: Chat) -> None:
    card = await chat.said("schedule Review tomorrow 3pm with ann@contoso.com")

    assert "Review" in card_text(card)

    assert join_urls(card)
    [event] = await chat.emulator.events_of(USER_AAD)
    assert event["attendees"][0]["emailAddress"]["address"] == "ann@contoso.com"


async def test_typed_my_meetings_and_cancel_by_name(chat: Chat) -> None:
    await chat.said("schedule Review tomorrow 3pm")

    listing = await chat.said("my meetings")
    cancelled = await chat.said("cancel Review")

    assert "Review" in card_text(listing)
    assert "Cancelled" in card_text(cancelled)
    assert await chat.emulator.graph_calls("/cancel", "POST")


@pytest.mark.parametrize("text", ["help", "", "what can you do?"])
async def test_help_empty_and_unknown_text_answer_with_the_help_card(chat: Chat, text: str) -> None:
    card = await chat.said(text)

    assert "meet now" in card_text(card)
    assert not await chat.emulator.requests()


async def test_a_tenant_outside_the_allow_list_is_refused_before_graph(
    emulator: Emulator, settings: Settings, tmp_path: Path
) -> None:
    only_other = replace(
        settings,
        identity=IdentitySettings(allowed_tenants=("0" * 8 + "-0000-0000-0000-" + "0" * 12,)),
    )
    graph = GraphClient(emulator.base_url, StaticTokenProvider(), max_retries=0)
    storage = Storage(tmp_path / "bot.sqlite3")
    service = MeetingService(graph, storage)
    conversation = build_conversation(only_other, service, storage, None, lambda: NOW)

    reply = await conversation.dispatch(
        turn_from_activity(message("meet now", SERVICE_URL), BERLIN)
    )

    assert "another organization" in card_text(dict(reply.post[0].content))
    assert not await emulator.requests()
    await graph.aclose()
    storage.close()


async def test_installing_the_bot_says_hello(chat: Chat) -> None:
    activity = message("", SERVICE_URL)
    activity.update(type="conversationUpdate", membersAdded=[activity["recipient"]])

    reply = await chat.conversation.dispatch(turn_from_activity(activity, BERLIN))

    assert "Hi!" in card_text(dict(reply.post[0].content))


async def test_an_action_submit_message_posts_its_answer(chat: Chat) -> None:
    card = await chat.said("", value={"action": Verb.RUN.value, "text": "meet now"})

    assert join_urls(card)


# --- every card verb ---------------------------------------------------------------------


async def test_run_runs_the_buttons_text(chat: Chat) -> None:
    card = await chat.press({"action": Verb.RUN, "text": "meet now"})

    assert join_urls(card)


async def test_open_form_and_submit_form(chat: Chat) -> None:
    form = await chat.press({"action": Verb.OPEN_FORM})
    bad = await chat.press({"action": Verb.SUBMIT_FORM, "subject": "Plan", "date": "2026-11-24"})
    good = await chat.press(
        {
            "action": Verb.SUBMIT_FORM,
            "subject": "Planning",
            "date": "2026-11-26",
            "time": "10:00",
            "duration": "30",
            "invite": "event",
        }
    )

    assert "Create meeting" in buttons(form)
    assert "Create meeting" in buttons(bad)  # the form again, with its errors
    assert "Planning" in card_text(good)
    assert join_urls(good)
    assert len(await chat.emulator.events_of(USER_AAD)) == 1


async def test_ask_cancel_then_keep_then_cancel_twice_deletes_once(chat: Chat) -> None:
    card = await chat.said("meet now Sync")
    ref = action_data(card, Verb.ASK_CANCEL)

    asking = await chat.press(ref)
    kept = await chat.press({**ref, "action": Verb.SHOW})
    done = await chat.press({**ref, "action": Verb.CANCEL})
    again = await chat.press({**ref, "action": Verb.CANCEL})

    assert "Yes, cancel it" in buttons(asking)
    assert "Yes, cancel it" not in buttons(kept)
    assert "Cancel" in buttons(kept)
    assert "Cancelled" in card_text(done)
    assert "Cancelled" in card_text(again)
    assert len(await chat.emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1


async def test_reschedule_moves_the_meeting_once(chat: Chat) -> None:
    card = await chat.said("schedule Review tomorrow 3pm")
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    data = {
        **action_data(show["card"], Verb.RESCHEDULE),
        "date": "2026-11-27",
        "time": "11:00",
        "duration": "45",
    }

    moved = await chat.press(data)
    await chat.press(data)

    assert "11:00" in card_text(moved)
    assert len(await chat.emulator.graph_calls("/events/", "PATCH")) == 1


async def test_add_to_calendar_creates_a_calendar_copy(chat: Chat) -> None:
    card = await chat.said("meet now Sync")

    added = await chat.press(action_data(card, Verb.ADD_TO_CALENDAR))

    assert "Added to your calendar" in card_text(added)
    [event] = await chat.emulator.events_of(USER_AAD)
    assert join_urls(card)[0] in event["body"]["content"]


async def test_make_online_gives_an_outlook_event_a_teams_link(chat: Chat) -> None:
    created = await chat.emulator.control.post(
        f"/v1.0/users/{USER_AAD}/events",
        json={
            "subject": "Dentist",
            "start": {"dateTime": "2026-11-26T12:00:00", "timeZone": "UTC"},
            "end": {"dateTime": "2026-11-26T13:00:00", "timeZone": "UTC"},
        },
        headers={"Authorization": "Bearer test"},
    )

    card = await chat.press(
        {"action": Verb.MAKE_ONLINE, "kind": "event", "id": created.json()["id"]}
    )

    assert join_urls(card)


async def test_create_standalone_makes_a_link_only_meeting(chat: Chat) -> None:
    card = await chat.press(
        {
            "action": Verb.CREATE_STANDALONE,
            "subject": "Planning",
            "start": "2026-11-26T10:00:00+01:00",
            "end": "2026-11-26T10:30:00+01:00",
        }
    )

    assert "Planning" in card_text(card)

    assert join_urls(card)


async def test_a_button_on_someone_elses_meeting_changes_nothing(chat: Chat) -> None:
    card = await chat.said("meet now Sync")

    ref = {**action_data(card, Verb.ASK_CANCEL), "action": Verb.CANCEL}
    refused = await chat.press(ref, aad_object_id=OTHER_AAD)

    assert "Only the meeting's organizer" in card_text(refused)
    assert not await chat.emulator.graph_calls("/onlineMeetings/", "DELETE")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"action": "launch_rockets"}, "not one I know"),
        ({"action": Verb.SHOW, "kind": "event", "id": ""}, "Only the meeting's organizer"),
    ],
    ids=["unknown-verb", "no-meeting-named"],
)
async def test_buttons_that_name_nothing_are_explained(
    chat: Chat, data: dict[str, Any], words: str
) -> None:
    card = await chat.press(data)

    assert words in card_text(card)
    assert not await chat.emulator.requests()


async def test_every_verb_has_a_handler(chat: Chat) -> None:
    for verb in Verb:
        card = await chat.press({"action": verb})
        assert "not one I know" not in card_text(card), verb
