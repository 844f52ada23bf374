"""Meeting options on a meeting card: the options in force, the lobby warning, and the
"Meeting options" form (lobby, presenters, recording, chat) whose "Save options" updates the
Teams meeting."""

from __future__ import annotations

import gettext
from collections.abc import Mapping, Sequence
from typing import Any

from cards.actions import execute, meeting_ref
from cards.base import Card, text
from cards.i18n import N_, Words
from cards.markdown import escape
from cards.verbs import Verb
from cards.view import MeetingView

LOBBY = {
    "everyone": N_("nobody waits"),
    "organizationAndFederated": N_("people from my organisation and trusted ones skip it"),
    "organization": N_("people from my organisation skip it"),
    "invited": N_("people I invited skip it"),
    "organizer": N_("only I skip it"),
    "unknownFutureValue": N_("as set in Teams"),
}
PRESENTERS = {
    "everyone": N_("everyone"),
    "organization": N_("people from my organisation"),
    "roleIsPresenter": N_("people named as presenters"),
    "organizer": N_("only me"),
}
CHAT = {"enabled": N_("on"), "limited": N_("during the meeting only"), "disabled": N_("off")}
#: Lobby scopes that keep people from outside the organisation waiting.
OUTSIDERS_WAIT = frozenset({"organization", "invited", "organizer"})
_CHOICES = (
    (
        "lobby",
        N_("Who skips the lobby"),
        LOBBY,
        ("everyone", "organization", "invited", "organizer"),
    ),
    ("presenters", N_("Who can present"), PRESENTERS, ("everyone", "organization", "organizer")),
)


def option_facts(options: Mapping[str, Any] | None, _: Words) -> list[dict[str, str]]:
    """The options in force, as facts (none when Teams' defaults were never changed here)."""
    if not options:
        return []
    facts = []
    if options.get("lobby") in LOBBY:
        facts.append({"title": _("Lobby"), "value": _(LOBBY[options["lobby"]])})
    if options.get("presenters") in PRESENTERS:
        presenters = _(PRESENTERS[options["presenters"]])
        facts.append({"title": _("Presenters"), "value": presenters})
    if options.get("record") is not None:
        recording = _("starts automatically") if options["record"] else _("not automatic")
        facts.append({"title": _("Recording"), "value": recording})
    if options.get("chat") in CHAT:
        facts.append({"title": _("Meeting chat"), "value": _(CHAT[options["chat"]])})
    return facts


def lobby_warning(
    options: Mapping[str, Any] | None, outsiders: Sequence[str], t: gettext.NullTranslations
) -> dict[str, Any] | None:
    """Said when people from outside the organisation would wait in the lobby."""
    lobby = (options or {}).get("lobby", "organization")
    if not outsiders or lobby not in OUTSIDERS_WAIT:
        return None
    words = t.ngettext(
        "{people} is from outside your organisation and will wait in the lobby until someone "
        "lets them in. To let them straight in, set “Who skips the lobby” to nobody waits "
        "under Meeting options.",
        "{people} are from outside your organisation and will wait in the lobby until someone "
        "lets them in. To let them straight in, set “Who skips the lobby” to nobody waits "
        "under Meeting options.",
        len(outsiders),
    )
    return text(words.format(people=escape(", ".join(outsiders))), color="Warning")


def options_action(meeting: MeetingView, t: gettext.NullTranslations) -> dict[str, Any]:
    """A "Meeting options" button that opens the options form in place."""
    _ = t.gettext
    current = meeting.options or {}
    body: list[dict[str, Any]] = []
    for name, label, shown, values in _CHOICES:
        default = values[1] if name == "lobby" else values[0]
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": name,
                "label": _(label),
                "value": str(current.get(name) or default),
                "choices": [{"title": _(shown[v]), "value": v} for v in values],
            }
        )
    record = current.get("record")
    body.append(_toggle("record", _("Record automatically"), "true", "false", record))
    chat_on = current.get("chat", "enabled") != "disabled"
    body.append(_toggle("chat", _("Meeting chat"), "enabled", "disabled", chat_on))
    form: Card = {
        "type": "AdaptiveCard",
        "body": body,
        "actions": [execute(_("Save options"), Verb.SET_OPTIONS, **meeting_ref(meeting))],
    }
    return {"type": "Action.ShowCard", "title": _("Meeting options"), "card": form}


def _toggle(name: str, title: str, on: str, off: str, value: Any) -> dict[str, Any]:
    return {
        "type": "Input.Toggle",
        "id": name,
        "title": title,
        "valueOn": on,
        "valueOff": off,
        "value": on if value else off,
    }
