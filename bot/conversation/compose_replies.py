"""The compose box's form as the message extension's answer: shown again with its input kept and
a word for the user (an error, where to sign in, a slow Graph). Apart from the extension
itself (bot/conversation/compose.py) so the gates and the turn budget can answer with it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.conversation.reply import Dialog, Reply
from bot.conversation.turn import TurnInfo
from cards.compose import compose_form
from cards.i18n import N_, translator

NONCE = "nonce"
STILL_WORKING = N_(
    "Microsoft Graph is taking a while. Press Create meeting again in a moment: "
    "you will get this same meeting, not a second one."
)
SIGN_IN_FIRST = N_(
    "Please sign in first: send me “help” in a chat with me, sign in when I ask, then try again."
)


def sign_in_first(turn: TurnInfo) -> Reply:
    """The form (input kept) saying where to sign in: single sign-on in a chat with the bot."""
    values, nonce = submitted(turn)
    return form_again(turn, values, {"form": translator(turn.locale).gettext(SIGN_IN_FIRST)}, nonce)


def still_working(turn: TurnInfo) -> Reply:
    """The answer when the turn budget runs out first: the same form (its nonce kept, so
    pressing Create again gets the meeting the first press is still making)."""
    values, nonce = submitted(turn)
    words = translator(turn.locale).gettext(STILL_WORKING) if values else None
    return form_again(turn, values, {"form": words} if words else {}, nonce)


def submitted(turn: TurnInfo) -> tuple[dict[str, str], str]:
    """The form's inputs as sent, and the nonce naming its meeting."""
    data = turn.value.get("data")
    inputs: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
    values = {k: str(v) for k, v in inputs.items() if k != NONCE and v is not None}
    return values, str(inputs.get(NONCE) or "")[:64] or turn.activity_id


def form_again(
    turn: TurnInfo, values: Mapping[str, str], errors: Mapping[str, str], nonce: str
) -> Reply:
    """The form (again), in the viewer's language, with each error beside its field."""
    card = compose_form(values, errors, nonce=nonce, locale=turn.locale)
    return Reply(dialog=Dialog.compose(card, turn.locale))
