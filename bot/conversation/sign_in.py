"""Delegated mode's gate: a command runs only for a signed-in user; the sign-in's two invokes
(`signin/tokenExchange`, `signin/verifyState`) complete it, and then the command the user typed
before signing in runs by itself, once.

Personal chat: the OAuthCard (Teams tries silent sign-on; its button goes through the Bot
Framework token service). Group chats and channels: Teams does not sign in silently there and
the card would be everyone's, so the user is sent to their personal chat with the bot instead.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from bot.conversation.compose_replies import sign_in_first
from bot.conversation.gates import Next
from bot.conversation.pending import Claim, PendingCommands, Waiting
from bot.conversation.reply import (
    NOTHING,
    Attachment,
    Reply,
    SignInLink,
    TokenExchangeAnswer,
    post,
)
from bot.conversation.turn import TurnInfo, TurnKind
from bot.graph.auth import TokenAcquisitionError
from bot.identity.sso import FAILURE_DETAIL, Exchange, SsoService
from bot.identity.token_service import TokenServiceUnavailable
from bot.identity.tokens import using_token
from bot.meetings.model import Requester
from cards import error_card
from cards.error import notice_card
from cards.i18n import N_, translator
from cards.markdown import escape
from cards.sign_in import personal_chat_card

log = logging.getLogger(__name__)

SIGN_OUT = frozenset({"sign out", "signout", "log out", "logout"})
#: The turns that act as the user (the sign-in's own invokes are handled apart).
GATED = frozenset(
    {TurnKind.MESSAGE, TurnKind.CARD_ACTION, TurnKind.COMPOSE_FETCH, TurnKind.COMPOSE_SUBMIT}
)
PERSONAL = "personal"
#: Teams' deep link that opens the user's personal chat with a bot ("28:" + its app id).
CHAT_LINK = "https://teams.microsoft.com/l/chat/0/0?users={bot}"
SIGNED_IN = N_("You're signed in")
UNAVAILABLE = (
    N_("I can't start the sign-in right now."),
    N_(
        "Microsoft's sign-in service for bots did not answer. Please try again in a few "
        "minutes; if it keeps happening, tell your Teams admin."
    ),
)
NOT_FINISHED = (
    N_("The sign-in did not finish"),
    N_("Please send your request again and sign in when I ask."),
)


class SignInGate:
    """Delegated mode: a sign-in card (or, outside the personal chat, directions to it) instead
    of running a command for someone the bot has no token for; the sign-in invokes; `sign out`."""

    def __init__(self, sso: SsoService, pending: PendingCommands, app_id: str = "") -> None:
        self._sso = sso
        self._pending = pending
        self._app_id = app_id

    async def __call__(self, turn: TurnInfo, call_next: Next) -> Reply:
        if turn.kind is TurnKind.TOKEN_EXCHANGE:
            return await self._token_exchange(turn)
        if turn.kind is TurnKind.VERIFY_STATE:
            return await self._verify_state(turn)
        requester = turn.requester
        if turn.kind not in GATED or requester is None:
            return await call_next()
        _ = translator(turn.locale).gettext
        if turn.kind is TurnKind.MESSAGE and turn.text.strip().lower() in SIGN_OUT:
            await self._sso.sign_out(requester, turn.tokens)
            again = _("Next time you ask me for something, sign in again.")
            return post(notice_card(_("Signed out"), again))
        ran = await self._as_signed_in(turn, requester, call_next)
        if ran is not None:
            return ran
        if turn.kind in (TurnKind.COMPOSE_FETCH, TurnKind.COMPOSE_SUBMIT):
            return await self._compose_sign_in(turn, requester, call_next)
        return await self._ask_to_sign_in(turn)

    async def _as_signed_in(
        self, turn: TurnInfo, requester: Requester, call_next: Next
    ) -> Reply | None:
        """The turn run with the user's token — the bot's own (msal), else the one the token
        service keeps for them — or None when there is neither."""
        try:
            if await self._sso.access_token(requester):
                return await call_next()
        except TokenAcquisitionError:
            return await call_next()  # the command runs and its card explains the failure
        try:
            token = await self._sso.service_token(requester, turn.tokens)
        except TokenServiceUnavailable as exc:
            log.warning("Token service asked for user %s: %s", requester.user_id, exc)
            token = None
        if not token:
            return None
        with using_token(requester, token):
            return await call_next()

    # --- asking -----------------------------------------------------------------------------

    async def _ask_to_sign_in(self, turn: TurnInfo) -> Reply:
        _ = translator(turn.locale).gettext
        if turn.conversation_type != PERSONAL:
            directions = personal_chat_card(chat_link=self._chat_link(turn), locale=turn.locale)
            return Reply(card=directions) if turn.is_invoke else post(directions)
        resource = await self._sso.sign_in_resource(turn.tokens)
        if resource is None:
            what, todo = UNAVAILABLE
            return _answer(turn, error_card(_(what), _(todo), locale=turn.locale))
        card = self._sso.sign_in_card(resource, turn.locale)
        sign_in = (Attachment(card["contentType"], card["content"]),)
        if turn.kind is TurnKind.CARD_ACTION:
            please = error_card(
                _("Please sign in first."),
                _("I sent you a sign-in card above."),
                locale=turn.locale,
            )
            return Reply(post=sign_in, card=please)
        if turn.action is None:  # typed: it runs by itself once the sign-in completes
            await self._pending.remember(turn)
        return Reply(post=sign_in)

    async def _compose_sign_in(
        self, turn: TurnInfo, requester: Requester, call_next: Next
    ) -> Reply:
        """The compose box's own sign-in (composeExtension type "auth"): Teams shows the token
        service's link and, once the user signed in, sends the same invoke again with the
        code in `state`, redeemed here; without a token then, the form says where to sign in."""
        code = turn.value.get("state")
        if isinstance(code, str) and code.strip():
            try:
                token = await self._sso.service_token(requester, turn.tokens, code.strip())
            except TokenServiceUnavailable as exc:
                log.warning("Compose sign-in of user %s not verified: %s", requester.user_id, exc)
                token = None
            if not token:
                return sign_in_first(turn)
            with using_token(requester, token):
                return await call_next()
        resource = await self._sso.sign_in_resource(turn.tokens)
        if resource is None:
            return sign_in_first(turn)
        title = translator(turn.locale).gettext("Sign in")
        return Reply(sign_in=SignInLink(resource.link, title))

    def _chat_link(self, turn: TurnInfo) -> str | None:
        bot = turn.bot_id if turn.bot_id.startswith("28:") else ""
        bot = bot or (f"28:{self._app_id}" if self._app_id else "")
        return CHAT_LINK.format(bot=quote(bot, safe=":")) if bot else None

    # --- the sign-in's invokes --------------------------------------------------------------

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
        done = await self._signed_in(turn)
        return Reply(
            post=done.post,
            then=done.then,
            token_exchange=TokenExchangeAnswer(exchange_id, connection),
        )

    async def _verify_state(self, turn: TurnInfo) -> Reply:
        """The sign-in button's flow is done: redeem its code at the token service (200), or
        say the sign-in did not finish (404, as the Bot Framework SDK's OAuthPrompt does)."""
        code = turn.value.get("state")
        if turn.requester is None or not isinstance(code, str) or not code.strip():
            return Reply(status=400)
        _ = translator(turn.locale).gettext
        try:
            token = await self._sso.service_token(turn.requester, turn.tokens, code.strip())
        except TokenServiceUnavailable as exc:
            log.warning("Sign-in of user %s not verified: %s", turn.requester.user_id, exc)
            what, todo = UNAVAILABLE
            return Reply(
                status=404, post=post(error_card(_(what), _(todo), locale=turn.locale)).post
            )
        if token is None:
            log.info(
                "Sign-in of user %s not verified: no token for its code", turn.requester.user_id
            )
            title, todo = NOT_FINISHED
            return Reply(status=404, post=post(notice_card(_(title), _(todo))).post)
        log.info("User %s signed in (token service)", turn.requester.user_id)
        return await self._signed_in(turn)

    async def _signed_in(self, turn: TurnInfo) -> Reply:
        """What follows a completed sign-in: the command that waited for it, once."""
        claim = await self._pending.claim(turn)
        if claim.waiting is Waiting.TAKEN:
            return NOTHING
        notice = post(
            notice_card(translator(turn.locale).gettext(SIGNED_IN), self._next(turn, claim))
        )
        if claim.waiting is Waiting.RUN:
            return Reply(post=notice.post, then=turn.typed(claim.command, claim.activity_id))
        return notice

    def _next(self, turn: TurnInfo, claim: Claim) -> str:
        _ = translator(turn.locale).gettext
        quoted = f"“{escape(claim.command)}”"
        if claim.waiting is Waiting.RUN:
            return _("Now doing what you asked before signing in: {command}").format(command=quoted)
        if claim.waiting is Waiting.EXPIRED:
            minutes = int(self._pending.keep_for.total_seconds() // 60)
            return _(
                "I did not do what you asked before signing in ({command}): that was more than "
                "{minutes} minutes ago. Please send it again if you still want it."
            ).format(command=quoted, minutes=minutes)
        return _("Now send me your request again.")


def _answer(turn: TurnInfo, card: dict[str, object]) -> Reply:
    return Reply(card=card) if turn.is_invoke else post(card)
