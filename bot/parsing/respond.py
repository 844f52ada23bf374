"""One function per command kind: the words after the command in, a Command out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo

from bot.language import Language
from bot.parsing import doubts as why
from bot.parsing.command import Command, CommandKind, evolve
from bot.parsing.extras import Repeat
from bot.parsing.grammar import Grammar
from bot.parsing.locales import month_first_of
from bot.parsing.scan import MentionLike, Problem, Scan, scan
from bot.parsing.series import place
from bot.parsing.text import fold, key
from bot.parsing.when import Slots, collect, local, resolve, resolve_day, said
from bot.parsing.zones import pick, tzinfo_for

LIST_DAYS = 7
_EXAMPLES = {
    "meet_now": "example_meet_now",
    "meeting": "example_meeting",
    "schedule": "example_schedule",
    "list": "example_list",
    "cancel": "example_cancel",
    "find_time": "example_find",
}


class Request(NamedTuple):
    kind: str
    word: str  # the command word as matched, folded ("meetnow")
    rest: str  # the user's text after it
    gr: Grammar  # the language the command was written in
    msg: Language  # the language to answer in
    now: datetime
    tz: ZoneInfo
    locale: str
    mentions: Sequence[MentionLike]
    default_duration: timedelta
    doubts: tuple[why.Doubt, ...] = ()  # from reading the command word ("meet nwo")


def say(msg: Language, problem: Problem, kind: str) -> str:
    """A problem in words, with an example the user can copy."""
    example_key = "example_quoted" if problem.key in ("two_dates", "two_times") else None
    if problem.key == "meet_now_time":
        example_key = "example_meeting"
    fields = {
        "text": problem.text,
        "a": problem.text,
        "b": problem.other,
        "example": msg.messages[example_key or _EXAMPLES.get(kind, "example_schedule")],
        "weekday": "",
    }
    if problem.key == "weekday_mismatch":
        fields["weekday"] = msg.weekdays[int(problem.other)][0]
    return msg.messages[problem.key].format(**fields)


def fail(req: Request, problem: Problem, kind: str | None = None) -> Command:
    kind = kind or req.kind
    return Command(CommandKind(kind), error=say(req.msg, problem, kind))


def subject_of(req: Request, sc: Scan) -> str | None:
    template = req.msg.messages["default_subject"]
    generic = sc.subject and not sc.quoted and key(sc.subject) in req.gr.generic_subjects
    if sc.subject and not generic:
        lead = req.gr.with_lead.match(fold(sc.subject))
        if lead and not sc.quoted:  # "with Ann": a name I cannot invite, but a fine title
            return template.format(names=sc.subject[lead.end() :])
        return sc.subject
    names = sc.names + ([req.msg.messages["everyone"]] if sc.everyone else [])
    if not names:
        return None
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1])
    if len(names) > 1:
        joined += f" {req.msg.messages['and']} {names[-1]}"
    return template.format(names=joined)


def _from_now(req: Request, slots: Slots) -> tuple[datetime, datetime]:
    start = req.now.astimezone(req.tz).replace(second=0, microsecond=0)  # "now" is this minute
    length = slots.duration.duration if slots.duration else None
    return start, (start.astimezone(UTC) + (length or req.default_duration)).astimezone(req.tz)


def _fixed(sc: Scan) -> list[why.Doubt]:
    return [why.Doubt("corrected", f.said, f.read) for f in sc.fixes]


def _suspected(sc: Scan) -> list[why.Doubt]:
    return [why.Doubt("suspect", f.said, f.read) for f in sc.suspects]


def _time_doubts(
    req: Request, slots: Slots, start: datetime, zone: str | None, read_tz: tzinfo
) -> list[why.Doubt]:
    here = start.astimezone(read_tz)
    found = [
        why.am_pm(slots, here),
        why.weekday(slots, here.date(), req.now.astimezone(read_tz).date(), req.msg),
        why.far_ahead(start, req.now, req.msg),
        why.no_unit(slots.duration),
    ]
    if slots.zone is not None and len(slots.zone.zones) > 1:
        found.append(why.Doubt("zone", slots.zone.text, zone or ""))
    return [d for d in found if d is not None]


def _timed(
    req: Request, slots: Slots, kind: str, zone: str | None
) -> tuple[Command, list[why.Doubt]]:
    """A meeting at the time the message names (in the zone it names, if any)."""
    read_tz = tzinfo_for(zone) if zone else req.tz
    when = resolve(slots, req.now, read_tz, req.default_duration)
    if when.problem:
        return fail(req, when.problem, kind), []
    if when.start is None or when.end is None:
        if kind == "schedule":
            return fail(req, Problem("need_time")), []
        start, end = _from_now(req, slots)
        return Command(CommandKind(kind), start=start, end=end, zone=zone), []
    start, end = when.start.astimezone(req.tz), when.end.astimezone(req.tz)
    found = _time_doubts(req, slots, start, zone, read_tz)
    return Command(CommandKind(kind), start=start, end=end, zone=zone), found


def _meeting(req: Request) -> Command:
    rest, kind = req.rest, req.kind
    if kind == "schedule":
        filler = req.gr.schedule_filler.match(fold(rest))
        rest = rest[filler.end() :] if filler else rest
        if not rest.strip() or key(rest) in req.gr.generic_subjects:
            return _sure(req, Command(CommandKind.SCHEDULE), [])  # open the scheduling form
    sc = scan(rest, req.gr, req.mentions, month_first=month_first_of(req.locale), extras=True)
    slots = collect(sc.finds)
    if sc.problem:
        return fail(req, sc.problem)
    if isinstance(slots, Problem):
        return fail(req, slots)
    said_now = slots.time is not None and slots.time.delta == timedelta(0)
    named_time = (slots.date or slots.time or slots.part) and not said_now
    if sc.repeat is not None:  # a series is a calendar event, at a time of day
        if kind == "meet_now":
            return fail(req, Problem("meet_now_time", sc.repeat.text))
        kind = "schedule"
    if kind == "meet_now" and named_time:
        if req.word not in {key(w) for w in req.gr.lang.meet_flexible}:
            return fail(req, Problem("meet_now_time", said(slots.date, slots.time, slots.part)))
        kind = "meeting"
    zone = pick(slots.zone.zones, req.tz, req.locale, req.now) if slots.zone else None
    found: list[why.Doubt] = []
    if kind == "meet_now":
        start, end = _from_now(req, slots)
        timed = Command(CommandKind.MEET_NOW, start=start, end=end, zone=zone)
    else:
        timed, found = _timed(req, slots, kind, zone)
        if timed.error:
            return timed
        if sc.repeat is not None:
            timed = _series(req, timed, sc.repeat)
            if timed.error:
                return timed
    command = evolve(
        timed,
        subject=subject_of(req, sc),
        attendees=tuple(sc.attendees),
        everyone=sc.everyone,
        options=sc.options,
    )
    return _sure(req, command, [*_fixed(sc), *_suspected(sc), *found])


def _series(req: Request, timed: Command, repeat: Repeat) -> Command:
    """The first meeting moved to the series' first day; the rule on the command."""
    assert timed.start is not None
    assert timed.end is not None
    placed = place(repeat, timed.start, timed.end, req.now, req.tz)
    if isinstance(placed, Problem):
        return fail(req, placed)
    start, end, rule = placed
    return evolve(timed, start=start, end=end, recurrence=rule)


def _sure(req: Request, command: Command, found: Sequence[why.Doubt]) -> Command:
    """The command with its doubts said in the user's language (none: it is sure)."""
    keys, text = why.confirm(req.msg, [*req.doubts, *found])
    return evolve(command, confirm=text, doubts=keys)


def _list(req: Request) -> Command:
    now = req.now.astimezone(req.tz)
    today = now.date()
    if not req.rest.strip():
        command = Command(CommandKind.LIST, start=now, end=now + timedelta(days=LIST_DAYS))
        return _sure(req, command, [])
    week = req.gr.week_range.match(fold(req.rest))
    if week:
        monday = today - timedelta(days=today.weekday() - (7 if week["next"] else 0))
        return _days(req, monday, 7, [])
    sc = scan(req.rest, req.gr, (), month_first=month_first_of(req.locale))
    slots = collect(sc.finds)
    problem = Problem("list_range", req.rest.strip())
    day = _list_day(sc, slots, today)
    if day is None:
        if req.word in req.gr.list_or_schedule:  # "agenda uma reunião amanhã às 10h"
            return _meeting(req._replace(kind="schedule"))
        return fail(req, problem)
    return _days(req, day, 1, _fixed(sc))


def _list_day(sc: Scan, slots: Slots | Problem, today: date) -> date | None:
    if isinstance(slots, Problem) or sc.problem or sc.subject or sc.attendees or sc.everyone:
        return None
    if not slots.date or not slots.date.date or slots.time or slots.part or slots.duration:
        return None
    return resolve_day(slots.date.date, today, strict=False)


def _days(req: Request, first: date, count: int, found: Sequence[why.Doubt]) -> Command:
    """Local midnight to local midnight: 23 or 25 hours on a DST day."""
    end = first + timedelta(days=count)
    command = Command(
        CommandKind.LIST, start=local(first, 0, 0, req.tz), end=local(end, 0, 0, req.tz)
    )
    return _sure(req, command, found)


def _cancel(req: Request) -> Command:
    rest = req.rest
    filler = req.gr.cancel_filler.match(fold(rest))
    rest = rest[filler.end() :] if filler else rest
    last = req.gr.cancel_last.search(fold(rest)) if req.gr.cancel_last else None
    rest = rest[: last.start()] if last else rest  # "sag das Meeting Budget ab"
    subject = " ".join(rest.split()).strip(' "“”«»„:') or None
    if subject is None:
        return fail(req, Problem("cancel_what"))
    return _sure(req, Command(CommandKind.CANCEL, subject=subject), [])


def _help(req: Request) -> Command:
    subject = " ".join(req.rest.split()).strip(" ,:") or None
    return _sure(req, Command(CommandKind.HELP, subject=subject), [])


_HANDLERS: dict[str, Callable[[Request], Command]] = {
    "meet_now": _meeting,
    "meeting": _meeting,
    "schedule": _meeting,
    "list": _list,
    "cancel": _cancel,
    "help": _help,
}


def handle(req: Request) -> Command:
    return _HANDLERS[req.kind](req)
