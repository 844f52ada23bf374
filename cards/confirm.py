"""The confirmation card: what the bot understood of an unsure request, said back before it
acts. Create does it (the card updates in place); Change opens the form to correct it."""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from cards.actions import execute
from cards.base import Card, card, heading, text
from cards.i18n import translator
from cards.markdown import escape
from cards.recurrence import rule_in_words
from cards.timefmt import time_range, zone_key
from cards.verbs import Verb
from cards.view import EVENT, ONLINE

#: A meeting that starts when Create is pressed (the reading of "meet now").
NOW = "now"


@dataclass(frozen=True)
class Reading:
    """What a request was read as: `kind` is NOW, ONLINE (a Teams link) or EVENT (calendar).
    `named_zone` is the zone the text named, whose times are shown beside the viewer's."""

    kind: str
    subject: str
    start: datetime
    end: datetime
    attendees: tuple[str, ...] = ()
    named_zone: tzinfo | None = None
    recurrence: Mapping[str, Any] | None = None  # Graph's patternedRecurrence


def confirm_card(
    reading: Reading, reason: str, tz: tzinfo, locale: str, data: Mapping[str, Any]
) -> Card:
    """`reason` (why the reading is unsure, in the viewer's language) may quote the user: it
    is shown as text. `data` names the reading on both buttons."""
    t = translator(locale)
    _ = t.gettext
    facts = [{"title": _("When"), "value": _when(reading, tz, locale, t)}]
    if reading.recurrence:
        rule = rule_in_words(reading.recurrence, reading.start, tz, locale)
        facts.append({"title": _("Repeats"), "value": rule})
    named = reading.named_zone
    if reading.kind != NOW and named is not None and zone_key(named) != zone_key(tz):
        facts.append(
            {
                # TRANSLATORS: a fact's title: the times in the zone the request named,
                # e.g. "In America/Chicago"
                "title": _("In {zone}").format(zone=zone_key(named)),
                "value": time_range(reading.start, reading.end, named, locale, weekday=True),
            }
        )
    kinds = {
        NOW: _("Teams meeting, starting now"),
        ONLINE: _("Teams meeting (link only)"),
        EVENT: _("Calendar event with Teams link"),
    }
    # TRANSLATORS: a fact's title: the kind of meeting (a Teams link or a calendar event)
    facts.append({"title": _("Type"), "value": kinds[reading.kind]})
    if reading.attendees:
        facts.append({"title": _("Attendees"), "value": escape(", ".join(reading.attendees))})
    body = [
        text(_("Is this right? I create it only when you press **Create**."), isSubtle=True),
        heading(reading.subject),
        {"type": "FactSet", "facts": facts},
        text(_("Please check: {reason}").format(reason=escape(reason)), color="Warning"),
    ]
    actions = [
        # TRANSLATORS: buttons of the confirmation card: do it as read / correct it
        execute(_("Create"), Verb.CONFIRM, "positive", **data),
        execute(_("Change"), Verb.CHANGE, **data),
    ]
    return card(body, actions)


def _when(reading: Reading, tz: tzinfo, locale: str, t: gettext.NullTranslations) -> str:
    if reading.kind == NOW:
        minutes = int((reading.end - reading.start).total_seconds() // 60)
        return t.ngettext("Now, for {n} minute", "Now, for {n} minutes", minutes).format(n=minutes)
    when = time_range(reading.start, reading.end, tz, locale, weekday=True)
    # TRANSLATORS: {when} is a date and time range, {zone} an IANA zone such as Europe/Lisbon
    return t.gettext("{when}, your time ({zone})").format(when=when, zone=zone_key(tz))
