"""A stored event as Graph answers with it: in the preferred zone, its link shown when ready.

Graph fills **onlineMeeting** some time after an event becomes online; until then the event
says `isOnlineMeeting: true` with `onlineMeeting: null`. Once the link is there, the HTML
body carries its join block too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph_emulator.event_docs import stored_instant
from graph_emulator.event_online import READY_AT
from graph_emulator.odata import parse_graph_datetime
from graph_emulator.online_links import html_to_text, plain_text, with_join_block
from graph_emulator.query import Preferences
from graph_emulator.timezones import wall_clock

JSONObject = dict[str, Any]

_PREVIEW_LENGTH = 255


def link_ready(event: JSONObject, now: datetime) -> bool:
    """Whether Graph would already show the online meeting's join information."""
    if not event.get("isOnlineMeeting") or not event.get("onlineMeeting"):
        return False
    ready_at = event.get(READY_AT)
    return ready_at is None or parse_graph_datetime(str(ready_at)) <= now


def visible_event(event: JSONObject, now: datetime, prefs: Preferences) -> JSONObject:
    """The event without emulator annotations, as of `now`, in the preferred zone and body type."""
    shown = {key: value for key, value in event.items() if not key.startswith("@emulator.")}
    shown = {"@odata.etag": f'W/"{event["changeKey"]}"', **shown}
    body = dict(event["body"])
    if link_ready(event, now):
        body = with_join_block(body, str(event["onlineMeetingProvider"]), event["onlineMeeting"])
    else:
        shown["onlineMeeting"] = None
    if prefs.body_as_text and body.get("contentType") == "html":
        body = {"contentType": "text", "content": html_to_text(str(body.get("content") or ""))}
    shown["body"] = body
    preview = str(body["content"])
    shown["bodyPreview"] = (plain_text(preview) if body["contentType"] == "html" else preview)[
        :_PREVIEW_LENGTH
    ]
    for which in ("start", "end"):
        shown[which] = wall_clock(stored_instant(event[which]), prefs.timezone)
    return shown
