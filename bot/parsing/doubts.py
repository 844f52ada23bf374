"""Why a reading should be confirmed before it is acted on, said in the user's language.

Each kind of doubt has a key (Command.doubts) and a message "confirm_<key>" (Command.confirm):
am_pm     a bare hour that could be morning or evening ("at 5"), read as the likelier one
corrected a word read as the time word it resembles ("tomorow", "2morrow")
suspect   a word kept in the subject that looks like a time word ("vendredj" near "10am")
command   a command word one typo from another ("meet nwo" is meet now)
zone      an abbreviation with more than one meaning (IST, CST, BST)
weekday   a weekday that could be this week's or next week's ("next Friday" on a Wednesday)
far_ahead a start more than a year away
no_unit   a duration without a unit ("for 45"), read as minutes
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.language import Language
from bot.parsing.atoms import Clock, Found
from bot.parsing.when import Slots

ORDER = ("command", "corrected", "suspect", "zone", "am_pm", "weekday", "far_ahead", "no_unit")
FAR_AHEAD = timedelta(days=365)


@dataclass(frozen=True)
class Doubt:
    """A reading the parser is unsure of, to be said back to the user."""

    key: str  # one of ORDER
    text: str = ""  # the user's words
    value: str = ""  # what they were read as
    a: str = ""
    b: str = ""


def _unsure_hour(c: Clock) -> bool:
    """No am/pm, no part of day, not a 24-hour time: "at 5" and "3:30" (read as 15:30) are
    unsure, and so is a bare "at 9"; "9:30" and "10h" are as written."""
    if c.mer is not None or c.fixed:
        return False
    hour = c.h if c.named is None else c.named
    return 1 <= hour <= 6 or (7 <= hour <= 11 and c.bare)


def am_pm(slots: Slots, start: datetime) -> Doubt | None:
    tf = slots.time
    if tf is None or tf.time is None or tf.delta is not None or slots.period is not None:
        return None
    if not _unsure_hour(tf.time) or (tf.until is not None and not _unsure_hour(tf.until)):
        return None  # "10-11 Uhr", "9 to 10:30": the end says which half of the day
    other = start + timedelta(hours=12 if start.hour < 12 else -12)
    a, b = sorted((start.strftime("%H:%M"), other.strftime("%H:%M")))
    return Doubt("am_pm", tf.text, start.strftime("%H:%M"), a, b)


def say_date(msg: Language, day: date, *, year: bool = False) -> str:
    template = msg.messages["date_year" if year else "date"]
    return template.format(
        weekday=msg.weekdays[day.weekday()][0],
        day=day.day,
        month=msg.months[day.month - 1][0],
        year=day.year,
    )


def weekday(slots: Slots, day: date, today: date, msg: Language) -> Doubt | None:
    df = slots.date
    spec = df.date if df is not None else None
    if df is None or spec is None or spec.kind != "weekday":
        return None
    same_week = day.isocalendar()[:2] == today.isocalendar()[:2]
    said_today = spec.n == today.weekday()
    unsure = (
        (spec.mode == "next" and same_week)
        or (spec.mode == "" and said_today)
        or (spec.mode == "this" and said_today and day != today)
    )
    return Doubt("weekday", df.text, say_date(msg, day)) if unsure else None


def far_ahead(start: datetime, now: datetime, msg: Language) -> Doubt | None:
    if start - now <= FAR_AHEAD:
        return None
    return Doubt("far_ahead", value=say_date(msg, start.date(), year=True))


def no_unit(duration: Found | None) -> Doubt | None:
    if duration is None or duration.doubt != "no_unit" or duration.duration is None:
        return None
    return Doubt("no_unit", duration.text, str(int(duration.duration.total_seconds() // 60)))


def confirm(msg: Language, doubts: Iterable[Doubt]) -> tuple[tuple[str, ...], str | None]:
    """The doubts' keys in a fixed order, and one line that says them all."""
    ranked = sorted(doubts, key=lambda d: ORDER.index(d.key))
    if not ranked:
        return (), None
    lines = [
        msg.messages[f"confirm_{d.key}"].format(text=d.text, value=d.value, a=d.a, b=d.b)
        for d in ranked
    ]
    return tuple(dict.fromkeys(d.key for d in ranked)), "; ".join(dict.fromkeys(lines))
