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
LINK_REFUSED = (
    "Outlook created this event without a Teams link, although I asked for one: the "
    "invitations went out with no way to join. Add a Teams link and I will put it in the event, "
    "so everyone invited gets it."
)
#: Deleting an online meeting answers 204, but its link may keep working for a while
#: (microsoft-graph-docs #7802): say what is guaranteed and what is not.
STANDALONE_CANCELLED = (
    "Teams has deleted this meeting, so it is gone from your meetings. Teams does not promise "
    "that its join link stops working at once, so it may still let people in for a while. Tell "
    "the people you shared the link with that the meeting is cancelled."
)


def _facts(meeting: MeetingView, tz: ZoneInfo, locale: str) -> list[dict[str, Any]]:
    facts = [
        {"title": "When", "value": time_range(meeting.start, meeting.end, tz, locale)},
        {"title": "Time zone", "value": zone_label(tz, meeting.start, locale)},
    ]
    if meeting.recurrence:
        rule = rule_in_words(meeting.recurrence, meeting.start, tz)
        facts.append({"title": "Repeats", "value": rule})
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
        if meeting.kind == ONLINE:
            body.append(text(STANDALONE_CANCELLED))
        return card(body)
    join_url = web_link(meeting.join_url)
    if not join_url:
        return _without_link(meeting, body)
    body.append(text("Join link (select to copy):", isSubtle=True, size="Small"))
    body.append(text(escape(join_url), size="Small", spacing="None", fontType="Monospace"))
    warning = lobby_warning(meeting.options, meeting.outsiders)
    if warning:
        body.append(warning)
    if confirm_cancel:
        return _confirm_cancel(meeting, body)
    return card(body, _actions(meeting, join_url, tz))


def _without_link(meeting: MeetingView, body: list[dict[str, Any]]) -> Card:
    """No join link: Outlook refused the one asked for (offer a standalone one), or Teams has
    not filled it in yet."""
    cancel = execute("Cancel meeting", Verb.ASK_CANCEL, **meeting_ref(meeting))
    if meeting.link_refused:
        body.append(text(LINK_REFUSED, color="Warning"))
        add = execute(
            "Add a Teams link", Verb.ADD_STANDALONE_LINK, "positive", **meeting_ref(meeting)
        )
        return card(body, [add, cancel])
    body.append(
        text(
            "Teams has not provided a join link for this meeting yet. "
            "Type **my meetings** in a minute to get it.",
            color="Warning",
        )
    )
    return card(body, [cancel])


def _confirm_cancel(meeting: MeetingView, body: list[dict[str, Any]]) -> Card:
    if meeting.recurrence or meeting.series_id:
        return _confirm_cancel_series(meeting, body)
    question = (
        "Cancel this meeting? Teams tells no one: a link-only meeting sends no invitations."
        if meeting.kind == ONLINE
        else "Cancel this meeting? Everyone invited will be told."
    )
    body.append(text(question, weight="Bolder", color="Attention"))
    ref = meeting_ref(meeting)
    return card(
        body,
        [
            execute("Yes, cancel it", Verb.CANCEL, "destructive", **ref),
            execute("Keep it", Verb.SHOW, **ref),
        ],
    )


def _confirm_cancel_series(meeting: MeetingView, body: list[dict[str, Any]]) -> Card:
    """A meeting of a series: this one, or the whole series?"""
    body.append(
        text(
            "Cancel only this meeting, or the whole series? Everyone invited will be told.",
            weight="Bolder",
            color="Attention",
        )
    )
    ref = meeting_ref(meeting)
    return card(
        body,
        [
            execute("Only this one", Verb.CANCEL, "destructive", scope="one", **ref),
            execute("The whole series", Verb.CANCEL, "destructive", scope="series", **ref),
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
