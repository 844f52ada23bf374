"""The turn reads the activity's JSON as it arrived instead of serialising botbuilder's
Activity back: the same TurnInfo either way, for every kind of activity the bot handles."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest
from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.conversation.turn import turn_from_activity
from bot.transport.checks import activity_problem
from bot.transport.handler import (
    activity_dict,
    arrived_as,
    botbuilder_activity,
    turn_document,
)
from tests.support.activities import invoke, message

URL = "https://smba.trafficmanager.net/emea/"
BERLIN = ZoneInfo("Europe/Berlin")


def installed() -> dict[str, Any]:
    doc = message("", URL, conversation_type="groupChat", conversation_id="19:group")
    doc.update(type="conversationUpdate", membersAdded=[doc["recipient"]], text=None)
    return doc


@pytest.mark.parametrize(
    "doc",
    [
        message("schedule Review tomorrow 3pm with <at>Bob</at>", URL, mentions=(("29:b", "Bob"),)),
        message("Reunião agora", URL, locale="pt-BR", timezone=None, conversation_type="channel"),
        message("meet now", URL, aad_object_id=None, mention_bot=True),
        invoke({"action": "cancel", "kind": "event", "id": "AAMk="}, URL),
        installed(),
    ],
    ids=["mentions", "channel-locale", "no-aad-id", "card-action", "installed"],
)
def test_the_arrived_json_reads_as_the_serialised_activity(doc: dict[str, Any]) -> None:
    assert activity_problem(doc) is None
    activity = Activity().deserialize(doc)

    with arrived_as(activity, doc):
        assert turn_document(activity) is doc
    assert turn_document(activity) == activity_dict(activity)  # outside: serialised

    assert turn_from_activity(doc, BERLIN) == turn_from_activity(activity_dict(activity), BERLIN)


@pytest.mark.parametrize(
    "doc",
    [
        message("meet now", URL, mentions=(("29:b", "Bob"),), conversation_type="groupChat"),
        invoke({"action": "cancel", "kind": "event", "id": "AAMk="}, URL),
        installed(),
    ],
    ids=["message", "card-action", "installed"],
)
def test_botbuilder_gets_every_field_it_reads_of_the_activity(doc: dict[str, Any]) -> None:
    """Replies are addressed, invokes answered and errors handled from the same values."""
    full, lean = Activity().deserialize(doc), botbuilder_activity(doc)

    for name in ("type", "id", "name", "service_url", "channel_id", "locale", "delivery_mode"):
        assert getattr(lean, name) == getattr(full, name), name
    assert lean.channel_data == full.channel_data
    reference = TurnContext.get_conversation_reference
    assert reference(lean).serialize() == reference(full).serialize()
