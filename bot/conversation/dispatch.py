"""One way in for every turn: `dispatch(turn) -> Reply`, the gates first, then typed text, a
pressed button or the compose box's message extension, each answered with a card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property, partial
from typing import TYPE_CHECKING

from bot.conversation.commands import CommandRunner
from bot.conversation.gates import Middleware, Next
from bot.conversation.reply import NOTHING, Reply, answer, post
from bot.conversation.turn import TurnInfo, TurnKind
from bot.conversation.verbs import CardVerbs
from cards import error_card, help_card
from cards.i18n import N_, translator

if TYPE_CHECKING:
    from bot.conversation.compose import ComposeExtension

WELCOME = N_("Hi! I create Teams meetings and send you the join link.")


class Conversation:
    """Runs `gates` in order (each may answer the turn itself), then routes the turn."""

    def __init__(
        self, commands: CommandRunner, verbs: CardVerbs, gates: Sequence[Middleware] = ()
    ) -> None:
        self._commands = commands
        self._verbs = verbs
        self._gates = tuple(gates)

    @cached_property
    def _compose(self) -> ComposeExtension:
        """The compose box's message extension (and its form's parser), made on first use."""
        from bot.conversation.compose import ComposeExtension

        return ComposeExtension(self._commands)

    async def dispatch(self, turn: TurnInfo) -> Reply:
        reply = await self._through(0, turn)
        if reply.then is None:
            return reply
        then = await self._through(0, reply.then)  # every gate again: tenant, budget, sign-in
        return replace(reply, post=reply.post + then.post, then=None)

    async def _through(self, index: int, turn: TurnInfo) -> Reply:
        if index == len(self._gates):
            return await self._route(turn)
        call_next: Next = partial(self._through, index + 1, turn)
        return await self._gates[index](turn, call_next)

    async def _route(self, turn: TurnInfo) -> Reply:
        _ = translator(turn.locale).gettext
        if turn.kind is TurnKind.INSTALLED:
            return post(help_card(_(WELCOME), locale=turn.locale))
        if turn.kind is TurnKind.CARD_ACTION and turn.action is None:
            unreadable = _("That button sent nothing I can read.")
            return answer(True, error_card(unreadable, locale=turn.locale))
        if turn.kind in (TurnKind.MESSAGE, TurnKind.CARD_ACTION) and turn.action is not None:
            return answer(turn.is_invoke, await self._verbs.handle(turn, turn.action))
        if turn.kind is TurnKind.MESSAGE:
            return post(await self._commands.handle_text(turn))
        if turn.kind is TurnKind.COMPOSE_FETCH:
            return await self._compose.fetch(turn)
        if turn.kind is TurnKind.COMPOSE_SUBMIT:
            return await self._compose.submit(turn)
        return NOTHING
