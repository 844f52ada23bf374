"""What the bot says about signing in where it cannot show a sign-in card: group chats and
channels, where Teams does not sign anyone in silently and a card would be everyone's."""

from __future__ import annotations

from cards.actions import open_url
from cards.base import Card, card, heading, text
from cards.i18n import translator


def personal_chat_card(*, chat_link: str | None, locale: str) -> Card:
    """Ask the sender to sign in once in their personal chat with the bot (a button opening
    it when the bot's id is known)."""
    _ = translator(locale).gettext
    body = [
        heading(_("Please sign in once, in a personal chat with me")),
        text(
            _(
                "I create and change meetings as you, so I need you to sign in first. Teams "
                "lets me ask for that only in a personal chat, so I did nothing here yet."
            )
        ),
        text(
            _(
                "Open a personal chat with me, send me any request there and sign in when I "
                "ask. Then come back here and send this request again."
            )
        ),
    ]
    if not chat_link:
        body.append(text(_("To find me, start a new chat in Teams and type my name.")))
        return card(body)
    return card(body, [open_url(_("Open a chat with me"), chat_link)])
