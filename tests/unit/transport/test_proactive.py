"""Messages the bot starts: posted into a stored conversation reference, updated in place, and a
conversation the bot was removed from reported as gone (the Bot Connector answers 403/404)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from botbuilder.core import CloudAdapterBase

from bot.config import Settings
from bot.conversation.outbox import ConversationGone
from bot.storage import ConversationRef
from bot.transport.app import close_adapter, create_adapter
from bot.transport.proactive import ConnectorOutbox
from cards import notice_card
from tests.support.activities import BOT_ID, TENANT, USER_AAD
from tests.support.connector import ConnectorCapture


@pytest.fixture
async def adapter(settings: Settings) -> AsyncIterator[CloudAdapterBase]:
    made = create_adapter(settings)
    yield made
    await close_adapter(made)


def reference(service_url: str, conversation_id: str = "personal-conv-1") -> ConversationRef:
    return ConversationRef(
        tenant_id=TENANT,
        user_id=USER_AAD,
        conversation_id=conversation_id,
        service_url=service_url,
        bot_id=BOT_ID,
        user_channel_id="29:user-jane",
        user_name="Jane Doe",
    )


async def test_a_card_is_posted_into_the_stored_conversation_and_updated_in_place(
    settings: Settings, adapter: CloudAdapterBase, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    outbox = ConnectorOutbox(adapter, settings.app_id)

    activity_id = await outbox.post(reference(service_url), notice_card("Reminder", "In 10 min"))
    await outbox.update(reference(service_url), activity_id, notice_card("Reminder", "Now"))

    posted, updated = capture.calls
    assert posted.method == "POST"
    assert posted.path.startswith("/v3/conversations/personal-conv-1/activities")
    assert posted.body["attachments"][0]["content"]["body"][1]["text"] == "In 10 min"
    assert activity_id
    assert (updated.method, updated.path) == (
        "PUT",
        f"/v3/conversations/personal-conv-1/activities/{activity_id}",
    )
    assert updated.body["attachments"][0]["content"]["body"][1]["text"] == "Now"


async def test_a_conversation_the_bot_was_removed_from_is_gone(
    settings: Settings, adapter: CloudAdapterBase, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    capture.gone.add("removed-conv")
    outbox = ConnectorOutbox(adapter, settings.app_id)

    with pytest.raises(ConversationGone):
        await outbox.post(reference(service_url, "removed-conv"), notice_card("Reminder", "x"))
