"""Every card the bot can send, in every state: valid Adaptive Card 1.5, saying the right thing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.meetings.model import EVENT, ONLINE, DialIn, Meeting
from cards import (
    Reading,
    confirm_card,
    error_card,
    help_card,
    list_card,
    meeting_card,
    notice_card,
    schedule_form,
    teams_not_allowed_card,
)
from cards.compose import compose_form
from cards.listing import ListPage
from cards.reminder import agenda_card, reminder_card
from tests.support.card_schema import assert_valid_card, card_errors
from tests.support.cardtext import action_data, actions, buttons, card_text, join_urls

BERLIN = ZoneInfo("Europe/Berlin")
JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)  # 15:00 in Berlin

ONLINE_MEETING = Meeting(
    id="m1",
    kind=ONLINE,
    subject="Design sync",
    start=START,
    end=START + timedelta(minutes=30),
    join_url=JOIN,
    organizer_id="u1",
    organizer_name="Jane Doe",
    dial_in=DialIn("+1 425-555-0100", "123456789"),
)
EVENT_MEETING = replace(
    ONLINE_MEETING,
    id="e1",
    kind=EVENT,
    subject="Budget review",
    dial_in=None,
    attendees=("Ann Lee", "bob@contoso.com"),
)
NO_LINK = replace(EVENT_MEETING, join_url=None)
CANCELLED = replace(ONLINE_MEETING, cancelled=True)
LIST = {"list": {"after": "", "name": "Review"}}
CHICAGO = ZoneInfo("America/Chicago")
READING = Reading(EVENT, "Retro", START, START + timedelta(minutes=30), ("ann@contoso.com",))
ASKED = {"command": "schedule", "subject": "Retro", "asker": "u1"}

CARDS: dict[str, Callable[[], dict[str, Any]]] = {
    "meeting-online": lambda: meeting_card(ONLINE_MEETING, BERLIN, "en-US"),
    "meeting-event": lambda: meeting_card(EVENT_MEETING, BERLIN, "en-US"),
    "meeting-no-link-yet": lambda: meeting_card(NO_LINK, BERLIN, "en-US"),
    "meeting-confirm-cancel": lambda: meeting_card(
        ONLINE_MEETING, BERLIN, "en-US", confirm_cancel=True
    ),
    "meeting-cancelled": lambda: meeting_card(CANCELLED, BERLIN, "en-US"),
    "meeting-notice": lambda: meeting_card(ONLINE_MEETING, BERLIN, "en-US", notice="Moved."),
    "meeting-problem": lambda: meeting_card(ONLINE_MEETING, BERLIN, "en-US", problem="Passed."),
    "meeting-caution": lambda: meeting_card(ONLINE_MEETING, BERLIN, "en-US", caution="Check."),
    "meeting-in-calendar": lambda: meeting_card(
        replace(ONLINE_MEETING, calendar_copy_id="ev-1"), BERLIN, "en-US", notice="Added."
    ),
    "meeting-confirm-cancel-event": lambda: meeting_card(
        EVENT_MEETING, BERLIN, "en-US", confirm_cancel=True
    ),
    "meeting-named-zone": lambda: meeting_card(EVENT_MEETING, BERLIN, "en-US", named_zone=CHICAGO),
    "confirm": lambda: confirm_card(
        READING, "“at 5” could be 05:00 or 17:00", BERLIN, "en-US", ASKED
    ),
    "confirm-zone-pt": lambda: confirm_card(
        replace(READING, named_zone=CHICAGO),
        "“CST” pode ser mais de um fuso",
        BERLIN,
        "pt-BR",
        ASKED,
    ),
    "confirm-now-de": lambda: confirm_card(
        replace(READING, kind="now"), "„meet nwo“", BERLIN, "de-DE", ASKED
    ),
    "reminder-de": lambda: reminder_card(
        ONLINE_MEETING, BERLIN, "de-DE", START - timedelta(minutes=10), notice="Später."
    ),
    "agenda-pt": lambda: agenda_card([ONLINE_MEETING, NO_LINK], BERLIN, "pt-PT"),
    "agenda-empty-fr": lambda: agenda_card([], BERLIN, "fr-FR"),
    "list-empty": lambda: list_card([], BERLIN, "en-US", "Your meetings"),
    "list-notice": lambda: list_card(
        [ONLINE_MEETING], BERLIN, "en-US", "Your meetings", caution="I read “tomorow”"
    ),
    "list-mixed": lambda: list_card(
        [ONLINE_MEETING, EVENT_MEETING, NO_LINK],
        BERLIN,
        "en-US",
        "Your meetings",
        frozenset({"m1"}),
    ),
    "list-long": lambda: list_card(
        [replace(ONLINE_MEETING, id=str(i)) for i in range(30)], BERLIN, "en-US", "Yours"
    ),
    "list-row-asks": lambda: list_card(
        [ONLINE_MEETING, EVENT_MEETING],
        BERLIN,
        "en-US",
        "Yours",
        frozenset({"m1", "e1"}),
        ListPage(context=LIST, confirm_id="e1"),
    ),
    "list-row-cancelled-and-linked": lambda: list_card(
        [CANCELLED, EVENT_MEETING],
        BERLIN,
        "en-US",
        "Yours",
        frozenset({"m1"}),
        ListPage(context=LIST, notices={"e1": "Teams link added."}),
    ),
    "list-middle-page": lambda: list_card(
        [replace(ONLINE_MEETING, id=str(i)) for i in range(10)],
        BERLIN,
        "en-US",
        "Yours",
        page=ListPage(context=LIST, offset=10, total=25, more=LIST, first=LIST),
    ),
    "help": lambda: help_card(locale="en-US"),
    "help-intro": lambda: help_card("I did not understand “blah”.", locale="en-US"),
    "error": lambda: error_card("What went wrong.", "What to do.", "meet now", locale="en-US"),
    "notice": lambda: notice_card("Signed out", "You are signed out."),
    "teams-not-allowed": lambda: teams_not_allowed_card(
        "Budget review", START, START + timedelta(hours=1), locale="en-US"
    ),
    "form-empty": lambda: schedule_form(locale="en-US"),
    "form-with-errors": lambda: schedule_form(
        {
            "subject": "",
            "date": "2026-11-20",
            "time": "09:00",
            "duration": "45",
            "attendees": "aad-1,aad-2",
            "invite": "link",
        },
        {"subject": "Give the meeting a subject.", "date": "That time has already passed."},
        locale="en-US",
    ),
}


#: The compose box's form: a dialog's Action.Submit, routed by the invoke's name, not a verb.
DIALOGS: dict[str, Callable[[], dict[str, Any]]] = {
    "compose-form": lambda: compose_form(nonce="n1", locale="en-US"),
    "compose-form-with-errors": lambda: compose_form(
        {"subject": "Retro", "when": "later", "date": "2026-11-20", "time": "09:00"},
        {"date": "That time has already passed.", "form": "Microsoft Graph is busy."},
        nonce="n1",
        locale="en-US",
    ),
}


@pytest.mark.parametrize("name", sorted(CARDS) + sorted(DIALOGS))
def test_every_card_is_valid_adaptive_card_1_5_for_teams(name: str) -> None:
    assert_valid_card({**CARDS, **DIALOGS}[name]())


def test_the_compose_form_keeps_input_errors_and_its_nonce() -> None:
    card = DIALOGS["compose-form-with-errors"]()
    values = {node["id"]: node.get("value") for node in _inputs(card)}
    assert values == {
        "subject": "Retro",
        "when": "later",
        "date": "2026-11-20",
        "time": "09:00",
        "duration": "30",
    }
    assert "That time has already passed." in card_text(card)
    assert "Microsoft Graph is busy." in card_text(card)
    [create] = actions(card)
    assert (create["type"], create["data"]) == ("Action.Submit", {"nonce": "n1"})


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_button_carries_an_action_verb(name: str) -> None:
    for action in actions(CARDS[name]()):
        if action["type"] in ("Action.Execute", "Action.Submit"):
            assert action["data"]["action"], action
        if action["type"] == "Action.Execute":
            assert action["verb"] == action["data"]["action"]


def test_the_schema_check_itself_catches_mistakes() -> None:
    card = meeting_card(ONLINE_MEETING, BERLIN, "en-US")
    card["body"][0]["sizee"] = "Large"
    card["msteams"] = {"width": "Huge"}
    errors = card_errors(card)
    assert any("sizee" in e for e in errors)
    assert any("msteams" in e for e in errors)


def test_meeting_card_shows_subject_time_zone_people_dial_in_and_join() -> None:
    card = meeting_card(ONLINE_MEETING, BERLIN, "en-US")
    text = card_text(card)
    assert "Design sync" in text
    assert "Nov 26, 2026, 3:00\u202fPM – 3:30\u202fPM" in text
    assert "Europe/Berlin" in text
    assert "Jane Doe" in text
    assert "+1 425-555-0100" in text
    assert "123456789" in text
    assert JOIN in text  # selectable, to copy
    assert join_urls(card) == [JOIN]
    assert buttons(card)[:1] == ["Join"]
    assert {"Add to calendar", "Reschedule", "Cancel"} <= set(buttons(card))


def test_calendar_event_card_has_no_add_to_calendar_and_lists_attendees() -> None:
    card = meeting_card(EVENT_MEETING, BERLIN, "en-US")
    assert "Add to calendar" not in buttons(card)
    assert "Ann Lee, bob@contoso.com" in card_text(card)


def test_reschedule_shows_inputs_prefilled_with_the_current_time() -> None:
    card = meeting_card(ONLINE_MEETING, BERLIN, "en-US")
    [show] = [a for a in actions(card) if a.get("title") == "Reschedule"]
    inputs = {i["id"]: i.get("value") for i in show["card"]["body"]}
    assert inputs == {"date": "2026-11-26", "time": "15:00", "duration": "30"}
    assert action_data(show["card"], "reschedule") == {
        "action": "reschedule",
        "kind": ONLINE,
        "id": "m1",
    }


def test_cancel_asks_first_then_the_card_says_cancelled_without_join() -> None:
    confirm = meeting_card(ONLINE_MEETING, BERLIN, "en-US", confirm_cancel=True)
    assert "Cancel this meeting?" in card_text(confirm)
    assert {"Yes, cancel it", "Keep it"} <= set(buttons(confirm))
    cancelled = meeting_card(CANCELLED, BERLIN, "en-US")
    assert "Cancelled" in card_text(cancelled)
    assert join_urls(cancelled) == []
    assert buttons(cancelled) == []


def test_missing_join_link_is_said_not_shown_as_a_broken_button() -> None:
    card = meeting_card(NO_LINK, BERLIN, "en-US")
    assert join_urls(card) == []
    assert "not provided a join link" in card_text(card)


def test_list_card_marks_teams_links_and_offers_the_right_buttons() -> None:
    card = list_card(
        [ONLINE_MEETING, EVENT_MEETING, NO_LINK], BERLIN, "en-US", "Yours", frozenset({"m1"})
    )
    text = card_text(card)
    assert text.count("🎥 Teams") == 2
    assert "No Teams link" in text
    assert buttons(card) == ["Join", "Cancel", "Join", "Add Teams link"]


def test_a_list_row_asks_to_cancel_in_place_and_every_button_names_the_list() -> None:
    card = CARDS["list-row-asks"]()
    assert buttons(card) == ["Join", "Cancel", "Yes, cancel it", "Keep it"]
    assert "Cancel this meeting? Everyone invited will be told." in card_text(card)
    for action in actions(card):
        if action["type"] == "Action.Execute":
            assert action["data"]["list"] == LIST["list"]


def test_a_cancelled_row_says_so_without_buttons_and_good_news_is_green() -> None:
    card = CARDS["list-row-cancelled-and-linked"]()
    first, second = (node for node in card["body"] if node["type"] == "Container")
    assert "Cancelled" in card_text({"body": [first]})
    assert buttons({"body": [first]}) == []
    [notice] = [i for i in second["items"] if i.get("text") == "Teams link added."]
    assert notice["color"] == "Good"


def test_a_page_of_a_long_list_says_where_it_is_and_offers_more() -> None:
    card = CARDS["list-middle-page"]()
    assert "11–20 of 25" in card_text(card)
    assert [a["title"] for a in card["actions"]] == ["More", "Back to the first"]
    assert card["actions"][0]["data"] == {"action": "list_page", **LIST}
    unpaged = CARDS["list-long"]()
    assert len([n for n in unpaged["body"] if n["type"] == "Container"]) == 10
    assert "1–10 of 30" in card_text(unpaged)


def test_help_examples_are_submit_buttons_sending_the_command_text() -> None:
    card = help_card(locale="en-US")
    *examples, new_meeting = actions(card)
    assert examples
    for action in examples:
        assert action["type"] == "Action.Submit"
        assert action["data"] == {"action": "run", "text": action["title"]}
        assert "@" not in action["data"]["text"]  # an example invites nobody
        assert len(action["title"]) <= 36  # fits a button without being cut off
    # A new message with the form: a Universal Action would replace the help card.
    assert new_meeting["type"] == "Action.Submit"
    assert (new_meeting["title"], new_meeting["data"]) == ("New meeting…", {"action": "open_form"})


@pytest.mark.parametrize(
    ("meeting", "question"),
    [
        (EVENT_MEETING, "Cancel this meeting? Everyone invited will be told."),
        (replace(EVENT_MEETING, attendees=()), "Cancel this meeting? It leaves your calendar."),
        (
            ONLINE_MEETING,
            "Cancel this meeting? Teams tells no one: a link-only meeting sends no invitations.",
        ),
        (
            replace(ONLINE_MEETING, calendar_copy_id="ev-1"),
            "Cancel this meeting? Teams tells no one: a link-only meeting sends no invitations. "
            "Its copy leaves your calendar.",
        ),
    ],
    ids=["event-with-attendees", "event-alone", "link-only", "link-with-calendar-copy"],
)
def test_the_cancel_question_says_only_what_will_happen(meeting: Meeting, question: str) -> None:
    card = meeting_card(meeting, BERLIN, "en-US", confirm_cancel=True)
    assert question in card_text(card).splitlines()


def test_add_to_calendar_is_offered_until_the_meeting_has_a_calendar_copy() -> None:
    assert "Add to calendar" in buttons(meeting_card(ONLINE_MEETING, BERLIN, "en-US"))
    copied = replace(ONLINE_MEETING, calendar_copy_id="ev-1")
    assert "Add to calendar" not in buttons(meeting_card(copied, BERLIN, "en-US"))


def test_notices_are_good_news_and_problems_attention() -> None:
    card = meeting_card(ONLINE_MEETING, BERLIN, "en-US", notice="Added.", problem=None)
    assert card["body"][0] == {
        "type": "TextBlock",
        "text": "Added.",
        "wrap": True,
        "color": "Good",
        "weight": "Bolder",
    }
    card = meeting_card(ONLINE_MEETING, BERLIN, "en-US", problem="That time has passed.")
    assert card["body"][0]["color"] == "Attention"
    card = meeting_card(ONLINE_MEETING, BERLIN, "en-US", caution="Please check: “5”")
    assert card["body"][0]["color"] == "Warning"  # how an unsure request was read


def test_form_keeps_input_and_shows_errors_next_to_fields() -> None:
    card = CARDS["form-with-errors"]()
    text = card_text(card)
    assert "Give the meeting a subject." in text
    assert "That time has already passed." in text
    values = {node["id"]: node.get("value") for node in _inputs(card)}
    assert values["date"] == "2026-11-20"
    assert values["time"] == "09:00"
    assert values["duration"] == "45"
    assert values["attendees"] == "aad-1,aad-2"
    assert values["invite"] == "link"


def test_form_has_the_teams_people_picker() -> None:
    [picker] = [i for i in _inputs(schedule_form(locale="en-US")) if i["id"] == "attendees"]
    assert picker["choices.data"] == {"type": "Data.Query", "dataset": "graph.microsoft.com/users"}
    assert picker["isMultiSelect"] is True


@pytest.mark.parametrize(
    ("locale", "when"),
    [
        ("en-US", "Nov 26, 2026, 3:00\u202fPM – 3:30\u202fPM"),
        ("de-DE", "26.11.2026, 15:00 – 15:30"),
        ("pt-BR", "26 de nov. de 2026, 15:00 – 15:30"),
    ],
    ids=["en-US", "de-DE", "pt-BR"],
)
def test_meeting_card_dates_follow_the_viewers_locale(locale: str, when: str) -> None:
    card = meeting_card(ONLINE_MEETING, BERLIN, locale)
    assert when in card_text(card)


def test_unknown_locale_falls_back_to_english() -> None:
    assert "Nov 26, 2026" in card_text(meeting_card(ONLINE_MEETING, BERLIN, "xx-QQ"))


def test_confirmation_card_says_back_the_reading_and_offers_create_and_change() -> None:
    card = confirm_card(
        replace(READING, named_zone=CHICAGO), "“CST” is ambiguous", BERLIN, "en-US", ASKED
    )
    text = card_text(card)
    assert "Retro" in text
    assert "When: Thu, Nov 26, 2026, 3:00 PM – 3:30 PM, your time (Europe/Berlin)" in text
    assert "In America/Chicago: Thu, Nov 26, 2026, 8:00 AM – 8:30 AM" in text
    assert "Attendees: ann@contoso.com" in text
    assert "Please check: “CST” is ambiguous" in text
    assert buttons(card) == ["Create", "Change"]
    assert action_data(card, "confirm") == {"action": "confirm", **ASKED}
    assert action_data(card, "change") == {"action": "change", **ASKED}


def test_a_meeting_card_shows_the_named_zone_only_when_it_is_another_one() -> None:
    assert "In America/Chicago" in card_text(
        meeting_card(ONLINE_MEETING, BERLIN, "en-US", named_zone=CHICAGO)
    )
    assert "In Europe/Berlin" not in card_text(
        meeting_card(ONLINE_MEETING, BERLIN, "en-US", named_zone=BERLIN)
    )


def test_the_cards_the_bot_posts_by_itself_speak_the_viewers_language() -> None:
    reminder = CARDS["reminder-de"]()
    assert "Beginnt in 10 Min" in card_text(reminder)
    assert buttons(reminder)[:2] == ["Teilnehmen", "5 Min später"]
    agenda = CARDS["agenda-pt"]()
    assert "As suas reuniões de hoje" in card_text(agenda)  # pt_PT's own
    assert buttons(agenda) == ["Aderir"]
    assert "Rien dans votre calendrier aujourd'hui." in card_text(CARDS["agenda-empty-fr"]())


def _inputs(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Input."):
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found
