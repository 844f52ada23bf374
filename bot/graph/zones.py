"""Time zone names as the Outlook calendar API takes and gives them: Windows names.

Graph's dateTimeTimeZone accepts any Windows time zone name ("Romance Standard Time") but only
a documented list of IANA names; others (Europe/Madrid, America/Toronto) are refused with 400
TimeZoneNotSupportedException. So the bot sends every zone by its Windows name, as CLDR's
windowsZones maps it (windows_zones.json, with its source), and the invitation shows in the
user's own zone. A zone whose CLDR mapping no longer keeps the same clock (the tz database
moved on) gets a Windows zone that does; a zone no Windows zone matches is refused with words
the user can act on (UnsupportedTimeZone) — never sent as UTC. With `Prefer:
outlook.timezone` in a Windows name Graph answers in Windows names; `zone_named` reads them.
"""

from __future__ import annotations

import json
from datetime import timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global

from bot.graph.errors import GraphBadRequest
from bot.graph.zone_rules import fixed_offset, same_rules

UTC_ZONE = ZoneInfo("UTC")
#: How Graph spells UTC besides the Windows name "UTC" (originalStartTimeZone, some answers).
_UTC_NAMES = frozenset({"utc", "etc/utc", "etc/gmt", "tzone://microsoft/utc"})
#: tz database names that are not a place's clock: a build placeholder and this machine's own.
_NOT_PLACES = frozenset({"Factory", "localtime", "posixrules"})
GRAPH_ZONE_ERROR = "TimeZoneNotSupportedException"


class UnsupportedTimeZone(GraphBadRequest):
    """A zone no Outlook time zone matches. Raised before any request, with Graph's own code
    for a zone it refuses, so a turn meets it exactly as it would meet Graph's 400."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(
            400,
            GRAPH_ZONE_ERROR,
            f"A valid TimeZone value must be specified. The following TimeZone value is not "
            f"supported: '{name}'. {why}",
        )
        self.zone_name = name


@cache
def _data() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("windows_zones.json").read_text("utf-8")
    doc = json.loads(text)
    return {"zones": doc["zones"], "links": doc["links"]["zones"]}


@cache
def windows_zones() -> dict[str, str]:
    """Each Windows zone name to the IANA zone that keeps its clock (CLDR's "001" zone)."""
    return {str(name): str(iana) for name, iana in get_global("windows_zone_mapping").items()}


def windows_name(key: str) -> str:
    """The Windows zone name Graph should get for the IANA zone `key` (or a Windows name as
    is); UnsupportedTimeZone, saying why, when no Windows zone keeps that zone's clock."""
    name, why = _resolve(key)
    if not name:
        raise UnsupportedTimeZone(key, why)
    return name


@cache
def _resolve(key: str) -> tuple[str, str]:
    """(Windows name, "") or ("", why not): refusals are remembered too."""
    if key in windows_zones():
        return key, ""
    if key in _NOT_PLACES:
        return "", "It is not a place's time zone."
    try:
        zone = ZoneInfo(_data()["links"].get(key, key))
    except (ZoneInfoNotFoundError, ValueError):
        return "", "It is not an IANA time zone name."
    mapped = _data()["zones"].get(zone.key) or _data()["zones"].get(key)
    if mapped is not None and same_rules(zone, windows_rules(mapped)):
        return mapped, ""
    found = _same_clock(zone)
    return (found, "") if found else ("", "No Outlook time zone keeps the same clock.")


def _same_clock(zone: ZoneInfo) -> str | None:
    """A Windows zone whose clock is `zone`'s: for a fixed offset, the one CLDR gives the
    matching Etc/GMT zone; otherwise the first, by name, with the same daylight-saving rules."""
    offset = fixed_offset(zone)
    if offset is not None and offset % timedelta(hours=1) == timedelta(0):
        hours = -int(offset / timedelta(hours=1))
        etc = f"Etc/GMT{hours:+d}" if hours else "Etc/GMT"
        candidate = _data()["zones"].get(etc)
        if candidate is not None and same_rules(zone, windows_rules(candidate)):
            return candidate
    for name in sorted(windows_zones()):
        if same_rules(zone, windows_rules(name)):
            return name
    return None


@cache
def windows_rules(name: str) -> ZoneInfo:
    """The clock of a Windows zone: the IANA zone CLDR gives for it."""
    return ZoneInfo(windows_zones()[name])


def graph_zone(tz: ZoneInfo) -> ZoneInfo:
    """`tz`, once it is certain Graph can be given a Windows name for it (see
    `windows_name`); UnsupportedTimeZone otherwise. Graph's shapes then name it in Windows
    terms (bot/meetings/graph_docs.py, the client's Prefer header)."""
    windows_name(tz.key)
    return tz


@cache
def zone_named(name: str) -> ZoneInfo | None:
    """The zone behind a timeZone Graph sent: a Windows name, an IANA name or a UTC spelling;
    None when it is none of these."""
    cleaned = name.strip()
    if cleaned.lower() in _UTC_NAMES:
        return UTC_ZONE
    by_lower = {windows.lower(): windows for windows in windows_zones()}
    if cleaned.lower() in by_lower:
        return windows_rules(by_lower[cleaned.lower()])
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def prefer_time_zone(name: str) -> str:
    """The `Prefer: outlook.timezone` value for a zone name: always its Windows name."""
    return f'outlook.timezone="{windows_name(name)}"'
