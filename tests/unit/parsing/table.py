"""Shared helpers of the phrasing tables: one row per phrasing, with the JSON `meeting-bot parse`
prints for it, and whether the reading is sure, unsure (with the doubts' keys) or refused.

The rows live in test_<language>_<topic>.py; `cases.py` gathers them for the benchmark."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.parsing import Mention, parse_command

BER, NY, SP, UTC_ = "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "UTC"
LIS, MAD, PAR = "Europe/Lisbon", "Europe/Madrid", "Europe/Paris"
WED = "2026-11-25T10:00:00"  # a Wednesday morning
FRI = "2026-11-27T10:00:00"  # the Friday after it
NOV30 = "2026-11-30T16:00:00"  # Monday afternoon, the last day of the month
DEC31 = "2026-12-31T18:00:00"  # Thursday evening, the last day of the year
NY_FALL = "2026-10-31T12:00:00"  # US clocks go back at 02:00 on Sunday 2026-11-01
NY_SPRING = "2026-03-07T12:00:00"  # US clocks go forward at 02:00 on Sunday 2026-03-08
EU_SPRING = "2026-03-28T12:00:00"  # EU clocks go forward at 02:00 on Sunday 2026-03-29
EU_FALL = "2026-10-24T12:00:00"  # EU clocks go back at 03:00 on Sunday 2026-10-25

MENTIONS = (
    Mention(id="29:ann", name="Ann Lee", text="<at>Ann Lee</at>"),
    Mention(id="29:bob", name="Bob", text="<at>Bob</at>"),
)

FIELDS = ("text", "now", "tz", "locale", "expected")


class Has(str):
    """Equal to any text that contains it: a refusal's or confirmation's key words."""

    __hash__ = str.__hash__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and str(self) in other

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __repr__(self) -> str:
        return f"Has({str(self)!r})"


SOME = Has("")  # any text: the row names the doubts' keys instead


def ber(local: str) -> str:
    """A Berlin (Madrid, Paris) winter time: "2026-11-26T15:00" -> "2026-11-26T15:00:00+01:00"."""
    return f"{local}:00+01:00"


cet = ber


NOW = ber("2026-11-25T10:00")
HALF_PAST = ber("2026-11-25T10:30")


def sp(local: str) -> str:
    return f"{local}:00-03:00"


def lis(local: str) -> str:
    return f"{local}:00+00:00"


def ny(local: str, offset: str) -> str:
    return f"{local}:00{offset}"


def ok(
    command: str,
    subject: str | None,
    start: str | None,
    end: str | None,
    *attendees: str,
    confirm: str | None = None,
    doubts: tuple[str, ...] | None = None,
    zone: str | None = None,
) -> dict[str, Any]:
    """A reading: sure (no `confirm`) or unsure (`confirm` and/or the doubts' keys)."""
    row: dict[str, Any] = {
        "command": command,
        "subject": subject,
        "start": start,
        "end": end,
        "attendees": list(attendees),
        "error": None,
        "confirm": SOME if doubts and confirm is None else confirm,
    }
    if doubts is not None or confirm is None:
        row["doubts"] = doubts or ()
    if zone is not None:
        row["zone"] = zone
    return row


def refused(command: str, error: str) -> dict[str, Any]:
    return {
        "command": command,
        "subject": None,
        "start": None,
        "end": None,
        "attendees": [],
        "error": error,
        "confirm": None,
    }


def case(
    id: str,
    text: str,
    expected: dict[str, Any],
    now: str = WED,
    tz: str = BER,
    locale: str = "en-US",
) -> Any:
    return pytest.param(text, now, tz, locale, expected, id=id)


def aware(now: str, tz: str) -> datetime:
    moment = datetime.fromisoformat(now)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


def status(expected: dict[str, Any]) -> str:
    """ "sure", "unsure" or "refused": what the row says the reading is."""
    if expected["error"] is not None:
        return "refused"
    return "sure" if expected["confirm"] is None else "unsure"


def check(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    """The parse JSON equals the row's; the doubts' keys and the named zone too, when given."""
    command = parse_command(text, aware(now, tz), ZoneInfo(tz), locale, mentions=MENTIONS)
    shown = {k: v for k, v in expected.items() if k not in ("doubts", "zone")}
    assert command.as_dict() == shown
    if "doubts" in expected:
        assert command.doubts == expected["doubts"]
    assert command.zone == expected.get("zone")


class Lang:
    """Short rows for one language: times written "26T15:00" (November 2026) or in full, in the
    language's own zone, with a default subject. Each helper says what the reading must be."""

    def __init__(self, locale: str, tz: str, offset: str, subject: str) -> None:
        self.locale, self.tz, self.offset, self.subject = locale, tz, offset, subject

    def at(self, when: str | None) -> str | None:
        if when is None:
            return None
        if when[:4].isdigit() and when[4] == "-":
            full = when
        elif when[2] == "-":
            full = f"2026-{when}"  # "12-01T10:00"
        else:
            full = f"2026-11-{when}"  # "26T15:00"
        return full if len(full) > 16 else f"{full}:00{self.offset}"

    def _row(self, id: str, text: str, expected: dict[str, Any], **kw: Any) -> Any:
        kw.setdefault("tz", self.tz)
        kw.setdefault("locale", self.locale)
        return case(id, text, expected, **kw)

    def sure(
        self,
        id: str,
        text: str,
        start: str | None,
        end: str | None,
        subject: str | None = "",
        *attendees: str,
        kind: str = "schedule",
        zone: str | None = None,
        **kw: Any,
    ) -> Any:
        subject = self.subject if subject == "" else subject
        row = ok(kind, subject, self.at(start), self.at(end), *attendees, zone=zone)
        return self._row(id, text, row, **kw)

    def unsure(
        self,
        id: str,
        text: str,
        start: str | None,
        end: str | None,
        doubts: tuple[str, ...],
        subject: str | None = "",
        *attendees: str,
        kind: str = "schedule",
        zone: str | None = None,
        confirm: str | None = None,
        **kw: Any,
    ) -> Any:
        subject = self.subject if subject == "" else subject
        row = ok(
            kind,
            subject,
            self.at(start),
            self.at(end),
            *attendees,
            zone=zone,
            doubts=doubts,
            confirm=Has(confirm) if confirm else None,
        )
        return self._row(id, text, row, **kw)

    def refused(self, id: str, text: str, kind: str, error: str, **kw: Any) -> Any:
        return self._row(id, text, refused(kind, Has(error)), **kw)

    def day(self, id: str, text: str, first: str, last: str, **kw: Any) -> Any:
        """A listing from local midnight of `first` to local midnight of `last`."""
        return self.sure(id, text, f"{first}T00:00", f"{last}T00:00", None, kind="list", **kw)
