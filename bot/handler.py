"""The Bot Framework activity handler: activity in, TurnInfo to the runner, card out.

Everything Bot Framework-specific stays here and in app.py, so the rest of the bot does not
depend on botbuilder-python (archived by Microsoft at the end of 2025).
"""

from __future__ import annotations

import logging
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.core.bot_framework_adapter import InvokeResponse
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    Attachment,
    ChannelAccount,
    TokenExchangeInvokeResponse,
)

from bot.card_actions import CardActions
from bot.graph.auth import TokenAcquisitionError
from bot.identity.sso import FAILURE_DETAIL, Exchange, SsoService
from bot.identity.tenants import Refusal, TenantGate, refusal_card
from bot.identity.tokens import acting_as
from bot.meetings.model import Person, Requester
from bot.runner import CommandRunner
from bot.turn import TurnInfo, turn_from_activity
from cards import error_card, help_card
from cards.base import Card
from cards.error import notice_card

log = logging.getLogger(__name__)

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ROSTER_PAGE = 100
ROSTER_MAX_PAGES = 5
SIGN_OUT = frozenset({"sign out", "signout", "log out", "logout"})


def card_message(card: Card) -> Any:
    return MessageFactory.attachment(Attachment(content_type=CARD_TYPE, content=card))


def card_invoke_response(card: Card) -> InvokeResponse:
    """Universal Actions: the returned card replaces the one whose button was pressed."""
    body = AdaptiveCardInvokeResponse(status_code=200, type=CARD_TYPE, value=card)
    return InvokeResponse(status=200, body=body)


class ConnectorRoster:
    """The conversation's members as the Bot Connector knows them (with e-mail addresses)."""

    def __init__(self, turn_context: TurnContext) -> None:
        self._context = turn_context

    async def member(self, member_id: str) -> Person | None:
        try:
            account = await TeamsInfo.get_member(self._context, member_id)
        except Exception as exc:  # the connector answers 404 or fails: the user is told
            log.info("roster lookup of %s failed: %s", member_id, type(exc).__name__)
            return None
        return _person(account)

    async def everyone(self) -> list[Person]:
        people: list[Person] = []
        token = None
        for _ in range(ROSTER_MAX_PAGES):
            page = await TeamsInfo.get_paged_members(self._context, token, ROSTER_PAGE)
            people.extend(p for p in map(_person, page.members or []) if p is not None)
            token = page.continuation_token
            if not token:
                break
        return people


def activity_dict(activity: Any) -> dict[str, Any]:
    """The activity as camelCase JSON, keeping the entity fields msrest would drop."""
    doc: dict[str, Any] = activity.serialize()
    entities = activity.entities or []
    doc["entities"] = [
        {**entity.serialize(), **(getattr(entity, "additional_properties", None) or {})}
        for entity in entities
    ]
    return doc


def _person(account: Any) -> Person | None:
    email = getattr(account, "email", None) or getattr(account, "user_principal_name", None)
    return Person(email=str(email), name=str(account.name or "")) if email else None


class MeetingBot(ActivityHandler):  # type: ignore[misc]
    """`tenants` refuses other organizations before anything runs; `sso` (delegated mode)
    signs users in through Teams and acts with their own token."""

    def __init__(
        self,
        runner: CommandRunner,
        actions: CardActions,
        default_tz: ZoneInfo,
        *,
        tenants: TenantGate | None = None,
        sso: SsoService | None = None,
    ) -> None:
        self._runner = runner
        self._actions = actions
        self._default_tz = default_tz
        self._tenants = tenants or TenantGate(None)
        self._sso = sso

    def _turn(self, turn_context: TurnContext) -> TurnInfo:
        return turn_from_activity(activity_dict(turn_context.activity), self._default_tz)

    async def on_turn(self, turn_context: TurnContext) -> None:
        """The tenant gate, then the turn, with Graph tokens bound to the sender."""
        activity = activity_dict(turn_context.activity)
        refusal = self._tenants.refusal(activity)
        if refusal is not None:
            await _refuse(turn_context, refusal)
            return
        with acting_as(turn_from_activity(activity, self._default_tz).requester):
            await super().on_turn(turn_context)

    async def _needs_sign_in(self, turn_context: TurnContext, requester: Requester | None) -> bool:
        """Delegated mode without a token for the sender: send the sign-in card instead."""
        if self._sso is None or requester is None:
            return False
        try:
            if await self._sso.access_token(requester):
                return False
        except TokenAcquisitionError:
            return False  # the command runs and its card explains the failure
        card = self._sso.sign_in_card(requester)
        attachment = Attachment(content_type=card["contentType"], content=card["content"])
        await turn_context.send_activity(MessageFactory.attachment(attachment))
        return True

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        turn = self._turn(turn_context)
        if self._sso is not None and turn.requester and turn.text.strip().lower() in SIGN_OUT:
            self._sso.sign_out(turn.requester)
            notice = notice_card("Signed out", "Next time you ask me for something, sign in again.")
            await turn_context.send_activity(card_message(notice))
            return
        if await self._needs_sign_in(turn_context, turn.requester):
            return
        roster = ConnectorRoster(turn_context)
        if turn.value.get("action"):  # an Action.Submit button
            card = await self._actions.handle(turn, turn.value, roster)
        else:
            card = await self._runner.handle_text(turn, roster)
        await turn_context.send_activity(card_message(card))

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id
        if any(member.id == bot_id for member in members_added):
            intro = "Hi! I create Teams meetings and send you the join link."
            await turn_context.send_activity(card_message(help_card(intro)))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        # botbuilder 4.17.1's on_adaptive_card_invoke answers 500 (it serializes the body
        # twice), so adaptiveCard/action is handled here, with the model object as the body.
        if turn_context.activity.name == "signin/tokenExchange" and self._sso is not None:
            return await self._token_exchange(turn_context, self._sso)
        if turn_context.activity.name != "adaptiveCard/action":
            log.info("ignoring invoke %r", turn_context.activity.name)
            return InvokeResponse(status=200)
        turn = self._turn(turn_context)
        if await self._needs_sign_in(turn_context, turn.requester):
            return card_invoke_response(
                error_card("Please sign in first.", "I sent you a sign-in card above.")
            )
        action = turn.value.get("action")
        data = action.get("data") if isinstance(action, dict) else None
        if not isinstance(data, dict):
            return card_invoke_response(error_card("That button sent nothing I can read."))
        verb = action.get("verb") if isinstance(action, dict) else None
        if "action" not in data and isinstance(verb, str):
            data = {**data, "action": verb}
        card = await self._actions.handle(turn, data, ConnectorRoster(turn_context))
        return card_invoke_response(card)

    async def _token_exchange(self, turn_context: TurnContext, sso: SsoService) -> InvokeResponse:
        """Teams' SSO token in; 200 once per sign-in (duplicates from other devices too),
        412 when it cannot be exchanged so Teams shows the card's sign-in button."""
        turn = self._turn(turn_context)
        value = turn.value
        exchange_id, token = str(value.get("id") or ""), str(value.get("token") or "")
        connection = str(value.get("connectionName") or "")
        if turn.requester is None or not exchange_id or not token:
            outcome = Exchange.FAILED
        else:
            outcome = (await sso.exchange(turn.requester, exchange_id, token)).outcome
        if outcome is Exchange.FAILED:
            body = TokenExchangeInvokeResponse(
                id=exchange_id, connection_name=connection, failure_detail=FAILURE_DETAIL
            )
            return InvokeResponse(status=412, body=body)
        if outcome is Exchange.DUPLICATE:
            return InvokeResponse(status=200)
        signed_in = notice_card("You're signed in", "Now send me your request again.")
        await turn_context.send_activity(card_message(signed_in))
        body = TokenExchangeInvokeResponse(id=exchange_id, connection_name=connection)
        return InvokeResponse(status=200, body=body)


async def _refuse(turn_context: TurnContext, refusal: Refusal) -> None:
    """Another organization's activity: a polite card where one is expected, nothing else.
    Another channel's: nothing but a 403 for invokes."""
    activity = turn_context.activity
    if refusal is Refusal.CHANNEL:
        if activity.type == ActivityTypes.invoke:
            response = Activity(
                type=ActivityTypes.invoke_response, value=InvokeResponse(status=403)
            )
            await turn_context.send_activity(response)
        return
    if activity.type == ActivityTypes.message:
        await turn_context.send_activity(card_message(refusal_card()))
    elif activity.type == ActivityTypes.invoke:
        if activity.name == "adaptiveCard/action":
            response = card_invoke_response(refusal_card())
        else:
            response = InvokeResponse(status=403)
        await turn_context.send_activity(
            Activity(type=ActivityTypes.invoke_response, value=response)
        )
    elif activity.type == ActivityTypes.conversation_update and any(
        member.id == activity.recipient.id for member in activity.members_added or []
    ):
        await turn_context.send_activity(card_message(refusal_card()))


async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
    """Last resort: log the trace, tell the user in plain words."""
    log.exception("unhandled error in turn", exc_info=error)
    if turn_context.activity.type in ("message", "invoke"):
        try:
            await turn_context.send_activity(
                card_message(
                    error_card(
                        "Sorry, something went wrong on my side.", "Please try again in a moment."
                    )
                )
            )
        except Exception:  # the connector itself may be the problem
            log.exception("could not tell the user about the error")
