"""Meeting options on a meeting card: the options in force, the lobby warning, and the
"Meeting options" form (lobby, presenters, recording, chat) whose "Save options" updates the
Teams meeting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cards.actions import execute, meeting_ref
from cards.base import Card, text
from cards.markdown import escape
from cards.verbs import Verb
from cards.view import MeetingView

LOBBY = {
    "everyone": "nobody waits",
    "organizationAndFederated": "people from my organisation and trusted ones skip it",
    "organization": "people from my organisation skip it",
    "invited": "people I invited skip it",
    "organizer": "only I skip it",
    "unknownFutureValue": "as set in Teams",
}
PRESENTERS = {
    "everyone": "everyone",
    "organization": "people from my organisation",
    "roleIsPresenter": "people named as presenters",
    "organizer": "only me",
}
CHAT = {"enabled": "on", "limited": "during the meeting only", "disabled": "off"}
#: Lobby scopes that keep people from outside the organisation waiting.
OUTSIDERS_WAIT = frozenset({"organization", "invited", "organizer"})
_CHOICES = {
    "lobby": ("Who skips the lobby", ("everyone", "organization", "invited", "organizer")),
    "presenters": ("Who can present", ("everyone", "organization", "organizer")),
}


def option_facts(options: Mapping[str, Any] | None) -> list[dict[str, str]]:
    if not options:
        return []
    facts = []
    if options.get("lobby") in LOBBY:
        facts.append({"title": "Lobby", "value": LOBBY[options["lobby"]]})
    if options.get("presenters") in PRESENTERS:
        facts.append({"title": "Presenters", "value": PRESENTERS[options["presenters"]]})
    if options.get("record") is not None:
        recording = "starts automatically" if options["record"] else "not automatic"
        facts.append({"title": "Recording", "value": recording})
    if options.get("chat") in CHAT:
        facts.append({"title": "Meeting chat", "value": CHAT[options["chat"]]})
    return facts


def lobby_warning(
    options: Mapping[str, Any] | None, outsiders: Sequence[str]
) -> dict[str, Any] | None:
    """Said when people from outside the organisation would wait in the lobby."""
    lobby = (options or {}).get("lobby", "organization")
    if not outsiders or lobby not in OUTSIDERS_WAIT:
        return None
    who = ", ".join(outsiders)
    return text(
        f"{escape(who)} {'is' if len(outsiders) == 1 else 'are'} from outside your organisation "
        "and will wait in the lobby until someone lets them in. To let them straight in, set "
        "“Who skips the lobby” to everyone under Meeting options.",
        color="Warning",
    )


def options_action(meeting: MeetingView) -> dict[str, Any]:
    """A "Meeting options" button that opens the options form in place."""
    current = meeting.options or {}
    body: list[dict[str, Any]] = []
    for name, (label, values) in _CHOICES.items():
        shown = LOBBY if name == "lobby" else PRESENTERS
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": name,
                "label": label,
                "value": str(current.get(name) or values[1 if name == "lobby" else 0]),
                "choices": [{"title": shown[v], "value": v} for v in values],
            }
        )
    body.append(_toggle("record", "Record automatically", "true", "false", current.get("record")))
    chat_on = current.get("chat", "enabled") != "disabled"
    body.append(_toggle("chat", "Meeting chat", "enabled", "disabled", chat_on))
    form: Card = {
        "type": "AdaptiveCard",
        "body": body,
        "actions": [execute("Save options", Verb.SET_OPTIONS, **meeting_ref(meeting))],
    }
    return {"type": "Action.ShowCard", "title": "Meeting options", "card": form}


def _toggle(name: str, title: str, on: str, off: str, value: Any) -> dict[str, Any]:
    return {
        "type": "Input.Toggle",
        "id": name,
        "title": title,
        "valueOn": on,
        "valueOff": off,
        "value": on if value else off,
    }
