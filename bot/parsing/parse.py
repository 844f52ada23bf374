"""Turn what a person typed into a Command. Pure: no I/O, no clock, no Bot Framework types.

The words are data (bot.language: English, Portuguese, Spanish, German, French); the grammar is
shared (bot.parsing). The locale's language is tried first, then the others, so "schedule ..."
works under pt-BR. Errors and confirmations are written in the language of the words that read
the command (`Command.language`: a Portuguese sentence from an en-US client is answered in
Portuguese), else in the locale's (English for a locale without one). German may put the verb
last ("Budget-Review absagen").

How times are read, in the sender's zone `tz`:

- A time with no date is today, or tomorrow if it has already passed ("at 9am" said at 10:00).
  A time on a date the user gave that has passed is an error ("today 9am" at 10:00,
  "yesterday 3pm"). A bare weekday ("Monday", "this Monday") is the next such day on which the
  time is still ahead (today counts); "next Monday" is never today; "Monday next week" is the
  Monday of the following ISO week. "Dec 3" without a year is this year's, or next year's when it
  passed more than 31 days ago ("Jan 2" said on Dec 31); within 31 days it is an error.
  "the 3rd" / "dia 3" is the next 3rd of a month.
- Bare hours (no am/pm, no leading zero): 1-6 mean 13:00-18:00 ("at 3" = 15:00), 7-12 are as
  written ("at 9" = 09:00, "at 12" = noon); "09:00" and 13-23 are 24-hour times; "15h" too.
  A part of day decides instead: "tonight 8" = 20:00 today, "9 da manhã" = 09:00. Clock words
  too: "half past 4" = 16:30, "quarter to 7" = 06:45, "halb vier" = 15:30, "onze e meia" = 11:30;
  "at 1700" and "tomorrow 1700" are 17:00.
- Defaults: morning 09:00, afternoon 14:00, evening/tonight 18:00, noon 12:00, midnight 00:00,
  end of day 17:00. A date without a time ("schedule X tomorrow") is an error, never a guess.
- Ranges set the end: "3-4pm", "10-2pm" (10am), "from 3pm to 4:30pm", "de 15h às 16h",
  "from 10 till noon"; "22:00 to 01:00" ends the next day.
  A duration ("for 1h30", "half an hour") is elapsed time, so it is exact across DST changes;
  without one the meeting lasts `default_duration`. A range and a duration together is an error.
  A short duration right after a time needs no "for" ("friday 3pm 2h"); "for 45" (10-240, a
  multiple of 5) is minutes, confirmed. Zero, negative or over 24 hours is refused.
- A zone named in the text ("10am ET", "15h horário de Brasília", "+05:30", "London time") is
  where the date and time are read; start/end come back in `tz` and `zone` names the zone.
- DST: a wall time that does not exist (02:30 when clocks spring forward) moves forward by the
  gap (03:30); an ambiguous one (02:30 when clocks fall back) is the first, summer-time one.

What each command's fields mean:

- meet_now: start = now, end = now + duration. Time words are an error ("meet now tomorrow"),
  except after plain "meet"/"call", which then reads as `meeting` ("meet tomorrow 3pm").
- meeting: start = the time given, or now ("now"/"agora" say so too).
- schedule: a time is required; "schedule" alone (or "schedule a meeting") is valid with every
  field empty: it opens the scheduling form.
- list: start/end bound the range: today / tomorrow / one named day = local midnight to
  midnight; this week / next week = Monday 00:00 to the next Monday 00:00 (ISO weeks);
  nothing = now to now + 7 days.
- cancel: subject is the text naming the meeting (articles dropped); none is an error.
- help: subject is any topic after "help"; empty text is help too. unknown always has an error.
- find_time: start/end bound the search (one day, this week from now, next week, or the next
  seven days), `duration` is the meeting's length; attendees and everyone as for schedule
  (bot/parsing/find.py).
- Recurring meetings ("every weekday 9:15", "toda segunda às 10h", "until Mar 31", "for 6
  weeks") set `recurrence` on schedule (meeting becomes schedule; meet now refuses), and start
  is the first meeting; meeting options ("lobby off", "only I present", "record it", "chat
  off") set `options` on meet now, meeting and schedule (bot/parsing/extras.py, series.py).
- An error keeps the command's kind and empties every other field.

Subject: a quoted subject is literal; otherwise it is what remains after the command, time,
duration and attendee phrases. When nothing (or only "meeting"/"call") remains: "Meeting with
Ann" when there are attendees, else None (the meeting service picks its default); a leftover
"with Ann" (a name, not a mention) becomes "Meeting with Ann". Attendees: e-mails (lower-cased)
and mention ids in the order written, without duplicates; `everyone` is set by "everyone",
"todos" or "@everyone".

Never a silent guess. Two dates or two times ("Monday planning tomorrow 3pm") are an error that
suggests quoting the subject, unless one time is plainly part of the subject ("Review of the
5pm cutoff tomorrow 10am"). A reading that involved a choice is returned with `confirm` (why, in
the user's language) and `doubts` (the reasons' keys, see bot.parsing.doubts): a bare hour, a
misspelt time word read as the word ("tomorow", "2morrow"), a word kept in the subject that looks
like a time word of any language ("vendredj", bot/parsing/suspect.py), a command word one typo
away ("meet nwo"), an abbreviation with several zones (IST, CST, BST), "next Friday" said in
Friday's week or a weekday said on that weekday, a start over a year ahead, a duration without a
unit. Messages over MAX_CHARS characters are refused before any parsing, which caps the work.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.language import Language
from bot.parsing.command import Command, CommandKind, Mention, evolve
from bot.parsing.find import find_time
from bot.parsing.grammar import grammar_for
from bot.parsing.locales import reply_language
from bot.parsing.notices import NOTICE_HANDLERS
from bot.parsing.reading import read_command
from bot.parsing.respond import Request, handle
from bot.parsing.text import fold

MAX_CHARS = 1000


DEFAULT_DURATION = timedelta(minutes=30)

_TAG = re.compile(r"<(?!/?at>)[^<>]{0,300}>", re.I)
_TRAILING = ".!?…;,"


def _clean(text: str) -> str:
    """Drop HTML other than <at> mentions, entities, extra blanks and trailing punctuation."""
    text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = " ".join(text.split())
    stripped = text.rstrip(_TRAILING).rstrip()
    return stripped or text


def _unknown(text: str, msg: Language) -> Command:
    shown = text if len(text) <= 40 else text[:40].rstrip() + "…"
    error = msg.messages["unknown"].format(text=shown, example=msg.messages["example_schedule"])
    return Command(CommandKind.UNKNOWN, error=error)


def parse_command(
    text: str,
    now: datetime,
    tz: ZoneInfo,
    locale: str = "en-US",
    *,
    mentions: Sequence[Mention] = (),
    default_duration: timedelta = DEFAULT_DURATION,
) -> Command:
    """Read one message. `now` must be aware; the result's times are in `tz`."""
    msg = reply_language(locale)
    if len(text) > MAX_CHARS:
        error = msg.messages["too_long"].format(
            n=len(text), limit=MAX_CHARS, example=msg.messages["example_schedule"]
        )
        return Command(CommandKind.UNKNOWN, error=error)
    clean = _clean(text)
    if not clean:
        return Command(CommandKind.HELP)
    read = read_command(clean, fold(clean), locale)
    if read is None:
        return _unknown(clean, msg)
    request = Request(
        kind=read.kind,
        word=read.word,
        rest=read.rest,
        gr=grammar_for(read.lang),
        msg=read.lang,
        now=now,
        tz=tz,
        locale=locale,
        mentions=mentions,
        default_duration=default_duration,
        doubts=read.doubts,
    )
    if read.kind == "find_time":
        return find_time(request)
    notice = NOTICE_HANDLERS.get(read.kind)
    command = notice(request) if notice is not None else handle(request)
    return evolve(command, language=read.lang.code)
