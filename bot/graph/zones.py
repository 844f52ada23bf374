"""Which time zone names to send to the Outlook calendar API.

Graph accepts Windows zone names and a fixed list of "additional" IANA names (the
dateTimeTimeZone page): one IANA name per Windows zone, as CLDR's windowsZones maps them.
Other IANA names (Europe/Amsterdam, America/Toronto) may be refused with
TimeZoneNotSupportedException, so for those the bot sends UTC wall-clock times instead: the
instant is the same, and cards convert to the viewer's zone anyway.
"""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo

from babel.core import get_global

UTC_ZONE = ZoneInfo("UTC")


@cache
def graph_iana_zones() -> frozenset[str]:
    """The IANA names Graph's calendar API documents as supported."""
    mapping = get_global("windows_zone_mapping")
    return frozenset({*map(str, mapping.values()), "UTC"})


def graph_zone(tz: ZoneInfo) -> ZoneInfo:
    """`tz` when Graph knows its name, else UTC."""
    return tz if tz.key in graph_iana_zones() else UTC_ZONE


@cache
def _windows_names() -> dict[str, str]:
    mapping = get_global("windows_zone_mapping")
    return {str(name).lower(): str(iana) for name, iana in mapping.items()}


def zone_from_graph(name: str) -> ZoneInfo | None:
    """The zone a Windows ("Pacific Standard Time") or IANA name from Graph stands for."""
    cleaned = name.strip()
    if cleaned.lower() in ("utc", "tzone://microsoft/utc", "etc/utc"):
        return UTC_ZONE
    try:
        return ZoneInfo(_windows_names().get(cleaned.lower(), cleaned))
    except (ValueError, KeyError, OSError):
        return None
