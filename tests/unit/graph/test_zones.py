"""Every time zone Python knows becomes a name the Outlook calendar API documents, keeping the
user's clock, or is refused in words; none is sent as UTC in its place.

Graph accepts Windows names and a documented list of IANA names (the dateTimeTimeZone page;
graph_emulator/documented_time_zones.json) and answers others with 400
TimeZoneNotSupportedException (microsoft-graph-docs #6870).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from importlib.resources import files
from zoneinfo import ZoneInfo, available_timezones

import pytest

from bot.graph.errors import GraphBadRequest
from bot.graph.zone_rules import same_rules
from bot.graph.zones import (
    UnsupportedTimeZone,
    graph_zone,
    prefer_time_zone,
    windows_name,
    windows_rules,
    windows_zones,
    zone_named,
)
from bot.meetings.graph_docs import date_time_time_zone, from_date_time_time_zone
from graph_emulator.timezones import documented_iana, known_zone

#: Names that are not a place's clock, and Troll station (UTC+0, UTC+2 in the European summer),
#: whose clock no Windows zone keeps.
REFUSED = {"Antarctica/Troll", "Factory", "localtime"}
UTC_NAMES = {
    "Etc/GMT",
    "Etc/GMT+0",
    "Etc/GMT-0",
    "Etc/GMT0",
    "Etc/Greenwich",
    "Etc/UCT",
    "Etc/UTC",
    "Etc/Universal",
    "Etc/Zulu",
    "GMT",
    "GMT+0",
    "GMT-0",
    "GMT0",
    "Greenwich",
    "UCT",
    "UTC",
    "Universal",
    "Zulu",
}
#: An instant each month for a year, and the hours around 2027's European and American changes.
INSTANTS = (
    [datetime(2027, month, 15, 12, tzinfo=UTC) for month in range(1, 13)]
    + [datetime(2027, 3, 28, 0, 30, tzinfo=UTC) + timedelta(hours=h) for h in range(4)]
    + [datetime(2027, 11, 7, 5, 30, tzinfo=UTC) + timedelta(hours=h) for h in range(4)]
)


def documented(name: str) -> bool:
    """A name Microsoft documents for dateTimeTimeZone: a Windows name or a listed IANA one."""
    return name in windows_zones() or name in documented_iana()


def test_every_python_zone_is_sent_by_a_documented_name_or_refused_in_words() -> None:
    mapped: dict[str, str] = {}
    refused: dict[str, str] = {}
    for key in sorted(available_timezones()):
        try:
            mapped[key] = windows_name(key)
        except UnsupportedTimeZone as refusal:
            refused[key] = refusal.message

    assert set(refused) == REFUSED & available_timezones()
    assert all(key in why and "not supported" in why for key, why in refused.items()), refused
    undocumented = {key: name for key, name in mapped.items() if not documented(name)}
    assert not undocumented
    as_utc = {key for key, name in mapped.items() if name == "UTC"}
    assert as_utc == UTC_NAMES & available_timezones()
    assert len(mapped) + len(refused) == len(available_timezones())


def test_every_mapped_zone_keeps_the_users_clock() -> None:
    """The Windows zone has the same UTC offset at every instant of the next years, so the
    invitation shows the user's own local time, not just the right instant."""
    differ = []
    for key in sorted(available_timezones() - REFUSED):
        zone, rules = ZoneInfo(key), windows_rules(windows_name(key))
        if not same_rules(zone, rules):
            differ.append(f"{key} -> {windows_name(key)}")
    assert not differ


@pytest.mark.parametrize(
    ("key", "windows"),
    [
        ("Europe/Madrid", "Romance Standard Time"),
        ("Europe/Berlin", "W. Europe Standard Time"),
        ("America/Toronto", "Eastern Standard Time"),
        ("Asia/Kolkata", "India Standard Time"),
        ("America/Los_Angeles", "Pacific Standard Time"),
        ("America/Sao_Paulo", "E. South America Standard Time"),
        ("Europe/Kyiv", "FLE Standard Time"),
        ("EST5EDT", "Eastern Standard Time"),
        ("America/Scoresbysund", "Greenland Standard Time"),  # CLDR still says Azores
        ("UTC", "UTC"),
    ],
)
def test_well_known_zones_get_their_cldr_windows_name(key: str, windows: str) -> None:
    assert windows_name(key) == windows
    assert prefer_time_zone(key) == f'outlook.timezone="{windows}"'


def repeated(wall: datetime) -> bool:
    """A wall-clock time a fall-back repeats: dateTimeTimeZone (no offset) cannot say which."""
    return wall.utcoffset() != wall.replace(fold=1).utcoffset()


def test_every_dateTimeTimeZone_the_bot_sends_is_read_back_at_the_same_instant() -> None:
    """As Graph reads it (the emulator's zone table) and as the bot reads Graph's answer."""
    wrong = []
    for key in sorted(available_timezones() - REFUSED):
        for instant in INSTANTS:
            sent = date_time_time_zone(instant, ZoneInfo(key))
            graph_reads = known_zone(sent["timeZone"], documented_only=True)
            if graph_reads is None:
                wrong.append(f"{key}: Graph refuses {sent}")
                continue
            wall = datetime.fromisoformat(sent["dateTime"]).replace(tzinfo=graph_reads)
            read_back = from_date_time_time_zone(sent)
            if repeated(wall):
                continue
            if {wall.astimezone(UTC), read_back.astimezone(UTC)} != {instant}:
                wrong.append(f"{key} at {instant:%Y-%m-%d %H:%M}Z: {sent}")
    assert not wrong


def test_a_refused_zone_is_graphs_own_400_said_before_any_request() -> None:
    with pytest.raises(UnsupportedTimeZone) as caught:
        graph_zone(ZoneInfo("Antarctica/Troll"))

    assert isinstance(caught.value, GraphBadRequest)
    assert caught.value.code == "TimeZoneNotSupportedException"
    assert caught.value.zone_name == "Antarctica/Troll"
    assert "No Outlook time zone keeps the same clock" in caught.value.message


@pytest.mark.parametrize(
    ("name", "instant"),
    [
        ("W. Europe Standard Time", datetime(2026, 11, 26, 14, 0, tzinfo=UTC)),
        ("Pacific Standard Time", datetime(2026, 11, 26, 23, 0, tzinfo=UTC)),
        ("pacific standard time", datetime(2026, 11, 26, 23, 0, tzinfo=UTC)),
        ("America/Los_Angeles", datetime(2026, 11, 26, 23, 0, tzinfo=UTC)),
        ("UTC", datetime(2026, 11, 26, 15, 0, tzinfo=UTC)),
        ("tzone://Microsoft/Utc", datetime(2026, 11, 26, 15, 0, tzinfo=UTC)),
    ],
    ids=["windows", "windows-pacific", "windows-any-case", "iana", "utc", "graph-utc"],
)
def test_graphs_zone_names_are_read_back(name: str, instant: datetime) -> None:
    """Prefer: outlook.timezone in a Windows name makes Graph answer in Windows names."""
    value = {"dateTime": "2026-11-26T15:00:00.0000000", "timeZone": name}
    assert from_date_time_time_zone(value) == instant


def test_an_unknown_zone_from_graph_is_read_as_utc() -> None:
    assert zone_named("Customized Time Zone") is None
    value = {"dateTime": "2026-11-26T15:00:00", "timeZone": "Customized Time Zone"}
    assert from_date_time_time_zone(value) == datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def test_the_shipped_table_names_only_windows_zones_cldr_knows() -> None:
    """windows_zones.json against Babel's CLDR windowsZones: no misspelt or retired name."""
    table = json.loads(files("bot.graph").joinpath("windows_zones.json").read_text("utf-8"))
    unknown = sorted(set(table["zones"].values()) - set(windows_zones()))
    assert not unknown
    links = table["links"]["zones"]
    assert all(target in available_timezones() for target in links.values()), links
