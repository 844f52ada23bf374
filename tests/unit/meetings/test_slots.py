"""Choosing slots from free/busy: inside everyone's working hours, earliest first, or the
least conflicted naming who is busy; unreadable calendars named and not counted."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.meetings.slots import Availability, WorkingHours, best_slots

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
DAY = (datetime(2026, 12, 1, tzinfo=BERLIN), datetime(2026, 12, 2, tzinfo=BERLIN))
HALF = timedelta(minutes=30)
NINE_TO_FIVE = WorkingHours(frozenset(range(5)), time(9), time(17), BERLIN)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 1, hour, minute, tzinfo=BERLIN)


def starts(choice: object) -> list[str]:
    return [s.start.astimezone(BERLIN).strftime("%H:%M") for s in choice.slots]  # type: ignore[attr-defined]


def test_earliest_free_slots_that_do_not_overlap() -> None:
    ann = Availability("Ann", ((at(9), at(10), "busy"),), NINE_TO_FIVE)
    choice = best_slots([ann], DAY, timedelta(hours=1), BERLIN)
    assert starts(choice) == ["10:00", "11:00", "12:00"]
    assert choice.everyone_free


def test_working_hours_in_each_persons_zone_bound_the_slots() -> None:
    """Berlin 09-17 and New York 09-17 (15:00-23:00 Berlin) overlap 15:00-17:00 in Berlin."""
    ny = WorkingHours(frozenset(range(5)), time(9), time(17), NEW_YORK)
    people = [Availability("Ann", (), NINE_TO_FIVE), Availability("Bob", (), ny)]
    assert starts(best_slots(people, DAY, HALF, BERLIN)) == ["15:00", "15:30", "16:00"]


def test_nothing_free_gives_the_least_conflicted_with_names() -> None:
    ann = Availability("Ann", ((at(9), at(17), "busy"),), NINE_TO_FIVE)
    bob = Availability("Bob", ((at(9), at(12), "oof"),), NINE_TO_FIVE)
    choice = best_slots([ann, bob], DAY, HALF, BERLIN)
    assert not choice.everyone_free
    assert starts(choice) == ["12:00", "12:30", "13:00"]
    assert {s.busy for s in choice.slots} == {("Ann",)}


def test_working_elsewhere_is_free_and_unreadable_people_are_not_counted() -> None:
    ann = Availability("Ann", ((at(9), at(17), "workingElsewhere"),), NINE_TO_FIVE)
    outside = Availability("x@fabrikam.com", readable=False)
    choice = best_slots([ann, outside], DAY, HALF, BERLIN)
    assert starts(choice) == ["09:00", "09:30", "10:00"]
    assert choice.unreadable == ("x@fabrikam.com",)


def test_no_working_hours_known_means_nine_to_five_in_the_requesters_zone() -> None:
    choice = best_slots([Availability("Ann")], DAY, HALF, BERLIN)
    assert starts(choice) == ["09:00", "09:30", "10:00"]
    weekend = (datetime(2026, 12, 5, tzinfo=BERLIN), datetime(2026, 12, 7, tzinfo=BERLIN))
    assert best_slots([Availability("Ann")], weekend, HALF, BERLIN).slots == ()
    assert DAY[0].tzinfo is not UTC
