"""English messages of the command parser: refusals, confirmations and examples."""

from __future__ import annotations

MESSAGES = {
    "too_long": (
        "That message is too long for me ({n} characters; I read up to {limit}). "
        "Try a short command, e.g. {example}"
    ),
    "unknown": "I didn't understand “{text}”. Try: {example}, meet now, my meetings or help",
    "bad_time": "I couldn't read the time in “{text}”. Try: {example}",
    "bad_duration": (
        "I couldn't read the duration in “{text}”. Try: for 45m, for 1h30 or for 1.5 hours"
    ),
    "duration_limits": (
        "A meeting must last between 1 minute and 24 hours, so “{text}” won't work. Try: for 45m"
    ),
    "two_dates": (
        "I found two dates, “{a}” and “{b}”; please give one. "
        "If the subject names a day, put it in quotes, e.g. {example}"
    ),
    "two_times": (
        "I found two times, “{a}” and “{b}”; please give one. "
        "If the subject contains a time, put it in quotes, e.g. {example}"
    ),
    "two_durations": "I found two durations, “{a}” and “{b}”; please give one.",
    "need_time": "When should it start? Add a day and time, e.g. {example}",
    "need_time_for": "“{text}” has no time of day. Add one, e.g. “{text} 3pm”",
    "past": "“{text}” is in the past. Pick a time from now on, e.g. {example}",
    "range_and_duration": (
        "You gave both an end time (“{a}”) and a duration (“{b}”); please give only one."
    ),
    "end_before_start": (
        "In “{text}” the meeting would end before it starts. Try: from 3pm to 4:30pm"
    ),
    "unknown_mention": (
        "I couldn't match the mention “{text}” to anyone in this chat. "
        "@mention them again, or use their e-mail address."
    ),
    "cancel_what": "Which meeting should I cancel? Name it, e.g. {example}",
    "list_range": (
        "I can list your meetings for today, tomorrow, this week, next week or one day, "
        "but I couldn't read “{text}”. Try: {example}"
    ),
    "meet_now_time": (
        "“meet now” starts right away, so I can't use “{text}”. To pick a time, try: {example}"
    ),
    "weekday_mismatch": "“{text}” doesn't add up: that date is a {weekday}.",
    "default_subject": "Meeting with {names}",
    "everyone": "everyone",
    "and": "and",
    "example_meet_now": "meet now Design sync for 45m",
    "example_meeting": "meeting Budget review tomorrow 3pm",
    "example_schedule": "schedule Budget review tomorrow 3pm for 30m",
    "example_list": "my meetings tomorrow",
    "example_cancel": "cancel Budget review",
    "example_quoted": "schedule “Monday planning” tomorrow 3pm",
    "two_zones": "I found two time zones, “{a}” and “{b}”; please give one.",
    "confirm_am_pm": "“{text}” could be {a} or {b}; I read {value}",
    "confirm_corrected": "I read “{text}” as “{value}”",
    "confirm_suspect": "“{text}” looks like “{value}”, but I kept it in the subject",
    "confirm_command": "I read “{text}” as the command “{value}”",
    "confirm_far_ahead": "{value} is more than a year away",
    "confirm_zone": "“{text}” can mean more than one time zone; I read {value}",
    "confirm_weekday": "“{text}” could be this week or next; I read {value}",
    "confirm_no_unit": "“{text}” has no unit; I read {value} minutes",
    "date": "{weekday}, {month} {day}",
    "date_year": "{weekday}, {month} {day}, {year}",
    "repeat_until_past": "The series can't end (“{text}”) before its first meeting.",
    "find_window": (
        "I can look for a time today, tomorrow, on one day, this week or next week, "
        "but I couldn't read “{text}”. Try: {example}"
    ),
    "example_find": "find a time with ann@contoso.com tomorrow for 30m",
}
