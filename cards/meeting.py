"""The meeting card in its states: active, confirming cancellation, cancelled."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute, meeting_ref, open_url, web_link
from cards.base import Card, card, heading, text
from cards.markdown import escape
from cards.options import lobby_warning, option_facts, options_action
from cards.recurrence import rule_in_words
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import ONLINE, MeetingView

DURATIONS = (15, 30, 45, 60, 90, 120)


def _facts(meeting: MeetingView, tz: ZoneInfo, locale: str) -> list[dict[str, Any]]:
    facts = [
        {"title": "When", "value": time_range(meeting.start, meeting.end, tz, locale)},
        {"title": "Time zone", "value": zone_label(tz, meeting.start, locale)},
    ]
    if meeting.recurrence:
        facts.append(
            {"title": "Repeats", "value": rule_in_words(meeting.recurrence, meeting.start, tz)}
        )
    if meeting.organizer_name:
        facts.append({"title": "Organizer", "value": escape(meeting.organizer_name)})
    if meeting.attendees:
        facts.append({"title": "Attendees", "value": escape(", ".join(meeting.attendees))})
    if meeting.dial_in:
        facts.append({"title": "Dial in", "value": escape(meeting.dial_in.toll_number)})
        facts.append({"title": "Conference ID", "value": escape(meeting.dial_in.conference_id)})
    facts.append(
        {
            "title": "Type",
            "value": "Teams meeting (link only)"
            if meeting.kind == ONLINE
            else "Calendar event with Teams link",
        }
    )
    facts.extend(option_facts(meeting.options))
    return [{"type": "FactSet", "facts": facts}]


def _reschedule_card(meeting: MeetingView, tz: ZoneInfo) -> Card:
    start = meeting.start.astimezone(tz)
    minutes = int((meeting.end - meeting.start).total_seconds() // 60)
    choices = sorted({*DURATIONS, minutes})
    return {
        "type": "AdaptiveCard",
        "body": [
            {
                "type": "Input.Date",
                "id": "date",
                "label": "New date",
                "value": start.strftime("%Y-%m-%d"),
                "isRequired": True,
                "errorMessage": "Pick a date",
            },
            {
                "type": "Input.Time",
                "id": "time",
                "label": "New start time",
                "value": start.strftime("%H:%M"),
                "isRequired": True,
                "errorMessage": "Pick a time",
            },
            {
                "type": "Input.ChoiceSet",
                "id": "duration",
                "label": "Duration",
                "value": str(minutes),
                "choices": [{"title": f"{m} minutes", "value": str(m)} for m in choices],
            },
        ],
        "actions": [execute(_move_title(meeting), Verb.RESCHEDULE, **meeting_ref(meeting))],
    }


def _move_title(meeting: MeetingView) -> str:
    """A series moves as a whole from its own card; one of its meetings moves alone."""
    if meeting.series_id:
        return "Move only this meeting"
    return "Move the whole series" if meeting.recurrence else "Move meeting"


def meeting_card(
    meeting: MeetingView,
    tz: ZoneInfo,
    locale: str = "en-US",
    *,
    notice: str | None = None,
    confirm_cancel: bool = False,
) -> Card:
    """Subject, when (viewer's zone and locale), who, dial-in, Join and the secondary actions."""
    body: list[dict[str, Any]] = []
    if notice:
        body.append(text(notice, color="Warning", weight="Bolder"))
    if meeting.cancelled:
        body.append(text("Cancelled", color="Attention", weight="Bolder", size="Medium"))
    body.append(heading(meeting.subject or "Teams meeting"))
    body.extend(_facts(meeting, tz, locale))
    if meeting.cancelled:
        return card(body)
    join_url = web_link(meeting.join_url)
    if not join_url:
        body.append(
            text(
                "Teams has not provided a join link for this meeting yet. "
                "Type **my meetings** in a minute to get it.",
                color="Warning",
            )
        )
        return card(body, [execute("Cancel meeting", Verb.ASK_CANCEL, **meeting_ref(meeting))])
    body.append(text("Join link (select to copy):", isSubtle=True, size="Small"))
    body.append(text(escape(join_url), size="Small", spacing="None", fontType="Monospace"))
    warning = lobby_warning(meeting.options, meeting.outsiders)
    if warning:
        body.append(warning)
    if confirm_cancel:
        return _confirm_cancel(meeting, body)
    return card(body, _actions(meeting, join_url, tz))


def _confirm_cancel(meeting: MeetingView, body: list[dict[str, Any]]) -> Card:
    ref = meeting_ref(meeting)
    if meeting.recurrence or meeting.series_id:
        body.append(
            text(
                "Cancel only this meeting, or the whole series? Everyone invited will be told.",
                weight="Bolder",
                color="Attention",
            )
        )
        return card(
            body,
            [
                execute("Only this one", Verb.CANCEL, "destructive", scope="one", **ref),
                execute("The whole series", Verb.CANCEL, "destructive", scope="series", **ref),
                execute("Keep it", Verb.SHOW, **ref),
            ],
        )
    body.append(
        text(
            "Cancel this meeting? Everyone invited will be told.",
            weight="Bolder",
            color="Attention",
        )
    )
    return card(
        body,
        [
            execute("Yes, cancel it", Verb.CANCEL, "destructive", **ref),
            execute("Keep it", Verb.SHOW, **ref),
        ],
    )


def _actions(meeting: MeetingView, join_url: str, tz: ZoneInfo) -> list[dict[str, Any]]:
    """Join first; then Add to calendar (standalone meetings), Reschedule and Cancel."""
    actions = [open_url("Join", join_url, "positive")]
    if meeting.kind == ONLINE:
        actions.append(execute("Add to calendar", Verb.ADD_TO_CALENDAR, **meeting_ref(meeting)))
    actions.append(
        {"type": "Action.ShowCard", "title": "Reschedule", "card": _reschedule_card(meeting, tz)}
    )
    actions.append(options_action(meeting))
    actions.append(execute("Cancel", Verb.ASK_CANCEL, **meeting_ref(meeting)))
    return actions
