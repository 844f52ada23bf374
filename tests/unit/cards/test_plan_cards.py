"""Issue 16's cards: slots, the poll, meeting options and series — valid Adaptive Card 1.5,
saying what a person needs to read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.meetings.slots import Slot
from cards import list_card, meeting_card, poll_card, slots_card
from cards.listing import ListPage
from cards.recurrence import rule_in_words
from tests.support.card_schema import assert_valid_card
from tests.support.cardtext import actions, buttons, card_text
from tests.unit.cards.test_cards import BERLIN, EVENT_MEETING, ONLINE_MEETING, START

HALF = timedelta(minutes=30)
SLOTS = [Slot(START + i * HALF, START + (i + 1) * HALF) for i in (0, 2, 3)]
BUSY = [replace(s, busy=("Ann Lee", "Bob")) for s in SLOTS]
WEEKDAYS = {
    "pattern": {
        "type": "weekly",
        "interval": 1,
        "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
    },
    "range": {"type": "endDate", "startDate": "2026-11-26", "endDate": "2027-03-31"},
}
SERIES = replace(EVENT_MEETING, recurrence=WEEKDAYS)
OPTIONS = replace(
    ONLINE_MEETING,
    options={
        "lobby": "organization",
        "presenters": "organizer",
        "record": True,
        "chat": "disabled",
    },
    outsiders=("ann@fabrikam.com",),
)


@dataclass(frozen=True)
class PollSlot:
    start: datetime
    end: datetime
    voters: tuple[str, ...] = ()


POLL_SLOTS = [
    PollSlot(START, START + HALF, ("Jane", "Megan")),
    PollSlot(START + HALF, START + 2 * HALF),
]


def poll(**kw: Any) -> dict[str, Any]:
    return poll_card("p1", "Sync", HALF, POLL_SLOTS, BERLIN, "en-US", **kw)


CARDS: dict[str, Callable[[], dict[str, Any]]] = {
    "slots-free": lambda: slots_card(SLOTS, BERLIN, "en-US", length=HALF, everyone_free=True),
    "slots-busy": lambda: slots_card(
        BUSY, BERLIN, "en-US", length=HALF, everyone_free=False, unreadable=("x@fabrikam.com",)
    ),
    "slots-none": lambda: slots_card([], BERLIN, "en-US", length=HALF, everyone_free=False),
    "poll": lambda: poll(refresh_ids=["29:a", "29:b"], waiting=["Adele"], mine=frozenset({0})),
    "poll-creator": lambda: poll(refresh_ids=["29:a"], is_creator=True),
    "poll-too-big": lambda: poll(refresh_ids=None),
    "poll-booked": lambda: poll(refresh_ids=["29:a"], booked=EVENT_MEETING),
    "meeting-series": lambda: meeting_card(SERIES, BERLIN, "en-US"),
    "meeting-series-cancel": lambda: meeting_card(SERIES, BERLIN, "en-US", confirm_cancel=True),
    "meeting-options": lambda: meeting_card(OPTIONS, BERLIN, "en-US"),
}


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_new_card_is_valid_adaptive_card_1_5(name: str) -> None:
    assert_valid_card(CARDS[name]())


def test_slots_are_buttons_that_carry_their_times_and_name_who_is_busy() -> None:
    card = slots_card(
        BUSY, BERLIN, "en-US", length=HALF, everyone_free=False, booking={"subject": "Sync"}
    )
    assert "Nobody is free at the same time" in card_text(card)
    assert card_text(card).count("Busy: Ann Lee, Bob") == 3
    data = [a["data"] for a in actions(card)]
    assert [d["start"] for d in data] == [s.start.isoformat() for s in SLOTS]
    assert {d["subject"] for d in data} == {"Sync"}


def test_a_poll_refreshes_for_its_members_or_says_it_cannot() -> None:
    small = poll(refresh_ids=["29:a", "29:b"])
    assert small["refresh"]["userIds"] == ["29:a", "29:b"]
    assert "Refresh" not in [a["title"] for a in small.get("actions", [])]
    big = poll(refresh_ids=None)
    assert "refresh" not in big
    assert "more than 60 people" in card_text(big)
    assert "Refresh" in buttons(big)
    assert "Jane, Megan" in card_text(small)
    assert "Book the winner" in buttons(poll(refresh_ids=["29:a"], is_creator=True))


def test_options_in_force_and_the_lobby_warning() -> None:
    text = card_text(meeting_card(OPTIONS, BERLIN, "en-US"))
    assert "Lobby: people from my organisation skip it" in text
    assert "Presenters: only me" in text
    assert "ann@fabrikam.com is from outside your organisation" in text
    open_lobby = replace(OPTIONS, options={"lobby": "everyone"})
    assert "outside your organisation" not in card_text(meeting_card(open_lobby, BERLIN, "en-US"))


@pytest.mark.parametrize(
    ("pattern", "span", "words"),
    [
        (WEEKDAYS["pattern"], WEEKDAYS["range"], "Every weekday at 15:00, until 31 Mar"),
        (
            {"type": "weekly", "interval": 2, "daysOfWeek": ["tuesday"]},
            {"type": "noEnd"},
            "Every other Tuesday at 15:00",
        ),
        (
            {"type": "daily", "interval": 1},
            {"type": "numbered", "numberOfOccurrences": 10},
            "Every day at 15:00, 10 times",
        ),
        (
            {"type": "relativeMonthly", "interval": 1, "daysOfWeek": ["monday"], "index": "first"},
            {"type": "noEnd"},
            "Monthly on the first Monday at 15:00",
        ),
        (
            {"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 15},
            {"type": "noEnd"},
            "Monthly on day 15 at 15:00",
        ),
        (
            {"type": "weekly", "interval": 1, "daysOfWeek": ["wednesday", "monday"]},
            {"type": "endDate", "endDate": "2028-01-31"},
            "Every Monday and Wednesday at 15:00, until 31 Jan 2028",
        ),
    ],
    ids=["weekdays-until", "every-other", "ten-times", "first-monday", "day-15", "two-days-far"],
)
def test_the_rule_in_words(pattern: dict[str, Any], span: dict[str, Any], words: str) -> None:
    """In British English: the English words with a 24-hour clock and day-month dates."""
    assert rule_in_words({"pattern": pattern, "range": span}, START, BERLIN, "en-GB") == words


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en-US", "Monthly on the first Monday at 3:00\u202fPM, until Mar 31"),
        ("pt-BR", "Todo mês na primeira segunda-feira às 15:00, até 31 de mar."),
        ("es-ES", "Cada mes el primer lunes a las 15:00, hasta el 31 mar"),
        ("de-DE", "Monatlich am ersten Montag um 15:00, bis 31. März"),
        ("fr-FR", "Tous les mois le premier lundi à 15:00, jusqu'au 31 mars"),
    ],
)
def test_the_rule_in_the_viewers_language(locale: str, words: str) -> None:
    """Weekday and month names and the time and date formats are the locale's (CLDR)."""
    pattern = {"type": "relativeMonthly", "interval": 1, "daysOfWeek": ["monday"], "index": "first"}
    recurrence = {"pattern": pattern, "range": WEEKDAYS["range"]}
    assert rule_in_words(recurrence, START, BERLIN, locale) == words


def test_a_series_card_says_its_rule_and_asks_this_one_or_all() -> None:
    assert "Repeats: Every weekday at 15:00, until 31 Mar" in card_text(
        meeting_card(SERIES, BERLIN, "en-GB")
    )
    asked = meeting_card(SERIES, BERLIN, "en-US", confirm_cancel=True)
    assert "or the whole series?" in card_text(asked)
    scopes = [
        a["data"].get("scope") for a in actions(asked) if a["data"]["action"] == "cancel_confirmed"
    ]
    assert scopes == ["one", "series"]
    assert START.tzinfo is UTC


def test_reschedule_says_whether_it_moves_the_series_or_one_meeting() -> None:
    def move(meeting: Any) -> list[str]:
        return [b for b in buttons(meeting_card(meeting, BERLIN, "en-US")) if b.startswith("Move")]

    assert move(SERIES) == ["Move the whole series"]
    assert move(replace(SERIES, id="occ", series_id="e1")) == ["Move only this meeting"]
    assert move(EVENT_MEETING) == ["Move meeting"]


@pytest.mark.parametrize("row", [SERIES, replace(SERIES, id="occ", series_id="e1")])
def test_a_series_row_of_a_list_asks_this_one_or_all_never_a_plain_yes(row: Any) -> None:
    """A plain "Yes, cancel it" in a list's row would cancel every meeting of the series."""
    asked = list_card(
        [row], BERLIN, "en-US", "Yours", frozenset({row.id}), ListPage(confirm_id=row.id)
    )
    assert_valid_card(asked)
    assert "or the whole series?" in card_text(asked)
    scopes = [
        a["data"].get("scope") for a in actions(asked) if a["data"]["action"] == "cancel_confirmed"
    ]
    assert scopes == ["one", "series"]
    assert "Yes, cancel it" not in buttons(asked)
