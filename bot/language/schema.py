"""What a language must provide for the command parser: word lists and message templates.

Phrases are written naturally (accents, capitals, spaces); the parser folds them the same way it
folds the user's text, so "amanhã" also matches "amanha" and "AMANHÃ".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypedDict

Words = tuple[str, ...]

COMMAND_KINDS = ("meet_now", "meeting", "schedule", "list", "cancel", "help", "find_time")
#: Meeting options a message can ask for (bot.parsing.extras reads them).
OPTION_KEYS = ("lobby_off", "only_me_present", "record", "chat_off")
#: What a one-word repetition ("daily", "wöchentlich") means.
REPEAT_ADVERBS = ("daily", "weekly", "fortnightly", "monthly", "weekdays")
WEEK_INDEXES = ("first", "second", "third", "fourth", "last")
#: Commands that change what the bot sends on its own (words in bot/language/<code>_notices.py).
NOTICE_KINDS = ("remind", "reminders_off", "reminders_on", "agenda_daily", "agenda_off")
PERIODS = ("morning", "afternoon", "evening")
MESSAGE_KEYS = (
    "too_long",
    "unknown",
    "bad_time",
    "bad_duration",
    "duration_limits",
    "two_dates",
    "two_times",
    "two_durations",
    "two_zones",
    "need_time",
    "need_time_for",
    "past",
    "range_and_duration",
    "end_before_start",
    "unknown_mention",
    "cancel_what",
    "list_range",
    "meet_now_time",
    "weekday_mismatch",
    "default_subject",
    "everyone",
    "and",
    "example_meet_now",
    "example_meeting",
    "example_schedule",
    "example_list",
    "example_cancel",
    "example_quoted",
    # unsure readings: what the confirmation card says back (see bot.parsing.doubts)
    "confirm_am_pm",
    "confirm_corrected",
    "confirm_suspect",
    "confirm_command",
    "confirm_far_ahead",
    "confirm_zone",
    "confirm_weekday",
    "confirm_no_unit",
    "date",
    "date_year",
    # finding a time and recurring meetings
    "repeat_until_past",
    "find_window",
    "example_find",
)


class SchedulingWords(TypedDict, total=False):
    """The recurrence, meeting-option and finding-a-time fields of Language, as each
    language's <code>_scheduling.py writes them."""

    repeat_every: Words
    repeat_other: Words
    repeat_weekdays: Words
    repeat_days: Words
    repeat_adverbs: Mapping[str, str]
    repeat_monthly: Words
    repeat_of_month: Words
    repeat_fillers: Words
    week_index: Mapping[str, str]
    repeat_until: Words
    repeat_times: Words
    month_units: Words
    meeting_options: Mapping[str, Words]


#: What the reminder and agenda commands say when they cannot be read, in each language (the
#: cards and confirmations themselves are in the gettext catalogs, cards/locales).
NOTICE_KEYS = (
    "remind_how_long",
    "agenda_when",
    "example_remind",
    "example_agenda",
)


def _none() -> Mapping[str, str]:
    return {}


def _no_numbers() -> Mapping[str, int]:
    return {}


def _no_commands() -> Mapping[str, Words]:
    return {}


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Language:
    """One language's vocabulary. Every field is data; the grammar that uses it is shared.

    Named by its code when shown: a generated repr would list every word of the language, and
    generating it for ~90 fields costs every start-up about a millisecond."""

    code: str
    commands: Mapping[str, Words]  # kind (COMMAND_KINDS) -> command phrases
    meet_flexible: Words  # meet_now words that become `meeting` when a time follows ("meet")
    preambles: Words  # politeness before the command ("please", "can you")
    schedule_fillers: Words  # "a call", "a meeting" right after a schedule word: dropped
    generic_subjects: Words  # a subject that is only "meeting" or "call" is no subject
    cancel_fillers: Words  # "the", "my meeting" right after cancel
    # days
    now: Words  # "meeting Sync now"
    today: Words
    tomorrow: Words
    day_after_tomorrow: Words
    yesterday: Words
    tonight: Words
    weekdays: tuple[Words, ...]  # Monday first, 7 entries
    months: tuple[Words, ...]  # January first, 12 entries
    on: Words  # preposition before a date ("on", "na")
    next: Words  # "next Tuesday"
    this: Words  # "this Tuesday", "this morning"
    next_suffix: Words  # "segunda que vem"
    next_week_suffix: Words  # "Tuesday next week"
    ordinals: Words  # "3rd", "3º"
    day_month_joiners: Words  # "3rd of December", "3 de dezembro"
    year_joiners: Words  # "3 de dezembro de 2026"
    day_prefixes: Words  # "the 3rd", "dia 3"
    lone_day_needs_ordinal: bool  # "the 3rd" needs "rd"; "dia 3" does not
    month_first_locales: Words  # locales that write 12/3 for December 3
    # times
    at: Words  # "at 3pm", "às 15h"
    am: Words
    pm: Words
    hour_markers: Words  # "15h", "15h30", "15 Uhr"
    range_from: Words
    range_to: Words
    noon: Words
    midnight: Words
    end_of_day: Words
    periods: Mapping[str, Words]  # PERIODS -> words ("morning": ("morning",))
    period_preps: Words  # "in the morning", "à tarde"
    # durations and relative times
    relative: Words  # "in 2 hours", "daqui a 2 horas"
    duration_preps: Words  # "for 30m", "por 30 min"
    hour_units: Words
    hour_units_short: Words
    minute_units: Words
    minute_units_short: Words
    day_units: Words
    week_units: Words
    number_words: Mapping[str, int]
    duration_phrases: Mapping[str, int]  # whole phrase -> minutes ("half an hour": 30)
    # people
    with_words: Words
    list_joiners: Words
    everyone: Words
    # listing
    this_week: Words
    next_week: Words
    list_preps: Words
    # subject clean-up
    subject_lead: Words
    subject_trail: Words
    messages: Mapping[str, str]
    # -- relative days and invitations; defaults keep a minimal language valid --
    last: Words = ()  # "last Friday": in the past
    after_next: Words = ()  # "übernächsten Montag": the Monday of the week after next
    last_suffix: Words = ()  # "sexta passada", "vendredi dernier"
    day_word_blockers: Words = ()  # "la" in "por la mañana": not "tomorrow"
    misspellings: Mapping[str, str] = field(default_factory=_none)  # "2morrow" -> "tomorrow"
    hour_words: Mapping[str, int] = field(default_factory=_no_numbers)  # "eleven": 11
    clock_before: Mapping[str, int] = field(default_factory=_no_numbers)  # "quarter to": -15
    clock_after: Mapping[str, int] = field(default_factory=_no_numbers)  # "e meia": 30
    zone_names: Mapping[str, str] = field(default_factory=_none)  # "eastern time": IANA name
    zone_city_before: Words = ()  # "horário de" (Lisboa)
    zone_city_after: Words = ()  # (London) "time"
    zone_false_friends: Words = ()  # lower-case words that are not zones here (French "est")
    list_or_schedule: Words = ()  # "agenda": the list, or the verb "agendar" when a meeting follows
    commands_last: Mapping[str, Words] = field(default_factory=_no_commands)  # "... absagen"
    subject_time_leads: Words = ()  # "the 5pm cutoff", "prazo das 17h": a time inside the subject
    time_lookalikes: Words = ()  # "Morgan", "junior": ordinary words close to a time word
    # German separable verbs: kind -> "verb particle" ("plane ein": "Plane Sync morgen 10 ein")
    separable: Mapping[str, Words] = field(default_factory=_no_commands)
    invite_verbs: Words = ()  # "lade": "lade Anna zum Sync ... ein" is the Sync, with Anna
    invite_to: Words = ()  # "zum", "zur": between the invited people and the meeting
    # -- recurring meetings and meeting options (in <code>_scheduling.py) --
    repeat_every: Words = ()  # "every", "toda", "cada", "jeden", "chaque"
    repeat_other: Words = ()  # "other" in "every other Tuesday": every second one
    repeat_weekdays: Words = ()  # "weekday" in "every weekday": Monday to Friday
    repeat_days: Words = ()  # "day" in "every day"
    repeat_adverbs: Mapping[str, str] = field(default_factory=_none)  # "daily": REPEAT_ADVERBS
    repeat_monthly: Words = ()  # "monthly", "every month" before "on the first Monday"
    repeat_of_month: Words = ()  # "of the month" after "every first Monday"
    repeat_fillers: Words = ()  # "on", "the", "no dia", "am", "le": between the parts
    week_index: Mapping[str, str] = field(default_factory=_none)  # "primeira": WEEK_INDEXES
    repeat_until: Words = ()  # "until", "até", "hasta", "bis", "jusqu'au" before a date
    repeat_times: Words = ()  # "times" in "for 10 times"
    month_units: Words = ()  # "months" in "for 3 months", "every 2 months"
    meeting_options: Mapping[str, Words] = field(default_factory=_no_commands)  # OPTION_KEYS
    before: Words = ()  # "remind me 5 min before": the word that ends the lead

    def __repr__(self) -> str:
        return f"Language(code={self.code!r})"

    def __post_init__(self) -> None:
        missing = [k for k in (*MESSAGE_KEYS, *NOTICE_KEYS) if k not in self.messages]
        missing += [k for k in (*COMMAND_KINDS, *NOTICE_KINDS) if k not in self.commands]
        missing += [k for k in PERIODS if k not in self.periods]
        missing += [k for k in OPTION_KEYS if k not in self.meeting_options]
        if missing or len(self.weekdays) != 7 or len(self.months) != 12:
            raise ValueError(f"language {self.code!r} is incomplete: {missing}")
