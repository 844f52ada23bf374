"""Dates and times for people: in their zone, in their locale's format, with the zone named.

Babel re-reads the locale's data for every call (parsing the locale name, looking the pattern
up through its data dictionaries); a card writes a few times and a zone per turn. What does
not depend on the moment is looked up once per locale here: the parsed Locale, its short time
pattern, a zone's name for a locale and daylight saving state.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import (
    DateTimePattern,
    format_date,
    format_skeleton,
    get_time_format,
    get_timezone_name,
)

#: A zone's name for (zone, daylight saving or not, UTC offset, locale): all Babel reads of
#: the moment to name the zone (`zone_label`). Bounded: cleared when it holds this many.
ZONE_NAMES_KEPT = 4096
_zone_names: dict[tuple[tzinfo, bool, timedelta | None, str], str | None] = {}


@lru_cache(maxsize=256)
def babel_locale(locale: str) -> Locale:
    """The Babel locale for a BCP 47 tag ("de-DE"); en_US for one Babel does not know.
    Kept per tag: a Locale is immutable and loads its data once."""
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en_US")


@lru_cache(maxsize=256)
def _short_time(locale: str) -> DateTimePattern:
    """The locale's short time pattern, parsed ("h:mm a", "HH:mm")."""
    return get_time_format("short", locale=babel_locale(locale))


def clock(when: datetime, locale: str) -> str:
    """A time of day as the locale writes it ("3:00 PM", "15:00"): what Babel's
    format_time(when, "short") writes (a naive time read as UTC, as Babel reads it), without
    looking the pattern up again."""
    aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return str(_short_time(locale).apply(aware.timetz(), babel_locale(locale)))


def time_range(
    start: datetime, end: datetime, tz: tzinfo, locale: str, *, weekday: bool = False
) -> str:
    """e.g. 'Nov 26, 2026, 3:00 PM – 3:30 PM' or '26.11.2026, 15:00 – 15:30'; with `weekday`
    (to check a reading) 'Thu, Nov 26, 2026, 3:00 PM – 3:30 PM', 'Do., 26. Nov. 2026, …'."""
    s, e = start.astimezone(tz), end.astimezone(tz)
    first = f"{_day(s.date(), locale, weekday)}, {clock(s, locale)}"
    if s.date() == e.date():
        return f"{first} – {clock(e, locale)}"
    return f"{first} – {_day(e.date(), locale, weekday)}, {clock(e, locale)}"


@lru_cache(maxsize=1024)
def _day(day: date, locale: str, weekday: bool) -> str:
    """A day as the locale writes it; the same few days come up in every card, and Babel
    takes ~0.1 ms to write one."""
    if weekday:
        return format_skeleton("yMMMEd", datetime.combine(day, time()), locale=babel_locale(locale))
    return format_date(day, "medium", locale=babel_locale(locale))


def zone_key(tz: tzinfo) -> str:
    """The zone's IANA id ("Europe/Berlin"), or its name for a fixed offset ("UTC+05:30")."""
    key = getattr(tz, "key", None)
    return str(key) if key else str(tz.tzname(None))


def zone_label(tz: tzinfo, when: datetime, locale: str) -> str:
    """The zone as people know it plus its IANA id: Central European Time (Europe/Berlin)."""
    key = zone_key(tz)
    if key in {"UTC", "Etc/UTC"} or not hasattr(tz, "key"):
        return key
    name = zone_name(when.astimezone(tz), locale)
    return key if name is None else f"{name} ({key})"


def zone_name(local: datetime, locale: str) -> str | None:
    """Babel's long name of `local`'s zone ("Central European Summer Time"), None when Babel
    cannot name it. Of the moment, Babel reads only whether it is in daylight saving time
    and, for a zone it has no name for, its UTC offset: the name is kept for those."""
    found = (local.tzinfo or UTC, bool(local.dst()), local.utcoffset(), locale)
    if found in _zone_names:
        return _zone_names[found]
    name: str | None
    try:
        name = get_timezone_name(local, width="long", locale=babel_locale(locale))
    except (LookupError, ValueError):
        name = None
    if len(_zone_names) >= ZONE_NAMES_KEPT:
        _zone_names.clear()
    _zone_names[found] = name
    return name
