"""Read and check what people enter in card inputs; errors name the field and keep the input.

The errors are the English source texts, marked for the catalogs; whoever shows them
translates them (`FormError.fields`, `FormError.words`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cards.compose import LATER, NOW
from cards.i18n import N_, Words

MAX_MINUTES = 24 * 60
MAX_AHEAD = timedelta(days=5 * 366)  # beyond this a date is a typo, and 9999 overflows


class FormError(ValueError):
    def __init__(self, fields: Mapping[str, str]) -> None:
        super().__init__("; ".join(fields.values()))
        self.fields = dict(fields)

    def words(self, _: Words) -> dict[str, str]:
        """Each field's error in the viewer's language."""
        return {name: _(message) for name, message in self.fields.items()}


@dataclass(frozen=True)
class ScheduleForm:
    """The schedule card's form, read and checked."""

    subject: str
    start: datetime
    duration: timedelta
    attendees: tuple[str, ...]
    invite: bool


def _start(
    values: Mapping[str, Any], tz: ZoneInfo, now: datetime, errors: dict[str, str]
) -> datetime | None:
    try:
        day = date.fromisoformat(str(values.get("date", "")).strip())
    except ValueError:
        errors["date"] = N_("Pick a date.")
        return None
    try:
        at = time.fromisoformat(str(values.get("time", "")).strip())
    except ValueError:
        errors["time"] = N_("Pick a start time.")
        return None
    start = datetime.combine(day, at, tzinfo=tz)
    if start < now - timedelta(minutes=1):
        errors["date"] = N_("That time has already passed. Pick a time in the future.")
    elif start > now + MAX_AHEAD:
        errors["date"] = N_("Pick a date within the next five years.")
    return start


def _duration(values: Mapping[str, Any], errors: dict[str, str]) -> timedelta:
    raw = str(values.get("duration", "30")).strip()
    try:
        minutes = int(raw)
    except ValueError:
        minutes = 0
    if not 1 <= minutes <= MAX_MINUTES:
        errors["duration"] = N_("The meeting must end after it starts (1 minute to 24 hours).")
        return timedelta(minutes=30)
    return timedelta(minutes=minutes)


def parse_form(values: Mapping[str, Any], tz: ZoneInfo, now: datetime) -> ScheduleForm:
    errors: dict[str, str] = {}
    subject = " ".join(str(values.get("subject", "")).split())
    if not subject:
        errors["subject"] = N_("Give the meeting a subject.")
    start = _start(values, tz, now, errors)
    duration = _duration(values, errors)
    if errors or start is None:
        raise FormError(errors)
    attendees = tuple(a.strip() for a in str(values.get("attendees", "")).split(",") if a.strip())
    invite = str(values.get("invite", "event")).strip().lower() != "link"
    return ScheduleForm(subject[:255], start, duration, attendees, invite)


def parse_reschedule(
    values: Mapping[str, Any], tz: ZoneInfo, now: datetime
) -> tuple[datetime, datetime]:
    errors: dict[str, str] = {}
    start = _start(values, tz, now, errors)
    duration = _duration(values, errors)
    if errors or start is None:
        raise FormError(errors)
    return start, start + duration


@dataclass(frozen=True)
class ComposeForm:
    """The compose box's form, read and checked."""

    subject: str  # "" when none was given
    start: datetime
    duration: timedelta


def parse_compose(values: Mapping[str, Any], tz: ZoneInfo, now: datetime) -> ComposeForm:
    """The compose box's form: a subject, now or a date and time, and how long; "now" is
    this minute."""
    errors: dict[str, str] = {}
    subject = " ".join(str(values.get("subject", "")).split())[:255]
    start: datetime | None = now.astimezone(tz).replace(second=0, microsecond=0)
    if str(values.get("when", NOW)).strip() == LATER:
        start = _start(values, tz, now, errors)
    duration = _duration(values, errors)
    if errors or start is None:
        raise FormError(errors)
    return ComposeForm(subject, start, duration)
