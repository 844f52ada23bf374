"""The time zones the calendar API accepts, and conversions between dateTimeTimeZone and instants.

The dateTimeTimeZone page says timeZone may be any Windows time zone name ("Pacific Standard
Time") or one of the IANA names it lists; that list is data, documented_time_zones.json, with
its source. Windows names are mapped with CLDR's windowsZones table as Babel (a project
dependency) ships it. By default ("lenient") the emulator also accepts every IANA name CLDR maps
a Windows zone to ("Asia/Calcutta", "America/Toronto"), as it always has; a tenant whose
`timeZones` setting is "documented" accepts only the page's names. Anything else
("Europe/Amsterdam") is refused with TimeZoneNotSupportedException, in the wording Graph uses
(microsoft-graph-docs issue #6870).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from functools import cache
from importlib import resources
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
def documented_iana() -> dict[str, str]:
    """The IANA names the dateTimeTimeZone page lists, each to the tz database zone it means."""
    text = resources.files(__package__).joinpath("documented_time_zones.json").read_text("utf-8")
    zones: dict[str, str] = json.loads(text)["zones"]
    return zones


@cache
def _cldr_iana() -> frozenset[str]:
    """The IANA names CLDR maps Windows zones to (accepted unless the tenant is strict)."""
    return frozenset(_windows_zones().values())


@cache
def known_zone(name: str, documented_only: bool = False) -> ZoneInfo | None:
    """The zone a Windows or IANA name stands for, or None when Graph would not know it."""
    cleaned = name.strip()
    if cleaned.lower() in _UTC_NAMES:
        return ZoneInfo("UTC")
    iana = _windows_zones().get(cleaned.lower()) or documented_iana().get(cleaned)
    if iana is None and not documented_only and cleaned in _cldr_iana():
        iana = cleaned
    if not iana:
        return None
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_for(name: Any, documented_only: bool = False) -> ZoneInfo:
    """The zone for a request's timeZone; Graph's TimeZoneNotSupportedException otherwise."""
    zone = known_zone(name, documented_only) if isinstance(name, str) else None
    if zone is None:
        raise unsupported_zone(name if isinstance(name, str) else "")
    return zone


def unsupported_zone(name: str) -> GraphError:
    """Graph's 400 for a zone it does not know, in a body or in `Prefer: outlook.timezone`."""
    return GraphError(
        400,
        "TimeZoneNotSupportedException",
        "A valid TimeZone value must be specified. The following TimeZone value is not "
        f"supported: '{name}'.",
    )


def instant_of(value: JSONObject, field: str, documented_only: bool = False) -> datetime:
    """The UTC instant of a validated dateTimeTimeZone (`field` names it in errors).

    A dateTime without an offset is wall-clock time in its timeZone; with one (Graph tolerates
    `Z`), the offset wins.
    """
    zone = zone_for(value.get("timeZone"), documented_only)
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
