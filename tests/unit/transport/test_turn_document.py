"""The turn reads the activity's JSON as it arrived instead of serialising botbuilder's
Activity back: the same TurnInfo either way, for every kind of activity the bot handles."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest
from botbuilder.schema import Activity

from bot.conversation.turn import turn_from_activity
from bot.transport.checks import activity_problem
from bot.transport.handler import activity_dict, arrived_as, turn_document
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
