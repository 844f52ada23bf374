"""Dates and times for people: in their zone, in their locale's format, with the zone named."""

from __future__ import annotations

from datetime import datetime, tzinfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time, get_timezone_name


def babel_locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en_US")


def time_range(
    start: datetime, end: datetime, tz: tzinfo, locale: str, *, weekday: bool = False
) -> str:
    """e.g. 'Nov 26, 2026, 3:00 PM – 3:30 PM' or '26.11.2026, 15:00 – 15:30'; with `weekday`
    (to check a reading) 'Thu, Nov 26, 2026, 3:00 PM – 3:30 PM', 'Do., 26. Nov. 2026, …'."""
    loc = babel_locale(locale)
    s, e = start.astimezone(tz), end.astimezone(tz)

    def day(moment: datetime) -> str:
        if weekday:
            return format_skeleton("yMMMEd", moment, locale=loc)
        return format_date(moment, "medium", locale=loc)

    first = f"{day(s)}, {format_time(s, 'short', locale=loc)}"
    if s.date() == e.date():
        return f"{first} – {format_time(e, 'short', locale=loc)}"
    return f"{first} – {day(e)}, {format_time(e, 'short', locale=loc)}"


def zone_key(tz: tzinfo) -> str:
    """The zone's IANA id ("Europe/Berlin"), or its name for a fixed offset ("UTC+05:30")."""
    key = getattr(tz, "key", None)
    return str(key) if key else str(tz.tzname(None))


def zone_label(tz: tzinfo, when: datetime, locale: str) -> str:
    """The zone as people know it plus its IANA id: Central European Time (Europe/Berlin)."""
    key = zone_key(tz)
    if key in {"UTC", "Etc/UTC"} or not hasattr(tz, "key"):
        return key
    try:
        name = get_timezone_name(when.astimezone(tz), width="long", locale=babel_locale(locale))
    except (LookupError, ValueError):
        return key
    return f"{name} ({key})"
