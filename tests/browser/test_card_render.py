"""The bot's cards in the real Adaptive Cards renderer with Teams' light and dark host configs.

One row per card state: the buttons people must see, the texts they must read, the buttons
that must not be there. A row with `screenshot` writes <screenshot>-<theme>.png (into docs/
with UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.meetings.model import DialIn, Meeting
from cards import (
    Reading,
    confirm_card,
    error_card,
    help_card,
    list_card,
    meeting_card,
    schedule_form,
    teams_not_allowed_card,
)
from cards.compose import compose_form
from cards.listing import ListPage
from tests.browser.prereqs import screenshot_dir
from tests.browser.render import THEMES, CardRenderer, Theme

pytestmark = pytest.mark.asyncio(loop_scope="session")

DOCS = screenshot_dir()
BERLIN = ZoneInfo("Europe/Berlin")
LIST = {
    "list": {"after": "", "from": "2026-11-25T09:00:00+00:00", "to": "2026-12-02T09:00:00+00:00"}
}
CHICAGO = ZoneInfo("America/Chicago")
JOIN_URL = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
MEETING = Meeting(
    id="meeting-1",
    kind="online",
    subject="Weekly sync",
    start=datetime(2026, 11, 26, 14, 0, tzinfo=UTC),
    end=datetime(2026, 11, 26, 14, 30, tzinfo=UTC),
    join_url=JOIN_URL,
)


EVENT = replace(
    MEETING,
    id="event-1",
    kind="event",
    subject="Budget review",
    organizer_name="Jane Doe",
    attendees=("Ann Lee", "bob@contoso.com"),
    dial_in=DialIn("+1 425-555-0100", "123456789"),
)


@dataclass(frozen=True)
class CardCase:
    id: str
    build: Callable[[], dict[str, Any]]
    buttons: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    absent_buttons: tuple[str, ...] = ()
    absent_texts: tuple[str, ...] = ()
    screenshot: str | None = None
    # Warnings Teams' own extensions cause in the 1.5 renderer, named one by one.
    allowed_warnings: tuple[str, ...] = ()


CASES = (
    CardCase(
        "meeting",
        lambda: meeting_card(MEETING, BERLIN, "en-US"),
        buttons=("Join",),
        texts=("Weekly sync", "Nov 26, 2026", "3:00", "3:30", "Europe/Berlin", JOIN_URL),
        screenshot="meeting-card",
    ),
    CardCase(
        "meeting-german",
        lambda: meeting_card(MEETING, BERLIN, "de-DE"),
        buttons=("Teilnehmen", "Zum Kalender hinzufügen", "Verschieben", "Absagen"),
        texts=("Weekly sync", "Wann", "15:00", "15:30", "Teilnahmelink"),
        absent_buttons=("Join",),
        absent_texts=("PM", "When"),
    ),
    CardCase(
        "meeting-portuguese",
        lambda: meeting_card(EVENT, BERLIN, "pt-BR"),
        buttons=("Ingressar", "Reagendar", "Cancelar"),
        texts=("Budget review", "Quando", "26 de nov. de 2026", "Organizador", "Ligar para"),
        absent_buttons=("Join", "Cancel"),
        absent_texts=("When", "PM"),
    ),
    CardCase(
        "confirm",
        lambda: confirm_card(
            Reading("event", "Retro", MEETING.start, MEETING.end, ("ann@contoso.com",), CHICAGO),
            "“CST” can mean more than one time zone; I read America/Chicago",
            BERLIN,
            "en-US",
            {"command": "schedule"},
        ),
        buttons=("Create", "Change"),
        texts=("Retro", "Thu, Nov 26, 2026", "your time (Europe/Berlin)", "In America/Chicago"),
        screenshot="confirm-card",
    ),
    CardCase(
        "confirm-german",
        lambda: confirm_card(
            Reading("event", "Retro", MEETING.start, MEETING.end, ("ann@contoso.com",), CHICAGO),
            "„CST“ kann mehr als eine Zeitzone sein; ich habe America/Chicago verstanden",
            BERLIN,
            "de-DE",
            {"command": "schedule"},
        ),
        buttons=("Erstellen", "Ändern"),
        texts=("Stimmt das?", "Do., 26. Nov. 2026, 15:00", "deine Zeit", "Teilnehmer", "„CST“"),
        absent_buttons=("Create", "Change"),
    ),
    CardCase(
        "meeting-without-join-link",
        lambda: meeting_card(replace(MEETING, join_url=None), BERLIN, "en-US"),
        texts=("Weekly sync", "join link"),
        absent_buttons=("Join",),
    ),
    CardCase(
        "event-with-people-and-dial-in",
        lambda: meeting_card(EVENT, BERLIN, "en-US"),
        buttons=("Join", "Reschedule", "Cancel"),
        texts=("Budget review", "Jane Doe", "Ann Lee, bob@contoso.com", "+1 425-555-0100"),
        absent_buttons=("Add to calendar",),
    ),
    CardCase(
        "meeting-confirm-cancel",
        lambda: meeting_card(MEETING, BERLIN, "en-US", confirm_cancel=True),
        buttons=("Yes, cancel it", "Keep it"),
        texts=("Cancel this meeting?",),
        absent_buttons=("Join",),
    ),
    CardCase(
        "meeting-cancelled",
        lambda: meeting_card(replace(MEETING, cancelled=True), BERLIN, "en-US"),
        texts=("Cancelled", "Weekly sync"),
        absent_buttons=("Join", "Cancel"),
    ),
    CardCase(
        "list",
        lambda: list_card(
            [MEETING, replace(EVENT, join_url=None)],
            BERLIN,
            "en-US",
            "Your meetings",
            frozenset({MEETING.id}),
        ),
        buttons=("Join", "Cancel", "Add Teams link"),
        texts=("Your meetings", "Weekly sync", "Budget review", "No Teams link"),
    ),
    CardCase(
        "meeting-added-to-calendar",
        lambda: meeting_card(
            replace(MEETING, calendar_copy_id="event-9"),
            BERLIN,
            "en-US",
            notice="Added to your calendar, with the same join link.",
        ),
        buttons=("Join", "Reschedule", "Cancel"),
        texts=("Added to your calendar, with the same join link.",),
        absent_buttons=("Add to calendar",),
    ),
    CardCase(
        "meeting-reschedule-problem",
        lambda: meeting_card(MEETING, BERLIN, "en-US", problem="That time has already passed."),
        buttons=("Join", "Add to calendar"),
        texts=("That time has already passed.",),
    ),
    CardCase(
        "event-confirm-cancel",
        lambda: meeting_card(EVENT, BERLIN, "en-US", confirm_cancel=True),
        buttons=("Yes, cancel it", "Keep it"),
        texts=("Cancel this meeting? Everyone invited will be told.",),
    ),
    CardCase(
        "list-row-asks-to-cancel",
        lambda: list_card(
            [MEETING, EVENT],
            BERLIN,
            "en-US",
            "Your meetings",
            frozenset({MEETING.id, EVENT.id}),
            ListPage(context=LIST, confirm_id=EVENT.id),
        ),
        buttons=("Join", "Cancel", "Yes, cancel it", "Keep it"),
        texts=("Weekly sync", "Cancel this meeting? Everyone invited will be told."),
    ),
    CardCase(
        "list-row-cancelled-and-row-linked",
        lambda: list_card(
            [replace(MEETING, cancelled=True), EVENT],
            BERLIN,
            "en-US",
            "Your meetings",
            frozenset({MEETING.id}),
            ListPage(context=LIST, notices={EVENT.id: "Teams link added."}),
        ),
        buttons=("Join",),
        texts=("Cancelled", "Teams link added."),
        absent_buttons=("Cancel",),
    ),
    CardCase(
        "list-middle-page",
        lambda: list_card(
            [replace(MEETING, id=f"m{n}", subject=f"Sync {n}") for n in range(11, 21)],
            BERLIN,
            "en-US",
            "Your meetings",
            page=ListPage(context=LIST, offset=10, total=23, more=LIST, first=LIST),
        ),
        buttons=("More", "Back to the first"),
        texts=("11–20 of 23", "Sync 11", "Sync 20"),
    ),
    CardCase(
        "compose-form",
        lambda: compose_form(nonce="n1", locale="en-US"),
        buttons=("Create meeting",),
        texts=("New Teams meeting", "Subject", "Now", "At the date and time below"),
    ),
    CardCase(
        "compose-form-with-errors",
        lambda: compose_form(
            {"subject": "Retro", "when": "later", "date": "2026-11-20", "time": "09:00"},
            {"date": "That time has already passed. Pick a time in the future."},
            nonce="n1",
            locale="en-US",
        ),
        buttons=("Create meeting",),
        texts=("That time has already passed.",),
    ),
    CardCase(
        "schedule-form",
        lambda: schedule_form(
            {"subject": "", "date": "2026-11-26", "time": "10:00"},
            {"subject": "Give the meeting a subject."},
            locale="en-US",
        ),
        buttons=("Create meeting",),
        texts=("New meeting", "Give the meeting a subject."),
        # The Teams people picker: choices come from Data.Query at run time (Teams documents
        # it for 1.5 cards; the 1.5 renderer knows it only from 1.6 and sees no static choice).
        allowed_warnings=(
            'Property "choices.data" is supported in version 1.6',
            "An Input.ChoiceSet must have at least one choice defined",
        ),
    ),
    CardCase(
        "teams-not-allowed",
        lambda: teams_not_allowed_card("Planning", MEETING.start, MEETING.end, locale="en-US"),
        buttons=("Create a Teams link instead",),
        texts=("does not allow Teams meetings",),
    ),
    CardCase(
        "help",
        lambda: help_card("Hi! I create Teams meetings.", locale="en-US"),
        buttons=("meet now Design sync",),
        texts=("Meeting Bot", "Hi! I create Teams meetings.", "meet now Design sync"),
        # TextBlock markdown is rendered, as in Teams: no literal asterisks.
        absent_texts=("**",),
    ),
    CardCase(  # the longest words: every command, in German
        "help-german",
        lambda: help_card(locale="de-DE"),
        buttons=("Meeting jetzt Design-Abstimmung",),
        texts=("Erinnerungen und deine tägliche Agenda", "tägliche Agenda um 8:30 · Agenda aus"),
        absent_texts=("**",),
    ),
    CardCase(
        "hostile-subject-and-names",
        lambda: meeting_card(
            replace(
                EVENT,
                subject="[Verify](https://evil.example) **now**",
                organizer_name="_Eve_",
                attendees=("<b>x</b>", "- y"),
            ),
            BERLIN,
            "en-US",
        ),
        buttons=("Join",),
        texts=("[Verify](https://evil.example) **now**", "_Eve_", "<b>x</b>, - y"),
    ),
    CardCase(
        "error",
        lambda: error_card(
            "Graph refused the request.", "Ask your admin for access.", locale="en-US"
        ),
        texts=("Graph refused the request.", "Ask your admin for access."),
        absent_buttons=("Join",),
    ),
)

ROWS = [pytest.param(case, theme, id=f"{case.id}-{theme}") for case in CASES for theme in THEMES]


@pytest.mark.parametrize(("case", "theme"), ROWS)
async def test_card_renders_as_teams_shows_it(
    render_card: CardRenderer, case: CardCase, theme: Theme
) -> None:
    screenshot = DOCS / f"{case.screenshot}-{theme}.png" if case.screenshot else None

    result = await render_card(case.build(), theme, screenshot)

    unexpected = [w for w in result.warnings if not any(a in w for a in case.allowed_warnings)]
    assert unexpected == [], "\n".join(result.warnings)
    for title in case.buttons:
        assert title in result.buttons
    for title in case.absent_buttons:
        assert title not in result.buttons
    for fragment in case.texts:
        assert fragment in result.texts
    for fragment in case.absent_texts:
        assert fragment not in result.texts
    if screenshot is not None:
        assert screenshot.stat().st_size > 1000
    if case.id.startswith("hostile"):  # shown as written: no link or emphasis came from it
        assert 'href="https://evil.example' not in result.html
        assert "<strong>now</strong>" not in result.html
        assert "<em>Eve</em>" not in result.html


async def test_the_renderer_reports_what_teams_would_not_show(render_card: CardRenderer) -> None:
    """The harness itself: unknown elements and too-new card versions become warnings."""
    card = {
        "type": "AdaptiveCard",
        "version": "1.6",
        "body": [{"type": "Carousel2000"}, {"type": "TextBlock", "text": "still here"}],
        "actions": [{"type": "Action.OpenUrl", "title": "Open", "url": "https://example.com"}],
    }

    result = await render_card(card, "light", None)

    assert any("UnknownElementType" in w for w in result.warnings)
    assert any("UnsupportedCardVersion" in w for w in result.warnings)


async def test_buttons_and_texts_come_from_the_rendered_card(render_card: CardRenderer) -> None:
    card = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "Hello **there**", "wrap": True}],
        "actions": [
            {"type": "Action.OpenUrl", "title": "Join", "url": JOIN_URL},
            {"type": "Action.Submit", "title": "Later", "data": {"action": "later"}},
        ],
    }

    result = await render_card(card, "dark", None)

    assert result.warnings == []
    assert result.buttons == ["Join", "Later"]
    assert result.texts.splitlines()[0] == "Hello there"
    assert "<strong>there</strong>" in result.html
