"""What the transport answers a message extension's invokes with, serialised as botbuilder does
it for the HTTP response: Teams reads these exact shapes."""

from __future__ import annotations

from typing import Any

from botbuilder.core import serializer_helper
from botbuilder.schema import Activity

from bot.conversation.reply import Dialog, Reply
from bot.transport.handler import _error_invoke, invoke_response
from cards import error_card

CARD = {"type": "AdaptiveCard", "version": "1.5", "body": []}
ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def body(reply_or_name: Reply | str, locale: str = "en-US") -> tuple[int, dict[str, Any]]:
    response = (
        _error_invoke(Activity(type="invoke", name=reply_or_name, locale=locale))
        if isinstance(reply_or_name, str)
        else invoke_response(reply_or_name)
    )
    serialised: dict[str, Any] = serializer_helper(response.body)
    return response.status, serialised


def test_a_dialog_is_a_task_module_continuing_with_the_card() -> None:
    assert body(Reply(dialog=Dialog(CARD, "Teams meeting"))) == (
        200,
        {
            "task": {
                "type": "continue",
                "value": {
                    "title": "Teams meeting",
                    "card": {"contentType": ADAPTIVE, "content": CARD},
                },
            }
        },
    )


def test_a_compose_card_is_a_result_list_of_one_attachment() -> None:
    assert body(Reply(compose=CARD)) == (
        200,
        {
            "composeExtension": {
                "type": "result",
                "attachmentLayout": "list",
                "attachments": [{"contentType": ADAPTIVE, "content": CARD}],
            }
        },
    )


def test_a_failed_message_extension_turn_still_answers_with_a_dialog_saying_so() -> None:
    for name in ("composeExtension/fetchTask", "composeExtension/submitAction"):
        status, answer = body(name)
        assert status == 200
        content = answer["task"]["value"]["card"]["content"]
        assert content == error_card(
            "Sorry, something went wrong on my side.",
            "Please try again in a moment.",
            locale="en-US",
        )


def test_the_compose_dialog_is_titled_in_the_users_language() -> None:
    _, answer = body(Reply(dialog=Dialog.compose(CARD, "de-DE")))
    assert answer["task"]["value"]["title"] == "Teams-Besprechung"
