"""Text others wrote is shown as written: no link, emphasis, list or heading comes from it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.meetings.model import EVENT, Meeting
from cards import error_card, help_card, list_card, meeting_card
from cards.markdown import escape
from tests.support.cardtext import card_text, unescape

HOSTILE = (
    "[Verify your account](https://evil.example/login)",
    "**URGENT** _now_",
    "- one\n- two",
    "1. first",
    "# Heading",
    "<b>html</b>",
    "`code` ~strike~ | pipe",
    "back\\slash",
)
START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
MEETING = Meeting(
    id="e1",
    kind=EVENT,
    subject="Budget",
    start=START,
    end=START + timedelta(minutes=30),
    join_url="https://teams.microsoft.com/l/meetup-join/x",
    organizer_name="Jane",
    attendees=("ann@contoso.com",),
)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaping_keeps_the_text_and_removes_every_markup(text: str) -> None:
    escaped = escape(text)

    assert unescape(escaped) == text
    assert "](" not in escaped.replace("\\](", "").replace("\\]\\(", "")
    for opener in ("**", "_", "`", "<", "["):
        if opener in text:
            assert f"\\{opener[0]}" in escaped


@pytest.mark.parametrize("text", HOSTILE)
def test_subjects_names_and_graph_words_in_cards_are_escaped(text: str) -> None:
    meeting = replace(MEETING, subject=text, organizer_name=text, attendees=(text,))
    zone = ZoneInfo("UTC")
    cards = [
        meeting_card(meeting, zone, "en-US"),
        list_card([meeting], zone, "en-US", f"Which “{text}”?"),
        error_card(f"Graph said: {text}", "Type **help**.", locale="en-US"),
        help_card(f"I did not understand “{text}”", locale="en-US"),
    ]
    for card in cards:
        assert text in card_text(card)
        raw = str(card)
        assert "[Verify your account](" not in raw
        assert "**URGENT**" not in raw


def test_the_bots_own_words_keep_their_markdown() -> None:
    card = error_card("Nothing found.", "Type **my meetings** to see them.", locale="en-US")

    assert "**my meetings**" in str(card)


def test_a_join_link_that_is_not_https_gets_no_button() -> None:
    card = meeting_card(replace(MEETING, join_url="javascript:alert(1)"), ZoneInfo("UTC"), "en-US")

    assert "javascript:" not in str(card)
    assert "Join" not in [a.get("title") for a in card.get("actions", [])]
