"""What each grammar step found, turned from a regex match into plain values.

These records, like the parser's other per-message ones (Ctx, Request, Slots, When, Read), are
NamedTuples: as immutable as a frozen dataclass, but a message builds a dozen of them, and a
frozen dataclass costs ~4 µs to build against ~0.5."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from bot.parsing.grammar import Grammar
from bot.parsing.text import key

MAX_MINUTES = 24 * 60


class Clock(NamedTuple):
    """A time of day as written: `fixed` when it can only be a 24-hour time ("09:00", "15h")."""

    h: int
    mi: int
    mer: str | None = None  # "am" | "pm"
    fixed: bool = False
    explicit: bool = True  # has am/pm, a colon or an hour marker
    valid: bool = True
    bare: bool = False  # no minutes and no hour marker: "at 5", "tomorrow 9"
    named: int | None = None  # the hour a clock phrase names: 5 in "quarter to 5" (4:45)


class DateSpec(NamedTuple):
    kind: str  # "days" (n from today) | "weekday" | "ymd" | "dom" (day of month) | "past"
    n: int = 0  # days from today, or the weekday (Monday = 0)
    mode: str = ""  # weekday: "" (bare) | "this" | "next" | "next_week" | "after_next" | "last"
    y: int | None = None
    m: int = 0
    d: int = 0
    weekday: int | None = None  # "Thursday, Dec 3": must agree with the date


class Found(NamedTuple):
    """One phrase of the message and what it sets; `text` is the phrase as the user wrote it."""

    start: int
    end: int
    text: str
    date: DateSpec | None = None
    time: Clock | None = None
    until: Clock | None = None
    period: str | None = None
    delta: timedelta | None = None  # "in 2 hours": the start itself
    duration: timedelta | None = None
    error: str | None = None  # a message key
    zones: tuple[str, ...] = ()  # a time zone named: IANA names (or "UTC+05:30"), likeliest first
    doubt: str | None = None  # read, but to confirm: "no_unit" ("for 45")

    @property
    def anchors(self) -> bool:
        """A bare "3" or "morning" right after this phrase is a time ("tomorrow 3")."""
        return self.error is None and (self.date is not None or self.period is not None)


Groups = dict[str, str | None]


def clock(g: Groups, s: str = "") -> Clock:
    hs = g[f"h{s}"] or "0"
    h, mi = int(hs), int(g[f"mi{s}"] or 0)
    sep = g[f"sep{s}"]
    mer = "am" if g[f"am{s}"] else "pm" if g[f"pm{s}"] else None
    marker = g[f"hm{s}"] is not None or (sep is not None and sep not in ":.")
    explicit = mer is not None or sep == ":" or marker
    if sep == "." and mer is None:
        explicit = False
    fixed = mer is None and ((hs.startswith("0") and len(hs) == 2) or h >= 13 or h == 0)
    valid = mi <= 59 and (1 <= h <= 12 if mer else h <= 23)
    bare = sep is None and g[f"hm{s}"] is None
    return Clock(h, mi, mer, fixed, explicit, valid, bare)


def _number(text: str, gr: Grammar) -> float | None:
    k = key(text)
    if k in gr.numbers:
        return float(gr.numbers[k])
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def minutes(g: Groups, gr: Grammar) -> tuple[float, bool] | None:
    """The length a duration phrase names, in minutes, and whether it was in days or weeks."""
    if g["fx"]:
        return float(gr.fixed_durations[key(g["fx"])]), False
    n = _number(g["n"] or "", gr)
    if n is None:
        return None
    if g["hu"] is not None:
        return n * 60 + int(g["n2"] or 0), False
    if g["mu"] is not None:
        return n, False
    unit = key(g.get("du") or "")
    return n * (1440 if unit in gr.day_units else 7 * 1440), True


def ymd(gr: Grammar, mon: str | None, d: str, y: str | None, wd: str | None) -> DateSpec:
    return DateSpec(
        "ymd",
        y=int(y) if y else None,
        m=gr.months[key(mon or "")] + 1,
        d=int(d),
        weekday=gr.weekdays[key(wd)] if wd else None,
    )


def valid_ymd(spec: DateSpec) -> bool:
    try:
        date(spec.y or 2000, spec.m, spec.d)  # 2000 is a leap year: Feb 29 stays possible
    except ValueError:
        return False
    return True
