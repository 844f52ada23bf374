"""The daily agenda end to end, with the clock moved by hand: `agenda daily at 8:30` posts the
day's meetings from Graph's calendarView (also those the bot did not create) with Join, or
"nothing today", on weekdays only, in the user's zone; `agenda off` stops it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.activities import USER_AAD
from tests.support.cardtext import join_urls
from tests.support.notices import NoticeBot, said
from tests.support.servers import Emulator

#: 8:30 in Berlin (UTC+1) on Thursday 26 November 2026, and the days after.
THURSDAY = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)
FRIDAY = THURSDAY + timedelta(days=1)
SATURDAY = THURSDAY + timedelta(days=2)
MONDAY = THURSDAY + timedelta(days=4)


async def seed_event(emulator: Emulator, subject: str, start: str, end: str) -> None:
    """An event the user made in Outlook, not through the bot."""
    response = await emulator.control.post(
        f"/_emulator/users/{USER_AAD}/events",
        json={
            "subject": subject,
            "start": {"dateTime": start, "timeZone": "Europe/Berlin"},
            "end": {"dateTime": end, "timeZone": "Europe/Berlin"},
            "isOnlineMeeting": True,
            "onlineMeetingProvider": "teamsForBusiness",
        },
    )
    assert response.status_code == 201, response.text


async def test_the_agenda_lists_the_days_meetings_on_weekdays(
    notice_bot: NoticeBot, emulator: Emulator
) -> None:
    answer = await notice_bot.say("agenda daily at 8:30")
    assert "Every weekday at 8:30 AM (Europe/Berlin)" in said(answer)
    await seed_event(emulator, "Design review", "2026-11-26T11:00:00", "2026-11-26T12:00:00")
    await notice_bot.say("meeting Standup tomorrow 9:30")
    await notice_bot.say("schedule Budget review tomorrow 3pm")

    assert await notice_bot.at(THURSDAY - timedelta(seconds=1)) == []
    [agenda] = await notice_bot.at(THURSDAY)
    assert await notice_bot.at(THURSDAY + timedelta(minutes=5)) == []

    text = said(agenda)
    assert "Your meetings today" in text
    order = [text.index(s) for s in ("Standup", "Design review", "Budget review")]
    assert order == sorted(order)
    assert "11:00 AM" in text  # Berlin
    assert len(join_urls(agenda)) == 3

    [friday] = await notice_bot.at(FRIDAY)
    assert "Nothing on your calendar today." in said(friday)
    assert await notice_bot.at(SATURDAY) == []
    assert await notice_bot.at(SATURDAY + timedelta(days=1)) == []
    [monday] = await notice_bot.at(MONDAY)
    assert "Nothing on your calendar today." in said(monday)


async def test_agenda_off_stops_it_and_a_new_time_replaces_the_old(notice_bot: NoticeBot) -> None:
    await notice_bot.say("agenda daily at 8:30")
    await notice_bot.say("agenda daily at 9:15")

    assert await notice_bot.at(THURSDAY) == []
    [agenda] = await notice_bot.at(THURSDAY + timedelta(minutes=45))
    assert "Nothing on your calendar today." in said(agenda)

    off = await notice_bot.say("agenda off")
    assert "daily agenda is off" in said(off)
    assert await notice_bot.at(FRIDAY + timedelta(hours=2)) == []


async def test_the_agenda_in_french(notice_bot: NoticeBot) -> None:
    answer = await notice_bot.say("agenda quotidien à 8h30", locale="fr-FR")

    assert "Chaque jour ouvré à 08:30 (Europe/Berlin)" in said(answer)
    [agenda] = await notice_bot.at(THURSDAY)
    assert "Rien dans votre calendrier aujourd'hui." in said(agenda)  # as the listing says
