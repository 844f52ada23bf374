"""Rows for issue 16's phrasings: recurring meetings, meeting options and finding a time.

Each row is a `table.case` whose expected JSON (`meeting-bot parse`) carries the extra fields
these readings add: `recurrence`, `options`, `duration` and, for find_time, `everyone`."""

from __future__ import annotations

from typing import Any

from tests.unit.parsing.table import BER, WED, Has, case, ok, refused

WEEKDAYS = (0, 1, 2, 3, 4)


def rule(
    pattern: str,
    start: str,
    *days: int,
    interval: int = 1,
    dom: int | None = None,
    index: str | None = None,
    until: str | None = None,
    count: int | None = None,
) -> dict[str, Any]:
    """A recurrence as Command.as_dict shows it; `start` is the first meeting's date."""
    return {
        "pattern": pattern,
        "interval": interval,
        "days": list(days),
        "day_of_month": dom,
        "index": index,
        "start": start,
        "until": until,
        "count": count,
    }


class Plans:
    """Rows in one language and zone; times are written "2026-11-26T09:15" (local)."""

    def __init__(self, locale: str, tz: str = BER, offset: str = "+01:00", now: str = WED):
        self.locale, self.tz, self.offset, self.now = locale, tz, offset, now

    def at(self, local: str) -> str:
        return f"{local}:00{self.offset}"

    def _case(self, id: str, text: str, row: dict[str, Any]) -> Any:
        return case(id, text, row, now=self.now, tz=self.tz, locale=self.locale)

    def series(
        self,
        id: str,
        text: str,
        start: str,
        end: str,
        subject: str | None,
        recurrence: dict[str, Any],
        **options: Any,
    ) -> Any:
        row = ok("schedule", subject, self.at(start), self.at(end))
        row["recurrence"] = recurrence
        if options:
            row["options"] = options
        return self._case(id, text, row)

    def options(
        self, id: str, text: str, kind: str, subject: str | None, start: str, end: str, **found: Any
    ) -> Any:
        row = ok(kind, subject, self.at(start), self.at(end))
        row["options"] = found
        return self._case(id, text, row)

    def find(
        self,
        id: str,
        text: str,
        start: str,
        end: str,
        minutes: int,
        *attendees: str,
        everyone: bool = False,
        subject: str | None = None,
    ) -> Any:
        row = ok("find_time", subject, self.at(start), self.at(end), *attendees)
        if everyone:
            row["everyone"] = True
        row["duration"] = minutes
        return self._case(id, text, row)

    def plain(
        self, id: str, text: str, kind: str, subject: str | None, start: str, end: str
    ) -> Any:
        return self._case(id, text, ok(kind, subject, self.at(start), self.at(end)))

    def refused(self, id: str, text: str, kind: str, error: str) -> Any:
        return self._case(id, text, refused(kind, Has(error)))
