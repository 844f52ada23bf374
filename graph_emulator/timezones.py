"""The time zones the calendar API accepts, and conversions between dateTimeTimeZone and instants.

Graph takes any Windows time zone name ("Pacific Standard Time") and the IANA names the
dateTimeTimeZone page lists as "additional time zones" — one per Windows zone, the ones CLDR's
windowsZones table maps them to ("America/New_York", "Europe/Berlin", "Asia/Calcutta"). Other
IANA names ("Europe/Amsterdam") are refused with TimeZoneNotSupportedException, as Graph may.
Windows names are mapped with that table as Babel (a project dependency) ships it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global

from graph_emulator.errors import GraphError

JSONObject = dict[str, Any]

#: Spellings of UTC Graph itself uses (originalStartTimeZone can say "tzone://Microsoft/Utc").
_UTC_NAMES = frozenset({"utc", "etc/utc", "tzone://microsoft/utc"})
#: Instants every zone can still express (rendering year 9999 in UTC+14 would overflow).
_YEARS = (2, 9998)
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$")


@cache
def _windows_zones() -> dict[str, str]:
    """Windows zone name (lower case) to IANA name, from CLDR's windowsZones."""
    mapping = get_global("windows_zone_mapping")
    return {str(name).lower(): str(iana) for name, iana in mapping.items()}


@cache
def _documented_iana() -> frozenset[str]:
    """The IANA names of the docs' "additional time zones" list (CLDR's primary zones)."""
    return frozenset(_windows_zones().values())


@cache
def known_zone(name: str) -> ZoneInfo | None:
    """The zone a Windows or IANA name stands for, or None when Graph would not know it."""
    cleaned = name.strip()
    if cleaned.lower() in _UTC_NAMES:
        return ZoneInfo("UTC")
    iana = _windows_zones().get(cleaned.lower())
    if iana is None and cleaned in _documented_iana():
        iana = cleaned
    if not iana:
        return None
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_for(name: Any) -> ZoneInfo:
    """The zone for a request's timeZone; Graph's TimeZoneNotSupportedException otherwise."""
    zone = known_zone(name) if isinstance(name, str) else None
    if zone is None:
        raise GraphError(
            400,
            "TimeZoneNotSupportedException",
            "A valid TimeZone value must be specified. The following TimeZone value is not "
            f"supported: '{name if isinstance(name, str) else ''}'.",
        )
    return zone


def instant_of(value: JSONObject, field: str) -> datetime:
    """The UTC instant of a validated dateTimeTimeZone (`field` names it in errors).

    A dateTime without an offset is wall-clock time in its timeZone; with one (Graph tolerates
    `Z`), the offset wins.
    """
    zone = zone_for(value.get("timeZone"))
    text = str(value.get("dateTime", ""))
    try:
        if not _DATE_TIME.match(text):
            raise ValueError(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zone)
        instant = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        instant = None
    if instant is None or not _YEARS[0] <= instant.year <= _YEARS[1]:
        raise GraphError.bad_request(
            f"The value '{text}' of '{field}.dateTime' is not a valid date and time; "
            "expected <date>T<time>, e.g. 2026-11-01T15:00:00."
        )
    return instant


def wall_clock(instant: datetime, zone_name: str) -> JSONObject:
    """An instant as Graph writes it in a zone: seven fractional digits, no offset."""
    zone = known_zone(zone_name) or ZoneInfo("UTC")
    local = instant.astimezone(zone)
    return {
        "dateTime": f"{local:%Y-%m-%dT%H:%M:%S}.{local.microsecond:06d}0",
        "timeZone": zone_name,
    }
