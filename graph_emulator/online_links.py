"""The online meeting an event gets: onlineMeetingInfo per provider, and the body's join block.

Graph fills an online event's **onlineMeeting** (joinUrl, conferenceId, tollNumber, ...) and
appends a join block to its HTML body. Teams join URLs have the same shape as the
onlineMeetings API's joinWebUrl: the long `l/meetup-join/...` form, or, in a tenant set to short
links, `https://teams.microsoft.com/meet/<digits>?p=<passcode>` (Microsoft 365 message center
MC772556; format as in microsoft-graph-comms-samples issues #829 and #847, where `p` is a
hashed passcode, not the short one people type).
"""

from __future__ import annotations

import base64
import html
import re
import secrets
import string
import uuid
from typing import Any
from urllib.parse import quote

JSONObject = dict[str, Any]

TEAMS = "teamsForBusiness"
#: A fictional (555) number, in the format of the docs' examples.
TOLL_NUMBER = "+1 323-555-0166"
_TOKENS = re.compile(r"<[^<>]*>|[^<]+|<")
_TAG = re.compile(r"^<\s*(/?)\s*([A-Za-z][\w-]*)")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_LABELS = {
    "teamsForBusiness": "Microsoft Teams Meeting",
    "skypeForBusiness": "Skype Meeting",
    "skypeForConsumer": "Skype Meeting",
}


def can_host(provider: str) -> bool:
    """`unknown` is a provider value but cannot host a meeting."""
    return provider in _LABELS


def short_join_url(meeting_id: str | None = None) -> str:
    """A Teams short link: the meeting's numeric id and an 18-character hashed passcode."""
    digits = meeting_id or str(secrets.randbelow(9 * 10**12) + 10**12)
    alphabet = string.ascii_letters + string.digits
    passcode = "".join(secrets.choice(alphabet) for _ in range(18))
    return f"https://teams.microsoft.com/meet/{digits}?p={passcode}"


def new_meeting_info(
    provider: str, tenant_id: str, user_id: str, *, short: bool = False
) -> JSONObject:
    """A fresh onlineMeetingInfo: a new join URL and conference id every call."""
    conference_id = str(secrets.randbelow(9 * 10**8) + 10**8)
    if provider == TEAMS and short:
        join_url = short_join_url()
    elif provider == TEAMS:
        thread = base64.b64encode(str(uuid.uuid4()).encode("ascii")).decode("ascii")
        context = f'{{"Tid":"{tenant_id}","Oid":"{user_id}"}}'
        join_url = (
            f"https://teams.microsoft.com/l/meetup-join/{_q(f'19:meeting_{thread}@thread.v2')}"
            f"/0?context={_q(context)}"
        )
    elif provider == "skypeForBusiness":
        join_url = f"https://meet.lync.com/emulator/{_q(user_id)}/{secrets.token_hex(4).upper()}"
    else:
        join_url = f"https://join.skype.com/{secrets.token_urlsafe(9)}"
    has_dial_in = provider != "skypeForConsumer"
    return {
        "joinUrl": join_url,
        "conferenceId": conference_id if has_dial_in else None,
        "tollNumber": TOLL_NUMBER if has_dial_in else None,
        "tollFreeNumbers": [],
        "quickDial": f"{TOLL_NUMBER},,{conference_id}#" if has_dial_in else None,
        "phones": [{"number": TOLL_NUMBER, "type": "business"}] if has_dial_in else [],
    }


def with_join_block(body: JSONObject, provider: str, info: JSONObject) -> JSONObject:
    """The body as Graph returns it for an online event: the join block appended once."""
    content = str(body.get("content") or "")
    join_url = str(info.get("joinUrl") or "")
    if not join_url or join_url in content or join_url in html.unescape(content):
        return body
    label = _LABELS.get(provider, "online meeting")
    conference = info.get("conferenceId")
    spaced = (
        " ".join(conference[i : i + 3] for i in range(0, len(conference), 3)) if conference else ""
    )
    if body.get("contentType") == "text":
        lines = ["", "_" * 80, f"Join {label}", join_url]
        lines += [f"Conference ID: {spaced}#"] if spaced else []
        return {**body, "content": content + "\r\n".join(lines) + "\r\n"}
    block = (
        '<div style="width:100%"><span style="white-space:nowrap;color:gray;opacity:.36">'
        + "_" * 80
        + '</span></div><div class="me-email-text">'
        f'<div><a class="me-email-headline" href="{html.escape(join_url)}">Join {label}</a></div>'
        + (f"<div>Conference ID: {spaced}#</div>" if spaced else "")
        + "</div>"
    )
    return {**body, "content": content + block}


def plain_text(content: str) -> str:
    """HTML as the plain text Outlook shows in bodyPreview (tags dropped, spaces collapsed)."""
    return _as_text(content, keep_links=False)


def html_to_text(content: str) -> str:
    """The text Outlook converts an HTML body to: tags dropped, links kept as `label<url>`."""
    return _as_text(content, keep_links=True)


def _as_text(content: str, *, keep_links: bool) -> str:
    """One linear pass over tags and text: client-sent markup never makes a regex backtrack."""
    parts: list[str] = []
    links: list[str | None] = []
    hidden = 0
    for token in _TOKENS.finditer(content):
        tag = _TAG.match(token.group())
        if tag is None:
            parts.append("" if hidden else html.unescape(token.group()))
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in ("script", "style"):
            hidden = max(0, hidden - 1) if closing else hidden + 1
        elif name == "a" and not closing:
            href = _HREF.search(token.group())
            links.append(
                html.unescape(next(g for g in href.groups() if g is not None)) if href else None
            )
        elif name == "a" and links:
            href_text = links.pop()
            if keep_links and href_text and not hidden:
                parts.append(f"<{href_text}>")
        parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _q(text: str) -> str:
    """Percent-encode everything, with Teams' lower-case hex digits (`19%3ameeting_...`)."""
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), quote(text, safe="-_."))
