"""Graph's JSON shapes (onlineMeeting, event, dateTimeTimeZone) to and from the bot's Meeting."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.graph.zones import UTC_ZONE, windows_name, windows_rules, zone_named
from bot.meetings.model import EVENT, ONLINE, DialIn, Meeting

log = logging.getLogger(__name__)


def parse_graph_datetime(value: str, zone: ZoneInfo | None = None) -> datetime:
    """Graph sends up to 7 fractional digits, with 'Z', an offset, or (events) no zone at all."""
    text = value.strip().replace("Z", "+00:00")
    if "." in text:
        head, _, tail = text.partition(".")
        digits = "".join(ch for ch in tail if ch.isdigit())
        rest = tail[len(digits) :]
        text = f"{head}.{digits[:6].ljust(6, '0')}{rest}"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone or UTC)
    return parsed


def graph_datetime(value: datetime) -> str:
    """An instant in Graph's UTC form."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


def date_time_time_zone(value: datetime, tz: ZoneInfo) -> dict[str, str]:
    """Graph's dateTimeTimeZone: the Windows name of the user's zone, and the wall-clock time
    by that Windows zone's clock, which is the one Graph reads it with (bot/graph/zones.py)."""
    name = windows_name(tz.key)
    local = value.astimezone(windows_rules(name))
    return {"dateTime": local.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": name}


def from_date_time_time_zone(value: dict[str, Any]) -> datetime:
    """The instant of a dateTimeTimeZone Graph sent: Windows names (what `Prefer:
    outlook.timezone` in a Windows name makes it answer in), IANA names and UTC."""
    zone_name = str(value.get("timeZone") or "UTC")
    zone = zone_named(zone_name)
    if zone is None:
        log.warning("Graph sent a time zone the bot does not know (%r); read as UTC", zone_name)
    return parse_graph_datetime(str(value["dateTime"]), zone or UTC_ZONE)


def _dial_in(doc: dict[str, Any]) -> DialIn | None:
    audio = doc.get("audioConferencing") or {}
    number = audio.get("tollNumber")
    conference = audio.get("conferenceId")
    if number and conference:
        return DialIn(str(number), str(conference))
    return None


def options_of(doc: dict[str, Any]) -> dict[str, Any]:
    """An online meeting's options in force: lobby (who bypasses it), presenters, recording,
    chat — in Graph's values."""
    return {
        "lobby": (doc.get("lobbyBypassSettings") or {}).get("scope"),
        "presenters": doc.get("allowedPresenters"),
        "record": doc.get("recordAutomatically"),
        "chat": doc.get("allowMeetingChat"),
    }


def meeting_from_online(doc: dict[str, Any], created: bool = True) -> Meeting:
    participants = doc.get("participants") or {}
    organizer = (participants.get("organizer") or {}).get("identity", {}).get("user") or {}
    attendees = tuple(
        str(a.get("upn") or (a.get("identity") or {}).get("user", {}).get("displayName") or "")
        for a in participants.get("attendees") or []
    )
    return Meeting(
        id=str(doc["id"]),
        kind=ONLINE,
        subject=str(doc.get("subject") or ""),
        start=parse_graph_datetime(str(doc["startDateTime"])),
        end=parse_graph_datetime(str(doc["endDateTime"])),
        join_url=doc.get("joinWebUrl") or None,
        organizer_id=str(organizer.get("id") or ""),
        organizer_name=str(organizer.get("displayName") or ""),
        attendees=tuple(a for a in attendees if a),
        dial_in=_dial_in(doc),
        created=created,
        options=options_of(doc),
    )


_ID = re.compile(r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(@.*)?$", re.IGNORECASE)


def looks_like_id(name: str) -> bool:
    """An organizer "name" no person should read: empty, an object id, or an address made of one."""
    return not name.strip() or bool(_ID.match(name.strip()))


def event_join_url(doc: dict[str, Any]) -> str | None:
    """onlineMeeting.joinUrl only: the deprecated onlineMeetingUrl is never used."""
    online = doc.get("onlineMeeting") or {}
    url = online.get("joinUrl") if isinstance(online, dict) else None
    return str(url) if url else None


def meeting_from_event(doc: dict[str, Any], organizer_id: str = "") -> Meeting:
    organizer = ((doc.get("organizer") or {}).get("emailAddress")) or {}
    attendees = tuple(
        str(
            (a.get("emailAddress") or {}).get("name")
            or (a.get("emailAddress") or {}).get("address")
            or ""
        )
        for a in doc.get("attendees") or []
    )
    online = doc.get("onlineMeeting") or {}
    return Meeting(
        id=str(doc["id"]),
        kind=EVENT,
        subject=str(doc.get("subject") or ""),
        start=from_date_time_time_zone(doc["start"]),
        end=from_date_time_time_zone(doc["end"]),
        join_url=event_join_url(doc),
        organizer_id=organizer_id,
        organizer_name=str(organizer.get("name") or organizer.get("address") or ""),
        organizer_email=str(organizer.get("address") or ""),
        attendees=tuple(a for a in attendees if a),
        dial_in=_dial_in({"audioConferencing": online}) if isinstance(online, dict) else None,
        cancelled=bool(doc.get("isCancelled")),
        series_id=str(doc.get("seriesMasterId") or "")
        if doc.get("type") in ("occurrence", "exception")
        else "",
        recurrence=doc.get("recurrence") or None,
        is_organizer=doc.get("isOrganizer") is not False,
        occurrence=str(doc.get("type") or "") in ("occurrence", "exception"),
    )
