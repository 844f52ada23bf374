"""The help card: what the bot understands, with examples people can press."""

from __future__ import annotations

from typing import Any

from cards.actions import submit
from cards.base import Card, card, heading, text
from cards.i18n import N_, translator
from cards.markdown import escape
from cards.verbs import Verb

#: (the commands of one line, what they do). Every command here must parse, in every language,
#: to the command it shows (tests/unit/cards/test_help.py).
Example = tuple[tuple[str, ...], str]

MEETINGS: tuple[Example, ...] = (
    # TRANSLATORS: the examples are commands people type or press: write each as the bot
    # reads it in your language (bot/language), e.g. "reunião agora Design sync".
    ((N_("meet now Design sync"),), N_("Start a Teams meeting right now and get the join link.")),
    (
        (N_("meeting Retro tomorrow 3pm for 45m"),),
        N_("A Teams link for a later time (not on your calendar)."),
    ),
    (
        (N_("schedule Budget review tomorrow 3pm with ann@contoso.com"),),
        N_("Put a Teams meeting on your calendar and invite people."),
    ),
    (
        # TRANSLATORS: a recurring meeting, with your language's words for "every weekday"
        (N_("schedule Standup every weekday 9am"),),
        N_("A meeting that repeats: every day, every weekday, every week or every month."),
    ),
    (
        # TRANSLATORS: meeting options, with your language's words for "lobby off" and "record it"
        (N_("schedule Board review Friday 3pm lobby off, record it"),),
        N_("Meeting options: lobby off, only I present, record it, chat off."),
    ),
    (
        (N_("find a time with ann@contoso.com tomorrow"),),
        N_("The best times for everyone; in a group chat, a poll to vote on."),
    ),
    ((N_("my meetings today"),), N_("List your upcoming meetings.")),
    ((N_("cancel Budget review"),), N_("Cancel a meeting this bot created.")),
)
MESSAGES_I_SEND: tuple[Example, ...] = (
    (
        (N_("remind me 5 min before"), N_("reminders off"), N_("reminders on")),
        N_("A reminder with a Join button before each meeting I create for you."),
    ),
    (
        (N_("agenda daily at 8:30"), N_("agenda off")),
        N_("Your day's meetings every weekday morning, in your time zone."),
    ),
    ((N_("help"),), N_("Show this card.")),
)
EXAMPLES = MEETINGS + MESSAGES_I_SEND
#: What the buttons run: short enough for a button's width in Teams and the playground, and
#: inviting nobody (an example must not send invitations).
BUTTONS = (
    N_("meet now Design sync"),
    N_("meeting Retro tomorrow 3pm for 45m"),
    # TRANSLATORS: a command, as the bot reads it in your language; keep it short (a button)
    N_("schedule Budget review tomorrow 3pm"),
)
#: Between two commands of one line.
SEPARATOR = " · "


def help_card(intro: str | None = None, *, locale: str) -> Card:
    """The commands with their examples in the viewer's language; `intro` is already in it."""
    _ = translator(locale).gettext
    # TRANSLATORS: the bot's name in Teams (the app manifest's), usually kept as is
    body: list[dict[str, Any]] = [heading(_("Meeting Bot"))]
    if intro:  # it may quote what the user typed
        body.append(text(escape(intro)))
    body.append(text(_("Type a command, or press an example:"), isSubtle=True))
    sections = ((None, MEETINGS), (_("Reminders and your daily agenda"), MESSAGES_I_SEND))
    for title, examples in sections:
        if title:
            body.append(text(title, weight="Bolder", spacing="Large"))
        for commands, description in examples:
            shown = SEPARATOR.join(f"**{escape(_(command))}**" for command in commands)
            body.append(text(shown, spacing="Medium"))
            body.append(text(_(description), isSubtle=True, spacing="None"))
    actions = [submit(_(example), Verb.RUN, text=_(example)) for example in BUTTONS]
    # A new message with the form, so the help card stays (a Universal Action would replace it).
    actions.append(submit(_("New meeting…"), Verb.OPEN_FORM))
    return card(body, actions)
