"""Read every date, time, duration and time zone phrase, masking each one as it is read."""

from __future__ import annotations

from datetime import timedelta

from bot.parsing import zones
from bot.parsing.atoms import Found
from bot.parsing.mask import OTHER, TIME, Mask
from bot.parsing.steps import STEPS, Ctx, bare_after, span
from bot.parsing.text import fold

NO_UNIT_MINUTES = (10, 240)  # "for 45": minutes, confirmed; "for 5" stays unreadable
SHORT_HOURS = 4  # "sexta 15h 2h": a second "2h" right after a time is how long, up to 4 hours


def read_times(ctx: Ctx, mask: Mask) -> list[Found]:
    if not mask.text:  # "meet now": no phrase is empty, so nothing to read (nor to compile)
        return []
    finds: list[Found] = []
    _zone_words(ctx, mask, finds)
    gate = ctx.gr.step_gate
    needed = gate.open(mask.text)
    for i, (name, step) in enumerate(ctx.gr.steps):
        if not needed >> i & 1 or not step.triggered(mask.text):
            continue
        text = mask.text
        for m in step.rx.finditer(text):
            hit = STEPS[name](m, ctx)
            if hit is not None:
                finds.append(hit)
                sentinel = OTHER if name.startswith("duration") else TIME
                mask.hide(m.start(), m.end(), sentinel)
        if mask.text is not text:  # what was read is hidden: what the next steps need, anew
            needed = gate.open(mask.text)
    _bare_after(ctx, mask, finds)
    _durations_after(ctx, mask, finds)
    _zone_abbreviations(ctx, mask, finds)
    finds.sort(key=lambda f: f.start)
    finds = _hours_after_time(ctx, mask, finds)
    finds = _join_ranges(ctx, mask, finds)
    return _times_in_subject(ctx, mask, finds)


def _zone_words(ctx: Ctx, mask: Mask, finds: list[Found]) -> None:
    for m in ctx.gr.zone_words.finditer(mask.text):
        hit = zones.from_words(m, ctx.gr, 0, ctx.text)
        if hit is not None:
            finds.append(hit)
            mask.hide(m.start(), m.end(), OTHER)


def _zone_abbreviations(ctx: Ctx, mask: Mask, finds: list[Found]) -> None:
    for m in ctx.gr.zone_abbreviations.finditer(mask.text):
        hit = zones.from_abbreviation(m, ctx.gr, ctx.text, mask.text)
        if hit is not None:
            finds.append(hit)
            mask.hide(m.start(), m.end(), OTHER)


def _bare_after(ctx: Ctx, mask: Mask, finds: list[Found]) -> None:
    todo = [f for f in finds if f.anchors]
    while todo:
        after = ctx.gr.bare_after.match(mask.text, todo.pop().end)
        hit = bare_after(after, ctx) if after else None
        if after and hit:
            finds.append(hit)
            mask.hide(after.start(), after.end(), TIME)
            if hit.anchors:
                todo.append(hit)


def _durations_after(ctx: Ctx, mask: Mask, finds: list[Found]) -> None:
    """ "friday 3pm 2h", "9am 20m": a short duration right after a time; "for 45": minutes."""
    for f in [f for f in finds if f.time is not None]:
        m = ctx.gr.duration_after.match(mask.text, f.end)
        hit = STEPS["duration_bare"](m, ctx) if m else None
        if m and hit:
            finds.append(hit)
            mask.hide(m.start(), m.end(), OTHER)
    low, high = NO_UNIT_MINUTES
    for m in ctx.gr.duration_no_unit.finditer(mask.text):
        n = int(m["n"])
        if low <= n <= high and n % 5 == 0:
            finds.append(Found(*span(m, ctx), duration=timedelta(minutes=n), doubt="no_unit"))
            mask.hide(m.start(), m.end(), OTHER)


def _hours_after_time(ctx: Ctx, mask: Mask, found: list[Found]) -> list[Found]:
    """ "sexta às 15h 2h", "vendredi 15h 1h30": where "15h" is a time, a short "2h" right after
    it is the meeting's length (in English "2h" is never a time: _durations_after reads it)."""
    finds: list[Found] = []
    for f in found:
        a = finds[-1] if finds else None
        short = _plain_time(f) and f.time is not None and f.time.h <= SHORT_HOURS
        if a is None or a.time is None or a.until is not None or not short:
            finds.append(f)
            continue
        m = ctx.gr.duration_after.match(fold(ctx.text), a.end)
        hit = STEPS["duration_bare"](m, ctx) if m and m.end() == f.end else None
        if hit is None or hit.duration is None:
            finds.append(f)
            continue
        finds.append(hit)
        mask.hide(f.start, f.end, OTHER)
    return finds


def _plain_time(f: Found | None) -> bool:
    return f is not None and f.time is not None and f.until is None and f.date is None


def _range_between(ctx: Ctx, a: Found, b: Found) -> bool:
    """ "noon - 1pm", "noon to 1pm", or "meio-dia às 13h" (where "às" went with the time)."""
    gap = fold(ctx.text[a.end : b.start])
    if ctx.gr.range_gap.fullmatch(gap):
        return True
    return not gap.strip() and ctx.gr.range_to_lead.match(fold(b.text)) is not None


def _join_ranges(ctx: Ctx, mask: Mask, found: list[Found]) -> list[Found]:
    """Join two times found separately into a range: "noon-1pm", "from noon to 1:30pm"."""
    finds: list[Found] = []
    for f in found:
        a = finds[-1] if finds else None
        if a is None or not (_plain_time(a) and _plain_time(f) and _range_between(ctx, a, f)):
            finds.append(f)
            continue
        lead = ctx.gr.range_lead.search(mask.text, 0, a.start) if a.start else None
        start = lead.start() if lead else a.start
        mask.hide(start, f.start, TIME)
        text = ctx.text[start : f.end]
        period = a.period or f.period
        finds[-1] = Found(start, f.end, text, time=a.time, until=f.time, period=period)
    return finds


def _times_in_subject(ctx: Ctx, mask: Mask, finds: list[Found]) -> list[Found]:
    """ "Review of the 5pm cutoff tomorrow 10am": of two times, one after "the" belongs to the
    subject when the other is clearly the meeting's."""
    times = [f for f in finds if f.time is not None and f.date is None and f.delta is None]
    if len(times) < 2:
        return finds
    led = [f for f in times if ctx.gr.subject_time_lead.search(mask.text, 0, f.start)]
    if len(led) != len(times) - 1:
        return finds
    for f in led:
        mask.restore(f.start, f.end)
    return [f for f in finds if f not in led]
