"""The help card: what the bot understands, with examples people can press."""

from __future__ import annotations

from typing import Any

from cards.actions import submit
from cards.base import Card, card, heading, text
from cards.i18n import N_, translator
from cards.markdown import escape
from cards.verbs import Verb

EXAMPLES: tuple[tuple[str, str], ...] = (
    # TRANSLATORS: the examples are commands people type or press: write each as the bot
    # reads it in your language (bot/language), e.g. "reunião agora Design sync".
    (N_("meet now Design sync"), N_("Start a Teams meeting right now and get the join link.")),
    (
        N_("meeting Retro tomorrow 3pm for 45m"),
        N_("A Teams link for a later time (not on your calendar)."),
    ),
    (
        N_("schedule Budget review tomorrow 3pm with ann@contoso.com"),
        N_("Put a Teams meeting on your calendar and invite people."),
    ),
    (
        N_("find a time with ann@contoso.com tomorrow"),
        N_("The best times for everyone; in a group chat, a poll to vote on."),
    ),
    (N_("my meetings today"), N_("List your upcoming meetings.")),
    (N_("cancel Budget review"), N_("Cancel a meeting this bot created.")),
    (N_("help"), N_("Show this card.")),
)
#: What the buttons run: short enough for a button's width in Teams and the playground, and
#: inviting nobody (an example must not send invitations).
BUTTONS = (
    N_("meet now Design sync"),
    N_("meeting Retro tomorrow 3pm for 45m"),
    # TRANSLATORS: a command, as the bot reads it in your language; keep it short (a button)
    N_("schedule Budget review tomorrow 3pm"),
)


def help_card(intro: str | None = None, *, locale: str) -> Card:
    """The commands with their examples in the viewer's language; `intro` is already in it."""
    _ = translator(locale).gettext
    examples = [(_(example), _(description)) for example, description in EXAMPLES]
    # TRANSLATORS: the bot's name in Teams (the app manifest's), usually kept as is
    body: list[dict[str, Any]] = [heading(_("Meeting Bot"))]
    if intro:  # it may quote what the user typed
        body.append(text(escape(intro)))
    body.append(text(_("Type a command, or press an example:"), isSubtle=True))
    for example, description in examples:
        body.append(text(f"**{escape(example)}**", spacing="Medium"))
        body.append(text(description, isSubtle=True, spacing="None"))
    actions = [submit(_(example), Verb.RUN, text=_(example)) for example in BUTTONS]
    # A new message with the form, so the help card stays (a Universal Action would replace it).
    actions.append(submit(_("New meeting…"), Verb.OPEN_FORM))
    return card(body, actions)
