"""Steps in front of every turn, as middleware: each answers the turn itself or passes it on.

`tenant_gate` admits only Teams traffic from the allowed tenants, before anything reaches
Graph; `acting_as_sender` binds the sender for the Graph token providers; `SignInGate`
(delegated mode) handles Teams' single sign-on and asks for sign-in before a command runs.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable, Callable

from bot.conversation.compose_replies import sign_in_first
from bot.conversation.reply import (
    NOTHING,
    Attachment,
    Dialog,
    Reply,
    SignInLink,
    TokenExchangeAnswer,
    answer,
    post,
)
from bot.conversation.turn import TurnInfo, TurnKind
from bot.graph.auth import TokenAcquisitionError
from bot.identity.sso import FAILURE_DETAIL, Exchange, SsoService
from bot.identity.tokens import acting_as
from cards import error_card
from cards.base import Card
from cards.error import notice_card
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
#: The turns that act as their sender in delegated mode: they need the sender's token.
SIGNED_IN = (
    TurnKind.MESSAGE,
    TurnKind.CARD_ACTION,
    TurnKind.COMPOSE_FETCH,
    TurnKind.COMPOSE_SUBMIT,
)
SIGN_OUT = frozenset({"sign out", "signout", "log out", "logout"})


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


class SignInGate:
    """Delegated mode: Teams' token exchange, `sign out`, and a sign-in card (the compose
    box: its "auth" answer) instead of running a command for someone the bot has no token for."""

    def __init__(self, sso: SsoService) -> None:
        self._sso = sso

    async def __call__(self, turn: TurnInfo, call_next: Next) -> Reply:
        if turn.kind is TurnKind.TOKEN_EXCHANGE:
            return await self._token_exchange(turn)
        if turn.kind not in SIGNED_IN or turn.requester is None:
            return await call_next()
        _ = translator(turn.locale).gettext
        if turn.kind is TurnKind.MESSAGE and turn.text.strip().lower() in SIGN_OUT:
            await self._sso.sign_out(turn.requester)
            again = _("Next time you ask me for something, sign in again.")
            return post(notice_card(_("Signed out"), again))
        try:
            if await self._sso.access_token(turn.requester):
                return await call_next()
        except TokenAcquisitionError:
            return await call_next()  # the command runs and its card explains the failure
        if turn.kind in (TurnKind.COMPOSE_FETCH, TurnKind.COMPOSE_SUBMIT):
            # The compose box's own sign-in: Teams shows the link and, once signed in, sends
            # the same invoke again with a `state` (composeExtension type "auth"). The bot's
            # tokens come from Teams' single sign-on only, so a second time it says where.
            if turn.value.get("state"):
                return sign_in_first(turn)
            link = SignInLink(self._sso.sign_in_link(turn.requester), _("Sign in"))
            return Reply(sign_in=link)
        card = self._sso.sign_in_card(turn.requester, turn.locale)
        sign_in = (Attachment(card["contentType"], card["content"]),)
        if turn.kind is TurnKind.CARD_ACTION:
            please = error_card(
                _("Please sign in first."),
                _("I sent you a sign-in card above."),
                locale=turn.locale,
            )
            return Reply(post=sign_in, card=please)
        return Reply(post=sign_in)

    async def _token_exchange(self, turn: TurnInfo) -> Reply:
        """Teams' SSO token in; 200 once per sign-in (duplicates from other devices too),
        412 when it cannot be exchanged so Teams shows the card's sign-in button."""
        exchange_id = str(turn.value.get("id") or "")
        token = str(turn.value.get("token") or "")
        connection = str(turn.value.get("connectionName") or "")
        if turn.requester is None or not exchange_id or not token:
            outcome = Exchange.FAILED
        else:
            outcome = (await self._sso.exchange(turn.requester, exchange_id, token)).outcome
        if outcome is Exchange.FAILED:
            failed = TokenExchangeAnswer(exchange_id, connection, FAILURE_DETAIL)
            return Reply(status=412, token_exchange=failed)
        if outcome is Exchange.DUPLICATE:
            return NOTHING
        _ = translator(turn.locale).gettext
        signed_in = notice_card(_("You're signed in"), _("Now send me your request again."))
        return Reply(
            post=post(signed_in).post, token_exchange=TokenExchangeAnswer(exchange_id, connection)
        )
