"""One function per command kind: the words after the command in, a Command out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.language import Language, month_first
from bot.parsing.command import Command, CommandKind
from bot.parsing.grammar import Grammar
from bot.parsing.scan import MentionLike, Problem, Scan, scan
from bot.parsing.text import fold, key
from bot.parsing.when import Slots, collect, local, resolve, resolve_day, said

LIST_DAYS = 7
_EXAMPLES = {
    "meet_now": "example_meet_now",
    "meeting": "example_meeting",
    "schedule": "example_schedule",
    "list": "example_list",
    "cancel": "example_cancel",
}


@dataclass(frozen=True)
class Request:
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


def _fail(req: Request, problem: Problem, kind: str | None = None) -> Command:
    kind = kind or req.kind
    return Command(CommandKind(kind), error=say(req.msg, problem, kind))


def _subject(req: Request, sc: Scan) -> str | None:
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
    start = req.now.astimezone(req.tz)
    length = slots.duration.duration if slots.duration else None
    return start, (start.astimezone(UTC) + (length or req.default_duration)).astimezone(req.tz)


def _meeting(req: Request) -> Command:
    rest, kind = req.rest, req.kind
    if kind == "schedule":
        filler = req.gr.schedule_filler.match(fold(rest))
        rest = rest[filler.end() :] if filler else rest
        if not rest.strip() or key(rest) in req.gr.generic_subjects:
            return Command(CommandKind.SCHEDULE)  # open the scheduling form
    sc = scan(rest, req.gr, req.mentions, month_first=month_first(req.locale))
    slots = collect(sc.finds)
    if sc.problem:
        return _fail(req, sc.problem)
    if isinstance(slots, Problem):
        return _fail(req, slots)
    said_now = slots.time is not None and slots.time.delta == timedelta(0)
    named_time = (slots.date or slots.time or slots.part) and not said_now
    if kind == "meet_now" and named_time:
        if req.word not in {key(w) for w in req.gr.lang.meet_flexible}:
            return _fail(req, Problem("meet_now_time", said(slots.date, slots.time, slots.part)))
        kind = "meeting"
    if kind == "meet_now":
        start, end = _from_now(req, slots)
    else:
        when = resolve(slots, req.now, req.tz, req.default_duration)
        if when.problem:
            return _fail(req, when.problem, kind)
        if when.start is None or when.end is None:
            if kind == "schedule":
                return _fail(req, Problem("need_time"))
            start, end = _from_now(req, slots)
        else:
            start, end = when.start, when.end
    return Command(
        CommandKind(kind), _subject(req, sc), start, end, tuple(sc.attendees), sc.everyone
    )


def _list(req: Request) -> Command:
    now = req.now.astimezone(req.tz)
    today = now.date()
    if not req.rest.strip():
        return Command(CommandKind.LIST, start=now, end=now + timedelta(days=LIST_DAYS))
    week = req.gr.week_range.match(fold(req.rest))
    if week:
        monday = today - timedelta(days=today.weekday() - (7 if week["next"] else 0))
        return _days(req, monday, 7)
    sc = scan(req.rest, req.gr, (), month_first=month_first(req.locale))
    slots = collect(sc.finds)
    problem = Problem("list_range", req.rest.strip())
    if isinstance(slots, Problem) or sc.problem or sc.subject or sc.attendees or sc.everyone:
        return _fail(req, problem)
    if not slots.date or not slots.date.date or slots.time or slots.part or slots.duration:
        return _fail(req, problem)
    day = resolve_day(slots.date.date, today, strict=False)
    if day is None:
        return _fail(req, problem)
    return _days(req, day, 1)


def _days(req: Request, first: date, count: int) -> Command:
    """Local midnight to local midnight: 23 or 25 hours on a DST day."""
    end = first + timedelta(days=count)
    return Command(CommandKind.LIST, start=local(first, 0, 0, req.tz), end=local(end, 0, 0, req.tz))


def _cancel(req: Request) -> Command:
    rest = req.rest
    filler = req.gr.cancel_filler.match(fold(rest))
    rest = rest[filler.end() :] if filler else rest
    subject = " ".join(rest.split()).strip(' "“”«»„:') or None
    if subject is None:
        return _fail(req, Problem("cancel_what"))
    return Command(CommandKind.CANCEL, subject=subject)


def _help(req: Request) -> Command:
    return Command(CommandKind.HELP, subject=" ".join(req.rest.split()).strip(" ,:") or None)


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
