"""English words for recurring meetings and meeting options (bot.parsing.extras reads them)."""

from __future__ import annotations

from bot.language.schema import SchedulingWords

SCHEDULING: SchedulingWords = {
    "repeat_every": ("every", "each"),
    "repeat_other": ("other", "second", "alternate"),
    "repeat_weekdays": ("weekday", "weekdays", "working day", "workday", "business day"),
    "repeat_days": ("day",),
    "repeat_adverbs": {
        "daily": "daily",
        "weekly": "weekly",
        "fortnightly": "fortnightly",
        "biweekly": "fortnightly",
        "monthly": "monthly",
    },
    "repeat_monthly": ("monthly", "every month", "each month"),
    "repeat_of_month": ("of the month", "of every month", "of each month", "every month"),
    "repeat_fillers": ("on", "the", "on the"),
    "week_index": {
        "first": "first",
        "1st": "first",
        "second": "second",
        "2nd": "second",
        "third": "third",
        "3rd": "third",
        "fourth": "fourth",
        "4th": "fourth",
        "last": "last",
    },
    "repeat_until": ("until", "till", "through", "ending"),
    "repeat_times": ("times", "occurrences", "sessions"),
    "month_units": ("months", "month"),
    "meeting_options": {
        "lobby_off": (
            "lobby off",
            "no lobby",
            "skip the lobby",
            "without lobby",
            "without a lobby",
        ),
        "only_me_present": (
            "only i present",
            "only i can present",
            "only me presenting",
            "only me as presenter",
            "i present",
        ),
        "record": ("record it", "record automatically", "and record", "recorded", "with recording"),
        "chat_off": ("chat off", "no chat", "without chat", "disable chat", "chat disabled"),
    },
}
