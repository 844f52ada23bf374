"""Steps in front of every turn, as middleware: each answers the turn itself or passes it on.

`tenant_gate` admits only Teams traffic from the allowed tenants, before anything reaches
Graph; `acting_as_sender` binds the sender for the Graph token providers; `SignInGate`
(delegated mode, bot/conversation/sign_in.py) asks for sign-in before a command runs.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable, Callable

from bot.conversation.reply import NOTHING, Dialog, Reply, answer, post
from bot.conversation.turn import TurnInfo, TurnKind
from bot.identity.tokens import acting_as
from cards import error_card
from cards.base import Card
from cards.i18n import N_, translator

log = logging.getLogger(__name__)

Next = Callable[[], Awaitable[Reply]]
Middleware = Callable[[TurnInfo, Next], Awaitable[Reply]]

TEAMS_CHANNEL = "msteams"
REFUSAL = N_("This bot is set up for another organization, so it cannot help you here.")
REFUSAL_TODO = N_(
    "Nothing was created or changed. If your organization wants to use it, "
    "ask your Teams admin to install its own copy."
)


class Refusal(enum.Enum):
    TENANT = "tenant"  # another organization: told so politely
    CHANNEL = "channel"  # not Teams (e.g. Web Chat enabled on the Azure Bot): ignored


def refusal_card(locale: str) -> Card:
    _ = translator(locale).gettext
    return error_card(_(REFUSAL), _(REFUSAL_TODO), locale=locale)


class TenantGate:
    """Admits turns from the allowed tenants (None: every tenant, e.g. local mode) and, when
    `teams_only`, only from the Teams channel."""

    def __init__(self, allowed: frozenset[str] | None, *, teams_only: bool = False) -> None:
        self._allowed = allowed
        self._teams_only = teams_only

    def refusal(self, turn: TurnInfo) -> Refusal | None:
        """Why this turn may not be handled, or None when it may."""
        if self._teams_only and turn.channel_id != TEAMS_CHANNEL:
            log.warning("Refused a %s turn from channel %r", turn.kind, turn.channel_id)
            return Refusal.CHANNEL
        if self._allowed is None or turn.tenant_id.lower() in self._allowed:
            return None
        log.warning(
            "Refused a %s turn from tenant %r (not in ALLOWED_TENANTS)",
            turn.kind,
            turn.tenant_id or "(none)",
        )
        return Refusal.TENANT

    async def __call__(self, turn: TurnInfo, call_next: Next) -> Reply:
        refusal = self.refusal(turn)
        if refusal is None:
            return await call_next()
        return _refused(turn, refusal)


def _refused(turn: TurnInfo, refusal: Refusal) -> Reply:
    """Another organization: a polite card where one is expected, else nothing (a 403 for
    other invokes). Another channel: nothing but a 403 for invokes."""
    if refusal is Refusal.CHANNEL:
        return Reply(status=403) if turn.is_invoke else NOTHING
    if turn.kind in (TurnKind.MESSAGE, TurnKind.INSTALLED):
        return post(refusal_card(turn.locale))
    if turn.kind is TurnKind.CARD_ACTION:
        return answer(True, refusal_card(turn.locale))
    if turn.kind in (TurnKind.COMPOSE_FETCH, TurnKind.COMPOSE_SUBMIT):
        return Reply(dialog=Dialog.compose(refusal_card(turn.locale), turn.locale))
    return Reply(status=403) if turn.is_invoke else NOTHING


async def acting_as_sender(turn: TurnInfo, call_next: Next) -> Reply:
    """Graph tokens are bound to the turn's sender for everything after this step."""
    with acting_as(turn.requester):
        return await call_next()
