"""Dates and times for people: in their zone, in their locale's format, with the zone named."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_timezone_name


def babel_locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en_US")


def time_range(start: datetime, end: datetime, tz: ZoneInfo, locale: str) -> str:
    """e.g. 'Nov 26, 2026, 3:00 PM – 3:30 PM' or '26.11.2026, 15:00 – 15:30'."""
    loc = babel_locale(locale)
    s, e = start.astimezone(tz), end.astimezone(tz)
    first = f"{format_date(s, 'medium', locale=loc)}, {format_time(s, 'short', locale=loc)}"
    if s.date() == e.date():
        return f"{first} – {format_time(e, 'short', locale=loc)}"
    last = f"{format_date(e, 'medium', locale=loc)}, {format_time(e, 'short', locale=loc)}"
    return f"{first} – {last}"


def zone_label(tz: ZoneInfo, when: datetime, locale: str) -> str:
    """The zone as people know it plus its IANA id: Central European Time (Europe/Berlin)."""
    key = str(tz.key) if hasattr(tz, "key") else str(tz)
    if key in {"UTC", "Etc/UTC"}:
        return "UTC"
    try:
        name = get_timezone_name(when.astimezone(tz), width="long", locale=babel_locale(locale))
    except (LookupError, ValueError):
        return key
    return f"{name} ({key})"
