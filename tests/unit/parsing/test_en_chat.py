"""English written as chat (issue 11): polite and conversational wrappers, questions for the
agenda, attendees, subjects that hold "with" or a time, and command words one typo away."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

E = Lang("en-US", "Europe/Berlin", "+01:00", "Retro")
TYPO = ("command",)

WRAPPERS = [
    E.unsure(
        "could-you-book",
        "could you book a call with ann@x.com on monday at 11?",
        "30T11:00",
        "30T11:30",
        ("am_pm",),
        "Meeting with Ann",
        "ann@x.com",
    ),
    E.sure(
        "please-set-up-thank-you",
        "please set up a sync with ann@x.com friday 10am, thank you",
        "27T10:00",
        "27T10:30",
        "sync",
        "ann@x.com",
    ),
    E.sure(
        "pls-quick-chat-w/",
        "pls set up a quick chat w/ bob@x in 20 mins",
        "25T10:20",
        "25T10:50",
        "quick chat",
        "bob@x",
    ),
    E.sure("lets-meet", "let's meet tomorrow at 3pm", "26T15:00", "26T15:30", None, kind="meeting"),
    E.sure("can-we-do-a-call", "can we do a call tomorrow at 3pm?", "26T15:00", "26T15:30", None),
    E.sure("hey-bot", "hey bot, schedule Retro tomorrow 3pm", "26T15:00", "26T15:30"),
    E.sure("i-need-to", "I need to schedule Retro tomorrow 3pm", "26T15:00", "26T15:30"),
    E.sure("trailing-thanks", "schedule Retro tomorrow 3pm thanks", "26T15:00", "26T15:30"),
    E.sure("trailing-thx", "schedule Retro tomorrow 3pm, thx!", "26T15:00", "26T15:30"),
    E.sure("kindly", "kindly book Retro tomorrow 3pm", "26T15:00", "26T15:30"),
    E.sure("would-you", "would you please schedule Retro tomorrow 3pm?", "26T15:00", "26T15:30"),
    E.sure(
        "lets-have",
        "let's have a call with ann@x.com tomorrow 3pm",
        "26T15:00",
        "26T15:30",
        "Meeting with Ann",
        "ann@x.com",
    ),
]

AGENDA = [
    E.day("whats-on-tomorrow", "what's on tomorrow", "26", "27"),
    E.day("what-do-i-have-on-friday", "what do I have on friday?", "27", "28"),
    E.day("what-do-i-have-this-week", "what do I have this week", "23", "30"),
    E.day("whats-on-my-calendar-today", "what's on my calendar today?", "25", "26"),
    E.day("what-have-i-got-monday", "what have I got on Monday", "30", "12-01"),
    E.day("whats-on-next-week", "what's on next week?", "30", "12-07"),
]

PEOPLE = [
    E.sure(
        "three-emails",
        "schedule Retro with ann@x.com, bob@x.com and carl@x.com tomorrow 3pm",
        "26T15:00",
        "26T15:30",
        "Retro",
        "ann@x.com",
        "bob@x.com",
        "carl@x.com",
    ),
    E.sure(
        "cc",
        "schedule Retro tomorrow 3pm cc ann@x.com",
        "26T15:00",
        "26T15:30",
        "Retro",
        "ann@x.com",
    ),
    E.sure(
        "w/",
        "schedule Retro w/ ann@x.com tomorrow 3pm",
        "26T15:00",
        "26T15:30",
        "Retro",
        "ann@x.com",
    ),
    E.sure(
        "invite-list",
        "schedule Retro tomorrow 3pm inviting ann@x.com & bob@x.com",
        "26T15:00",
        "26T15:30",
        "Retro",
        "ann@x.com",
        "bob@x.com",
    ),
    E.sure(
        "mentions-joined-by-and",
        "schedule Retro with <at>Ann Lee</at> and <at>Bob</at> tomorrow 3pm",
        "26T15:00",
        "26T15:30",
        "Retro",
        "29:ann",
        "29:bob",
    ),
    E.sure(
        "lunch-with-marketing",
        "schedule Lunch with marketing tomorrow 12pm",
        "26T12:00",
        "26T12:30",
        "Lunch with marketing",
    ),
    E.sure(
        "review-of-the-5pm-cutoff",
        "schedule Review of the 5pm cutoff tomorrow 10am",
        "26T10:00",
        "26T10:30",
        "Review of the 5pm cutoff",
    ),
    E.sure(
        "names-with-and",
        "schedule Retro with Ann and Bob tomorrow 3pm",
        "26T15:00",
        "26T15:30",
        "Retro with Ann and Bob",
    ),
    E.sure(
        "only-names",
        "schedule with Ann and Bob tomorrow 3pm",
        "26T15:00",
        "26T15:30",
        "Meeting with Ann and Bob",
    ),
    E.refused(
        "two-real-times",
        "schedule Retro 5pm tomorrow 10am",
        "schedule",
        "I found two times, “5pm” and “10am”",
    ),
]

COMMAND_TYPOS = [
    E.unsure(
        "meet-nwo",
        "meet nwo",
        "25T10:00",
        "25T10:30",
        TYPO,
        None,
        kind="meet_now",
        confirm="I read “meet nwo” as the command “meet now”",
    ),
    E.unsure("shedule", "shedule Retro tomorrow 3pm", "26T15:00", "26T15:30", TYPO),
    E.unsure("scheudle", "scheudle Retro tomorrow 3pm", "26T15:00", "26T15:30", TYPO),
    E.unsure("cancle", "cancle Retro", None, None, TYPO, kind="cancel"),
    E.unsure(
        "my-meetigns", "my meetigns tomorrow", "26T00:00", "27T00:00", TYPO, None, kind="list"
    ),
    E.unsure("halp", "halp", None, None, TYPO, None, kind="help"),
    E.sure(
        "meet-new-hires-is-no-typo",
        "meet new hires",
        "25T10:00",
        "25T10:30",
        "new hires",
        kind="meet_now",
    ),
    E.refused("hello-is-no-command", "hello there", "unknown", "I didn't understand “hello there”"),
]

ROWS = [*WRAPPERS, *AGENDA, *PEOPLE, *COMMAND_TYPOS]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_english_chat(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
