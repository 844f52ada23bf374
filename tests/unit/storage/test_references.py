"""Conversation references: stored on every turn and on installation, per user and conversation,
so the bot can post there later."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.conversation.references import remember_reference
from bot.conversation.reply import NOTHING, Reply
from bot.conversation.turn import turn_from_activity
from bot.storage import ConversationRef
from bot.storage.sql_store import SqlStore
from tests.support.activities import BOT_ID, TENANT, USER_AAD, message
from tests.unit.storage.conftest import Backend

SERVICE_URL = "https://smba.trafficmanager.net/emea/"
REF = ConversationRef(
    tenant_id="t",
    user_id="u",
    conversation_id="a:1",
    service_url=SERVICE_URL,
    bot_id="28:bot",
    user_channel_id="29:jane",
    user_name="Jane",
    locale="de-DE",
    zone="Europe/Berlin",
)


async def test_a_reference_is_kept_per_user_and_conversation(store: SqlStore) -> None:
    await store.save_reference(REF)
    await store.save_reference(replace(REF, conversation_id="19:group"))
    await store.save_reference(replace(REF, user_id="other"))

    assert await store.reference("t", "u", "a:1") == REF
    assert {r.conversation_id for r in await store.references_of("t", "u")} == {"a:1", "19:group"}
    assert await store.reference("t", "nobody", "a:1") is None


async def test_a_newer_turn_refreshes_the_reference(store: SqlStore) -> None:
    await store.save_reference(REF)
    moved = replace(REF, service_url="https://smba.trafficmanager.net/amer/", zone="UTC")

    await store.save_reference(moved)
    await store.save_reference(moved)  # unchanged: nothing to rewrite

    assert await store.reference("t", "u", "a:1") == moved


async def test_an_uninstalled_conversation_is_forgotten(store: SqlStore) -> None:
    await store.save_reference(REF)
    await store.save_reference(replace(REF, user_id="other"))
    await store.save_reference(replace(REF, conversation_id="a:2"))

    assert await store.forget_conversation("a:1") == 2
    assert [r.conversation_id for r in await store.references_of("t", "u")] == ["a:2"]


async def test_a_reference_saved_unchanged_within_the_minute_is_not_sent_again(
    store: SqlStore, backend: Backend
) -> None:
    await store.save_reference(REF)
    backend.sql("DELETE FROM conversation_references")  # behind this process's back

    await store.save_reference(REF)  # this process saved exactly this a moment ago
    assert await store.reference("t", "u", "a:1") is None
    await store.save_reference(replace(REF, zone="UTC"))  # changed: written
    assert await store.reference("t", "u", "a:1") == replace(REF, zone="UTC")


async def test_a_forgotten_conversation_is_stored_again_by_its_next_turn(store: SqlStore) -> None:
    await store.save_reference(REF)
    await store.forget_conversation("a:1")

    await store.save_reference(REF)

    assert await store.reference("t", "u", "a:1") == REF


async def test_every_turn_stores_its_reference_from_the_activity(store: SqlStore) -> None:
    activity = message("meet now", SERVICE_URL, conversation_id="a:personal", locale="pt-BR")
    turn = turn_from_activity(activity, ZoneInfo("UTC"))
    ran: list[bool] = []

    async def the_turn() -> Reply:
        ran.append(True)
        return NOTHING

    await remember_reference(store)(turn, the_turn)

    saved = await store.reference(TENANT, USER_AAD, "a:personal")
    assert ran == [True]
    assert saved == ConversationRef(
        tenant_id=TENANT,
        user_id=USER_AAD,
        conversation_id="a:personal",
        service_url=SERVICE_URL,
        bot_id=BOT_ID,
        user_channel_id="29:user-jane",
        user_name="Jane Doe",
        locale="pt-BR",
        zone="Europe/Berlin",
    )


async def test_installation_stores_the_reference_too(store: SqlStore) -> None:
    activity = message("", SERVICE_URL, conversation_id="19:team")
    activity.update(type="conversationUpdate", membersAdded=[activity["recipient"]])

    async def the_turn() -> Reply:
        return NOTHING

    await remember_reference(store)(turn_from_activity(activity, ZoneInfo("UTC")), the_turn)

    assert await store.reference(TENANT, USER_AAD, "19:team") is not None


async def test_a_storage_failure_does_not_stop_the_turn(store: SqlStore) -> None:
    turn = turn_from_activity(message("help", SERVICE_URL), ZoneInfo("UTC"))
    await store.aclose()

    async def the_turn() -> Reply:
        return Reply(status=200)

    reply = await remember_reference(store)(turn, the_turn)

    assert reply.status == 200
