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
from botbuilder.schema import AdaptiveCardInvokeResponse, Attachment, ChannelAccount

from bot.card_actions import CardActions
from bot.model import Person
from bot.runner import CommandRunner
from bot.turn import TurnInfo, turn_from_activity
from cards import error_card, help_card
from cards.base import Card

log = logging.getLogger(__name__)

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ROSTER_PAGE = 100
ROSTER_MAX_PAGES = 5


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
    def __init__(self, runner: CommandRunner, actions: CardActions, default_tz: ZoneInfo) -> None:
        self._runner = runner
        self._actions = actions
        self._default_tz = default_tz

    def _turn(self, turn_context: TurnContext) -> TurnInfo:
        return turn_from_activity(activity_dict(turn_context.activity), self._default_tz)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        turn = self._turn(turn_context)
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
        if turn_context.activity.name != "adaptiveCard/action":
            log.info("ignoring invoke %r", turn_context.activity.name)
            return InvokeResponse(status=200)
        turn = self._turn(turn_context)
        action = turn.value.get("action")
        data = action.get("data") if isinstance(action, dict) else None
        if not isinstance(data, dict):
            return card_invoke_response(error_card("That button sent nothing I can read."))
        verb = action.get("verb") if isinstance(action, dict) else None
        if "action" not in data and isinstance(verb, str):
            data = {**data, "action": verb}
        card = await self._actions.handle(turn, data, ConnectorRoster(turn_context))
        return card_invoke_response(card)


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
