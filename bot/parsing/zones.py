"""Time zones named in the text: what a phrase names, and which meaning fits the sender."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from bot.language.zones import ABBREVIATIONS, CITIES, LOCALE_HINTS
from bot.parsing.atoms import Found
from bot.parsing.grammar import Grammar
from bot.parsing.mask import OTHER as OTHER_MASK
from bot.parsing.mask import TIME as TIME_MASK
from bot.parsing.text import key

_CITIES = {key(name): zone for name, zone in CITIES.items()}
_ABBREVIATIONS = {key(name): zones for name, zones in ABBREVIATIONS.items()}
_OFFSET = re.compile(r"UTC([+-])(\d{2}):(\d{2})")


def _offset(sign: str, hours: str, mins: str | None) -> str | None:
    h, mi = int(hours), int(mins or 0)
    if h > 14 or mi > 59:
        return None
    if h == mi == 0:
        return "UTC"
    return f"UTC{'-' if sign in '-−' else '+'}{h:02d}:{mi:02d}"


def from_words(m: re.Match[str], gr: Grammar, start: int, text: str) -> Found | None:
    """ "UTC+2", "+05:30", "London time", "horário de Brasília": always one meaning."""
    g = m.groupdict()
    zone: str | None
    if g["named"]:
        zone = gr.zone_names[key(g["named"])]
    elif g.get("city") or g.get("city2"):
        zone = _CITIES[key(g.get("city") or g.get("city2") or "")]
    elif g["base"]:
        zone = _offset(g["sign"], g["oh"], g["om"]) if g["sign"] else "UTC"
    else:
        zone = _offset(g["sign2"], g["oh2"], g["om2"])
    s, e = m.span()
    if zone is None:
        return Found(s + start, e + start, text[s:e].strip(), error="bad_time")
    return Found(s + start, e + start, text[s:e].strip(), zones=(zone,))


def from_abbreviation(m: re.Match[str], gr: Grammar, text: str, mask: str) -> Found | None:
    """ "CET", "3pm EST", "10h BRT": upper case anywhere; lower case only right after a time,
    and never a word the language uses otherwise (French "est")."""
    word = m["abbr"]
    written = text[m.start("abbr") : m.end("abbr")]
    before = mask[: m.start()].rstrip()[-1:]
    after_time = before == TIME_MASK
    upper = written.strip("()").isupper()
    if word in gr.false_friends:
        sure = upper and before in (TIME_MASK, OTHER_MASK)  # "10h EST", "CET EST"
    else:
        sure = upper or (after_time and len(word) >= 3)
    if not sure:
        return None
    return Found(m.start(), m.end(), text[m.start() : m.end()], zones=_ABBREVIATIONS[key(word)])


def pick(zones: tuple[str, ...], tz: tzinfo, locale: str, now: datetime) -> str:
    """The meaning of an abbreviation that fits the sender: their own zone, one at the same
    offset as theirs, their locale's, else the likeliest."""
    if len(zones) == 1:
        return zones[0]
    name = str(getattr(tz, "key", ""))
    if name in zones:
        return name
    wanted = locale.replace("_", "-").lower()
    for hint in (wanted, wanted.split("-", 1)[0]):
        if LOCALE_HINTS.get(hint) in zones:
            return LOCALE_HINTS[hint]
    mine = now.astimezone(tz).utcoffset()
    same = [z for z in zones if now.astimezone(ZoneInfo(z)).utcoffset() == mine]
    return same[0] if same else zones[0]


def tzinfo_for(zone: str) -> tzinfo:
    """An IANA name, or "UTC+05:30" for an offset written in the text."""
    m = _OFFSET.fullmatch(zone)
    if m is None:
        return ZoneInfo(zone)
    delta = timedelta(hours=int(m[2]), minutes=int(m[3]))
    return timezone(-delta if m[1] == "-" else delta, zone)
