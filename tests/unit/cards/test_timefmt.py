"""Times and zones written from what is kept per locale read the same as Babel writes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_time, get_timezone_name

from cards.timefmt import babel_locale, clock, time_range, zone_label

LOCALES = ["en-US", "de-DE", "fr-FR", "ja-JP", "ar-EG", "hi-IN", "ko-KR", "en-GB", "xx-YY"]
ZONES = ["Europe/Berlin", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe", "Etc/GMT+3"]
#: Both sides of each zone's daylight saving changes, midnight and noon, a fold.
MOMENTS = [
    datetime(2026, 1, 15, 0, 0, tzinfo=UTC),
    datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, 1, tzinfo=UTC),
    datetime(2026, 7, 1, 12, 30, 15, 123456, tzinfo=UTC),
    datetime(2026, 11, 1, 6, 30, tzinfo=UTC),
    datetime(2026, 11, 1, 7, 30, tzinfo=UTC),
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("zone", ZONES)
def test_clock_reads_as_babel_format_time(zone: str, locale: str) -> None:
    for moment in MOMENTS:
        local = moment.astimezone(ZoneInfo(zone))
        assert clock(local, locale) == format_time(local, "short", locale=babel_locale(locale))


def test_a_naive_time_reads_as_utc_as_babel_reads_it() -> None:
    naive = datetime(2026, 1, 1, 21, 5)
    assert clock(naive, "en-US") == format_time(naive, "short", locale="en_US") == "9:05\u202fPM"


def test_time_range_with_a_fixed_offset() -> None:
    start = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
    tz = timezone(timedelta(hours=5, minutes=30))
    shown = time_range(start, start + timedelta(hours=12), tz, "en-US")
    assert shown == "Nov 26, 2026, 7:30\u202fPM – Nov 27, 2026, 7:30\u202fAM"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("zone", ZONES)
def test_zone_label_names_the_zone_as_babel_does_at_that_moment(zone: str, locale: str) -> None:
    tz = ZoneInfo(zone)
    for moment in MOMENTS:
        name = get_timezone_name(moment.astimezone(tz), width="long", locale=babel_locale(locale))
        assert zone_label(tz, moment, locale) == f"{name} ({zone})"


@pytest.mark.parametrize(
    ("tz", "label"),
    [(UTC, "UTC"), (ZoneInfo("Etc/UTC"), "Etc/UTC"), (timezone(timedelta(hours=-3)), "UTC-03:00")],
    ids=["utc", "etc-utc", "fixed-offset"],
)
def test_zone_label_of_a_zone_without_a_name(tz: timezone | ZoneInfo, label: str) -> None:
    assert zone_label(tz, MOMENTS[0], "de-DE") == label


def test_an_unknown_locale_reads_as_us_english() -> None:
    assert babel_locale("xx-YY") == babel_locale("en-US")
    assert clock(MOMENTS[3], "xx-YY") == clock(MOMENTS[3], "en-US")
