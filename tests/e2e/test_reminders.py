"""Reminders end to end, with the clock moved by hand: a meeting the bot created gets one card
N minutes before it starts, in the organizer's zone and language, with Join, Snooze, Reschedule
and Cancel; moved with the meeting, called off with it, none for a meeting starting sooner."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.storage import JobStatus
from tests.support.activities import USER_AAD, invoke, message
from tests.support.card_schema import assert_valid_card
from tests.support.cardtext import action_data, join_urls
from tests.support.notices import REMINDER, NoticeBot, said

#: "tomorrow 3pm" in Berlin (UTC+1) on the notice bot's Wednesday.
START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
TEN_BEFORE = START - timedelta(minutes=10)


def top_buttons(card: dict[str, Any]) -> list[str]:
    return [str(a["title"]) for a in card.get("actions", [])]


async def test_a_scheduled_meeting_gets_one_reminder_ten_minutes_before(
    notice_bot: NoticeBot,
) -> None:
    await notice_bot.say("schedule Budget review tomorrow 3pm")

    assert await notice_bot.at(TEN_BEFORE - timedelta(seconds=1)) == []
    [card] = await notice_bot.at(TEN_BEFORE)
    assert await notice_bot.at(TEN_BEFORE + timedelta(minutes=1)) == []

    text = said(card)
    assert "Starts in 10 min" in text
    assert "Budget review" in text
    assert "3:00 PM" in text  # Berlin, where Jane is
    assert "Europe/Berlin" in text
    assert top_buttons(card) == ["Join", "Snooze 5 min", "Reschedule", "Cancel"]
    assert join_urls(card)
    assert_valid_card(card)
    metrics = notice_bot.runtime.telemetry.metrics
    assert metrics.value("meetingbot_reminders_sent_total") == 1


async def test_a_redelivered_schedule_makes_one_reminder(notice_bot: NoticeBot) -> None:
    activity = message("schedule Budget review tomorrow 3pm", notice_bot.service_url)
    await asyncio.gather(*(notice_bot.post(activity) for _ in range(3)))

    reminders = await notice_bot.at(TEN_BEFORE)

    assert len([c for c in reminders if REMINDER in said(c)]) == 1


async def test_a_rescheduled_meeting_moves_its_reminder(notice_bot: NoticeBot) -> None:
    card = await notice_bot.say("schedule Budget review tomorrow 3pm")
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    data = {**action_data(show["card"], "reschedule"), "date": "2026-11-26", "time": "17:00"}
    await notice_bot.post(invoke(data, notice_bot.service_url))

    assert await notice_bot.at(TEN_BEFORE) == []
    [reminder] = await notice_bot.at(START + timedelta(hours=2, minutes=-10))
    assert "5:00 PM" in said(reminder)


async def test_a_cancelled_meeting_drops_its_reminder(notice_bot: NoticeBot) -> None:
    await notice_bot.say("schedule Budget review tomorrow 3pm")
    await notice_bot.say("cancel Budget review")

    assert await notice_bot.at(TEN_BEFORE) == []
    assert await notice_bot.at(START) == []


async def test_a_meeting_sooner_than_the_lead_gets_no_reminder(notice_bot: NoticeBot) -> None:
    await notice_bot.say("meeting Quick sync at 10:05")  # five minutes from now

    assert await notice_bot.at(notice_bot.clock.now + timedelta(minutes=5)) == []


async def test_a_users_own_lead_moves_their_upcoming_reminders(notice_bot: NoticeBot) -> None:
    await notice_bot.say("schedule Budget review tomorrow 3pm")
    answer = await notice_bot.say("remind me 5 min before")

    assert "5 min before each meeting" in said(answer)
    assert await notice_bot.at(TEN_BEFORE) == []
    [card] = await notice_bot.at(START - timedelta(minutes=5))
    assert "Starts in 5 min" in said(card)


async def test_reminders_off_then_on(notice_bot: NoticeBot) -> None:
    await notice_bot.say("schedule Budget review tomorrow 3pm")
    await notice_bot.say("schedule Retro tomorrow 4pm")
    off = await notice_bot.say("reminders off")

    assert "Reminders are off" in said(off)
    assert await notice_bot.at(TEN_BEFORE) == []
    on = await notice_bot.say("reminders on")
    assert "10 min" in said(on)
    [card] = await notice_bot.at(TEN_BEFORE + timedelta(hours=1))
    assert "Retro" in said(card)


async def test_the_reminder_speaks_the_users_language_and_zone(notice_bot: NoticeBot) -> None:
    await notice_bot.say(
        "agendar Revisão amanhã às 15h", locale="pt-BR", timezone="America/Sao_Paulo"
    )

    [card] = await notice_bot.at(datetime(2026, 11, 26, 17, 50, tzinfo=UTC))  # 15h in São Paulo

    text = said(card)
    assert "Começa em 10 min" in text
    assert "15:00" in text
    # the same words as the meeting card's buttons (the pt_BR catalog: Teams' own "Ingressar")
    assert top_buttons(card) == ["Ingressar", "Adiar 5 min", "Reagendar", "Cancelar"]


async def test_snooze_reminds_again_in_five_minutes_once(notice_bot: NoticeBot) -> None:
    await notice_bot.say("schedule Budget review tomorrow 3pm")
    [reminder] = await notice_bot.at(TEN_BEFORE)
    snooze = invoke(action_data(reminder, "snooze"), notice_bot.service_url)

    first = (await notice_bot.post(snooze)).json()["value"]
    await notice_bot.post(snooze)  # a double click, maybe on another replica

    assert "remind you again at 2:55 PM" in said(first)
    assert await notice_bot.at(TEN_BEFORE + timedelta(minutes=4)) == []
    [again] = await notice_bot.at(TEN_BEFORE + timedelta(minutes=5))
    assert "Starts in 5 min" in said(again)
    assert await notice_bot.at(START) == []


async def test_a_conversation_the_bot_left_drops_the_reminder(notice_bot: NoticeBot) -> None:
    await notice_bot.say("schedule Budget review tomorrow 3pm")
    notice_bot.capture.gone.add("personal-conv-1")

    assert await notice_bot.at(TEN_BEFORE) == []

    store = notice_bot.runtime.store
    assert await store.references_of("11111111-2222-3333-4444-555555555555", USER_AAD) == []
    [job] = [j for j in [await store.job(n) for n in range(1, 5)] if j is not None]
    assert job.status is JobStatus.DROPPED
