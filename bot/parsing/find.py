"""find_time: who must be free, when to look, and for how long.

"find a time with ann@contoso.com and @Bob tomorrow for 30m", "when can we meet this week",
"find 1h with everyone next week". The window is one day (today, tomorrow, a weekday, a date:
from now or that day's midnight to the next midnight), this week (from now to next Monday) or
next week (Monday to Monday); nothing named means the next seven days. The length is a
duration anywhere ("for 30m") or right after the command ("find 1h"); else the default.
Attendees are read as for schedule; "everyone" (or no one named, in a group chat) is the
conversation's members, which the bot decides, not the parser.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache

from bot.language import Language
from bot.parsing.atoms import minutes
from bot.parsing.command import Command, CommandKind
from bot.parsing.locales import month_first_of
from bot.parsing.respond import Request, fail, subject_of
from bot.parsing.scan import Problem, scan
from bot.parsing.text import alt, fold
from bot.parsing.when import Slots, collect, local, resolve_day

SEARCH_DAYS = 7


@cache
def _week(L: Language) -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:{alt(L.list_preps)}\s+)?(?:(?P<this>{alt(L.this_week)})"
        rf"|(?P<next>{alt(L.next_week)}))(?!\w)"
    )


def find_time(req: Request) -> Command:
    rest, leading = _leading_duration(req)
    week = _week(req.gr.lang).search(fold(rest))
    if week is not None:
        rest = rest[: week.start()] + " " + rest[week.end() :]
    sc = scan(rest, req.gr, req.mentions, month_first=month_first_of(req.locale))
    slots = collect(sc.finds)
    if sc.problem:
        return fail(req, sc.problem)
    if isinstance(slots, Problem):
        return fail(req, slots)
    window = _window(req, slots, week)
    if isinstance(window, Problem):
        return fail(req, window)
    length = leading or (slots.duration.duration if slots.duration else None)
    return Command(
        CommandKind.FIND_TIME,
        subject=subject_of(req, sc) if sc.subject else None,
        start=window[0],
        end=window[1],
        attendees=tuple(sc.attendees),
        everyone=sc.everyone,
        duration=length or req.default_duration,
    )


def _leading_duration(req: Request) -> tuple[str, timedelta | None]:
    """ "find 1h with everyone": a length right after the command, short units allowed."""
    m = req.gr.duration_after.match(fold(req.rest))
    found = minutes(m.groupdict(), req.gr) if m else None
    if m is None or found is None or found[1] or not 1 <= found[0] <= 24 * 60:
        return req.rest, None
    return req.rest[m.end() :], timedelta(minutes=round(found[0]))


def _window(
    req: Request, slots: Slots, week: re.Match[str] | None
) -> tuple[datetime, datetime] | Problem:
    now = req.now.astimezone(req.tz)
    today = now.date()
    if week is not None:
        if slots.date or slots.time or slots.part:
            return Problem("find_window", week[0])
        monday = today - timedelta(days=today.weekday())
        if week["next"]:
            start = local(monday + timedelta(days=7), 0, 0, req.tz)
            return start, local(monday + timedelta(days=14), 0, 0, req.tz)
        return now, local(monday + timedelta(days=7), 0, 0, req.tz)
    if slots.time is not None and slots.date is None:
        return Problem("find_window", slots.time.text)
    if slots.date is None or slots.date.date is None:
        return now, now + timedelta(days=SEARCH_DAYS)
    day = resolve_day(slots.date.date, today)
    if day is None:
        return Problem("past", slots.date.text)
    return max(now, local(day, 0, 0, req.tz)), local(day + timedelta(days=1), 0, 0, req.tz)
