"""What a turn answers: cards to post in the conversation and, for an invoke, its response."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cards.base import Card
from cards.i18n import N_, translator

if TYPE_CHECKING:
    from bot.conversation.turn import TurnInfo

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


@dataclass(frozen=True)
class Attachment:
    """A card in a reply: its content type and its JSON content."""

    content_type: str
    content: Mapping[str, Any]


@dataclass(frozen=True)
class TokenExchangeAnswer:
    """The answer to Teams' signin/tokenExchange: a failure makes Teams show the sign-in button."""

    exchange_id: str
    connection_name: str
    failure_detail: str | None = None


@dataclass(frozen=True)
class SignInLink:
    """A message extension's sign-in (composeExtension type "auth"): Teams shows `title` and
    opens `url` in a window; after sign-in it sends the same invoke again."""

    url: str
    title: str


#: The message extension's dialog, whatever it shows (its form, a refusal, an apology).
COMPOSE_TITLE = N_("Teams meeting")


@dataclass(frozen=True)
class Dialog:
    """A task module (dialog) showing an Adaptive Card, as a message extension opens one."""

    card: Card
    title: str

    @staticmethod
    def compose(card: Card, locale: str) -> Dialog:
        """The compose box's dialog, titled in the viewer's language."""
        return Dialog(card, translator(locale).gettext(COMPOSE_TITLE))


@dataclass(frozen=True)
class Reply:
    """`post` goes to the conversation as messages, in order. For an invoke, `status` and one
    of these are its response: `card` (it replaces the card whose button was pressed),
    `token_exchange`, `dialog` (a task module to show, or to show again with errors) or
    `compose` (a card for the user's compose box, to send in that chat) or `sign_in` (the
    message extension asks its user to sign in first). `then` is a turn to dispatch next, from
    the first gate, its posts after these (a command that waited for its user's sign-in)."""

    post: tuple[Attachment, ...] = ()
    status: int = 200
    card: Card | None = None
    token_exchange: TokenExchangeAnswer | None = None
    dialog: Dialog | None = None
    compose: Card | None = None
    sign_in: SignInLink | None = None
    then: TurnInfo | None = None


NOTHING = Reply()


def post(card: Card) -> Reply:
    """A message carrying one Adaptive Card."""
    return Reply(post=(Attachment(ADAPTIVE_CARD, card),))


def update(card: Card) -> Reply:
    """A card action's answer: the pressed card is replaced by `card`."""
    return Reply(card=card)


def answer(turn_is_invoke: bool, card: Card) -> Reply:
    """`card` as the answer a turn expects: the invoke's card, or a message."""
    return update(card) if turn_is_invoke else post(card)
