"""The meeting card in its states: active, confirming cancellation, cancelled."""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute, meeting_ref, open_url, web_link
from cards.base import Card, card, heading, text
from cards.form import duration_choice
from cards.i18n import N_, Words, translator
from cards.markdown import escape
from cards.options import lobby_warning, option_facts, options_action
from cards.recurrence import rule_in_words
from cards.timefmt import time_range, zone_key, zone_label
from cards.verbs import Verb
from cards.view import ONLINE, MeetingView

LINK_REFUSED = N_(
    "Outlook created this event without a Teams link, although I asked for one: the "
    "invitations went out with no way to join. Add a Teams link and I will put it in the event, "
    "so everyone invited gets it."
)
#: Deleting an online meeting answers 204, but its link may keep working for a while
#: (microsoft-graph-docs #7802): say what is guaranteed and what is not.
STANDALONE_CANCELLED = N_(
    "Teams has deleted this meeting, so it is gone from your meetings. Teams does not promise "
    "that its join link stops working at once, so it may still let people in for a while. Tell "
    "the people you shared the link with that the meeting is cancelled."
)


def _facts(
    meeting: MeetingView, tz: ZoneInfo, locale: str, named: tzinfo | None, _: Words
) -> list[dict[str, Any]]:
    facts = [
        {"title": _("When"), "value": time_range(meeting.start, meeting.end, tz, locale)},
        {"title": _("Time zone"), "value": zone_label(tz, meeting.start, locale)},
    ]
    if meeting.recurrence:
        rule = rule_in_words(meeting.recurrence, meeting.start, tz, locale)
        facts.append({"title": _("Repeats"), "value": rule})
    if named is not None and zone_key(named) != zone_key(tz):
        facts.append(
            {
                # TRANSLATORS: a fact's title: the times in the zone the request named,
                # e.g. "In America/Chicago"
                "title": _("In {zone}").format(zone=zone_key(named)),
                "value": time_range(meeting.start, meeting.end, named, locale),
            }
        )
    if meeting.organizer_name:
        facts.append({"title": _("Organizer"), "value": escape(meeting.organizer_name)})
    if meeting.attendees:
        facts.append({"title": _("Attendees"), "value": escape(", ".join(meeting.attendees))})
    if meeting.dial_in:
        facts.append({"title": _("Dial in"), "value": escape(meeting.dial_in.toll_number)})
        facts.append({"title": _("Conference ID"), "value": escape(meeting.dial_in.conference_id)})
    kind = (
        _("Teams meeting (link only)")
        if meeting.kind == ONLINE
        else _("Calendar event with Teams link")
    )
    # TRANSLATORS: a fact's title: the kind of meeting (a Teams link or a calendar event)
    facts.append({"title": _("Type"), "value": kind})
    facts.extend(option_facts(meeting.options, _))
    return [{"type": "FactSet", "facts": facts}]


def _reschedule_card(meeting: MeetingView, tz: ZoneInfo, t: gettext.NullTranslations) -> Card:
    _ = t.gettext
    start = meeting.start.astimezone(tz)
    minutes = int((meeting.end - meeting.start).total_seconds() // 60)
    return {
        "type": "AdaptiveCard",
        "body": [
            {
                "type": "Input.Date",
                "id": "date",
                "label": _("New date"),
                "value": start.strftime("%Y-%m-%d"),
                "isRequired": True,
                "errorMessage": _("Pick a date"),
            },
            {
                "type": "Input.Time",
                "id": "time",
                "label": _("New start time"),
                "value": start.strftime("%H:%M"),
                "isRequired": True,
                "errorMessage": _("Pick a time"),
            },
            duration_choice(str(minutes), _("Duration"), t.ngettext),
        ],
        "actions": [execute(_move_title(meeting, _), Verb.RESCHEDULE, **meeting_ref(meeting))],
    }


def _move_title(meeting: MeetingView, _: Words) -> str:
    """A series moves as a whole from its own card; one of its meetings moves alone."""
    if meeting.series_id:
        return _("Move only this meeting")
    return _("Move the whole series") if meeting.recurrence else _("Move meeting")


def meeting_card(
    meeting: MeetingView,
    tz: ZoneInfo,
    locale: str,
    *,
    notice: str | None = None,
    problem: str | None = None,
    caution: str | None = None,
    confirm_cancel: bool = False,
    named_zone: tzinfo | None = None,
) -> Card:
    """Subject, when (viewer's zone and locale; also in `named_zone`, the zone the request
    named), who, dial-in, Join and the secondary actions. Above them, what just happened: a
    `notice` that it went well (the theme's "good" colour), a `problem`, or a `caution` (how an
    unsure request was read). They are already in the viewer's language and may quote the user:
    they are shown as text."""
    t = translator(locale)
    _ = t.gettext
    body: list[dict[str, Any]] = []
    for words, colour in ((notice, "Good"), (problem, "Attention"), (caution, "Warning")):
        if words:
            body.append(text(escape(words), color=colour, weight="Bolder"))
    if meeting.cancelled:
        body.append(text(_("Cancelled"), color="Attention", weight="Bolder", size="Medium"))
    body.append(heading(meeting.subject or _("Teams meeting")))
    body.extend(_facts(meeting, tz, locale, named_zone, _))
    if meeting.cancelled:
        if meeting.kind == ONLINE:
            body.append(text(_(STANDALONE_CANCELLED)))
        return card(body)
    join_url = web_link(meeting.join_url)
    if not join_url:
        return _without_link(meeting, body, _)
    body.append(text(_("Join link (select to copy):"), isSubtle=True, size="Small"))
    body.append(text(escape(join_url), size="Small", spacing="None", fontType="Monospace"))
    warning = lobby_warning(meeting.options, meeting.outsiders, t)
    if warning:
        body.append(warning)
    if confirm_cancel:
        return _confirm_cancel(meeting, body, _)
    return card(body, _actions(meeting, join_url, tz, t))


def _without_link(meeting: MeetingView, body: list[dict[str, Any]], _: Words) -> Card:
    """No join link: Outlook refused the one asked for (offer a standalone one), or Teams has
    not filled it in yet."""
    cancel = execute(_("Cancel meeting"), Verb.ASK_CANCEL, **meeting_ref(meeting))
    if meeting.link_refused:
        body.append(text(_(LINK_REFUSED), color="Warning"))
        add = execute(
            _("Add a Teams link"), Verb.ADD_STANDALONE_LINK, "positive", **meeting_ref(meeting)
        )
        return card(body, [add, cancel])
    body.append(
        text(
            _(
                "Teams has not provided a join link for this meeting yet. "
                "Type **my meetings** in a minute to get it."
            ),
            color="Warning",
        )
    )
    return card(body, [cancel])


def cancel_question(meeting: MeetingView, _: Words) -> str:
    """What cancelling will do, in words: only what will really happen."""
    if meeting.recurrence or meeting.series_id:  # a series: this one or all of them?
        if meeting.attendees:
            return _(
                "Cancel only this meeting, or the whole series? Everyone invited will be told."
            )
        return _("Cancel only this meeting, or the whole series?")
    if meeting.attendees:
        return _("Cancel this meeting? Everyone invited will be told.")
    if meeting.kind == ONLINE and meeting.calendar_copy_id:
        return _(
            "Cancel this meeting? Teams tells no one: a link-only meeting sends no invitations. "
            "Its copy leaves your calendar."
        )
    if meeting.kind == ONLINE:
        return _(
            "Cancel this meeting? Teams tells no one: a link-only meeting sends no invitations."
        )
    return _("Cancel this meeting? It leaves your calendar.")


def cancel_choices(meeting: MeetingView, ref: Mapping[str, str], _: Words) -> list[dict[str, Any]]:
    """The answers to `cancel_question`: for a series, only this one or the whole series
    (never the whole series by a plain "Yes"), then "Keep it"."""
    if meeting.recurrence or meeting.series_id:
        choices = [
            execute(_("Only this one"), Verb.CANCEL, "destructive", scope="one", **ref),
            execute(_("The whole series"), Verb.CANCEL, "destructive", scope="series", **ref),
        ]
    else:
        choices = [execute(_("Yes, cancel it"), Verb.CANCEL, "destructive", **ref)]
    return [*choices, execute(_("Keep it"), Verb.SHOW, **ref)]


def _confirm_cancel(meeting: MeetingView, body: list[dict[str, Any]], _: Words) -> Card:
    body.append(text(cancel_question(meeting, _), weight="Bolder", color="Attention"))
    return card(body, cancel_choices(meeting, meeting_ref(meeting), _))


def _actions(
    meeting: MeetingView, join_url: str, tz: ZoneInfo, t: gettext.NullTranslations
) -> list[dict[str, Any]]:
    """Join first; then Add to calendar (standalone meetings not in the calendar yet),
    Reschedule and Cancel."""
    _ = t.gettext
    actions = [open_url(_("Join"), join_url, "positive")]
    if meeting.kind == ONLINE and not meeting.calendar_copy_id:
        actions.append(execute(_("Add to calendar"), Verb.ADD_TO_CALENDAR, **meeting_ref(meeting)))
    reschedule = _reschedule_card(meeting, tz, t)
    actions.append({"type": "Action.ShowCard", "title": _("Reschedule"), "card": reschedule})
    actions.append(options_action(meeting, t))
    actions.append(execute(_("Cancel"), Verb.ASK_CANCEL, **meeting_ref(meeting)))
    return actions
