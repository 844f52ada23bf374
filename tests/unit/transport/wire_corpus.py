"""What the wire tests compare with msrest: every card the bot sends (tests/unit/cards), every
activity the tests build (tests/support/activities and the fuzz generator's bases), Teams'
other activity kinds, and edge cases — unicode, datetimes, empty lists, None, unknown keys."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    Entity,
    Mention,
    SuggestedActions,
    TextHighlight,
)

from bot.storage import ConversationRef
from bot.transport.proactive import _card_activity, conversation_reference
from bot.transport.wire_json import card_message
from cards import Verb
from tests.support.activities import GROUP_CHAT, compose_invoke, invoke, message
from tests.support.fuzz import CARD_DATA
from tests.unit.cards.test_cards import CARDS, DIALOGS

URL = "https://smba.trafficmanager.net/emea/"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
EVERY_CARD: dict[str, Callable[[], dict[str, Any]]] = {**CARDS, **DIALOGS}


def inbound() -> dict[str, dict[str, Any]]:
    """Activities as Teams sends them, by name."""
    docs: dict[str, dict[str, Any]] = {
        "message": message("meet now", URL),
        "mentions": message("schedule Review with <at>Bob</at>", URL, mentions=(("29:b", "Bob"),)),
        "mention-bot-group": message(
            "meet now", URL, mention_bot=True, conversation_type="groupChat"
        ),
        "channel-pt": message("Reunião agora", URL, locale="pt-BR", conversation_type="channel"),
        "no-aad-no-zone": message("help", URL, aad_object_id=None, timezone=None),
        "form-value": message("", URL, value=copy.deepcopy(CARD_DATA[0])),
        "compose-fetch": compose_invoke("composeExtension/fetchTask", URL),
        "compose-submit": compose_invoke(
            "composeExtension/submitAction", URL, data={"subject": "Retro", "when": "now"}
        ),
    }
    for n, data in enumerate(CARD_DATA):
        docs[f"invoke-{n}"] = invoke(copy.deepcopy(data), URL)
    base = message("", URL)
    base.pop("text")
    kinds: dict[str, dict[str, Any]] = {
        "installed": {"type": "conversationUpdate", "membersAdded": [base["recipient"]]},
        "removed": {"type": "conversationUpdate", "membersRemoved": [{"id": "29:x"}]},
        "typing": {"type": "typing"},
        "reaction": {"type": "messageReaction", "reactionsAdded": [{"type": "like"}]},
        "unknown-invoke": {"type": "invoke", "name": "composeExtension/query", "value": {}},
        "event": {"type": "event", "name": "something"},
    }
    for kind, extra in kinds.items():
        docs[kind] = {**copy.deepcopy(base), **extra}
    docs.update(edge_docs())
    return docs


def edge_docs() -> dict[str, dict[str, Any]]:
    """Values at the edges of what msrest reads: each replaces fields of a Teams message."""
    edits: dict[str, dict[str, Any]] = {
        "offset-timestamps": {
            "timestamp": "2026-11-25T10:00:00.1234567+05:30",
            "localTimestamp": "2026-11-25T11:00:00-08:00",
            "expiration": "2026-11-25t10:00:00z",
        },
        "no-fraction": {"timestamp": "2026-11-25T10:00:00Z"},
        "date-only": {"localTimestamp": "2026-11-25"},
        "no-seconds": {"localTimestamp": "2026-11-25T10:00Z"},
        "unicode": {"text": "Réunion 会議 \U0001f4c5 \u202e", "locale": "ja-JP"},
        "empty-lists": {"membersAdded": [], "entities": [], "attachments": [], "listenFor": []},
        "nulls": {"text": None, "from": None, "entities": [None], "channelData": None},
        "unknown-keys": {
            "futureField": {"a": [1]},
            "from": {"id": "29:x", "role": "user", "new": 1},
        },
        "numbers-as-text": {"text": 5, "locale": 1.5, "historyDisclosed": True},
        "attachments": {
            "attachments": [
                {"contentType": ADAPTIVE, "content": {"type": "AdaptiveCard"}, "name": None},
                {"contentType": "text/html", "content": "<p>hi</p>", "thumbnailUrl": "x"},
            ]
        },
        "relates-and-actions": {
            "relatesTo": {"activityId": "1", "conversation": {"id": "c", "isGroup": True}},
            "suggestedActions": {"to": ["29:a"], "actions": [{"type": "imBack", "value": 5}]},
            "textHighlights": [{"text": "now", "occurrence": 1}],
            "listenFor": ["a", None],
        },
        "semantic-action": {"semanticAction": {"id": "s", "entities": {"e": {"type": "x"}}}},
        "bad-timestamp": {"timestamp": "not-a-date"},
        "model-not-object": {"from": "29:x"},
        "list-not-list": {"entities": {"type": "x"}},
        "bool-as-text": {"historyDisclosed": "true"},
        "float-count": {"textHighlights": [{"text": "now", "occurrence": 1.0}]},
    }
    docs = {}
    for name, edit in edits.items():
        doc = message("meet now", URL)
        doc.update(copy.deepcopy(edit))
        docs[name] = doc
    return docs


def reference_of(doc: dict[str, Any]) -> ConversationReference:
    reference: ConversationReference = TurnContext.get_conversation_reference(
        Activity().deserialize(doc)
    )
    return reference


def addressed(activity: Activity, doc: dict[str, Any]) -> Activity:
    """The activity as TurnContext.send_activity addresses a reply to `doc`."""
    made: Activity = TurnContext.apply_conversation_reference(activity, reference_of(doc))
    made.id = None  # CloudAdapterBase.send_activities clears it
    return made


STORED = ConversationRef(
    conversation_id=GROUP_CHAT,
    service_url=URL,
    channel_id="msteams",
    conversation_type="groupChat",
    tenant_id="t1",
    bot_id="28:bot",
    user_channel_id="29:user",
    user_name="Jane Doe",
    user_id="aad-1",
    locale="en-US",
)


def replies() -> Iterator[tuple[str, Activity]]:
    """What the bot sends to the connector, by name: every card as a turn's reply, a
    proactive post and an update; then text and edge-case models."""
    asked = message("meet now", URL)
    pressed = invoke({"action": "cancel", "kind": "event", "id": "AAMk="}, URL)
    proactive = conversation_reference(STORED)
    for name, build in EVERY_CARD.items():
        attachment = Attachment(content_type=ADAPTIVE, content=build())
        yield f"{name}-reply", addressed(card_message(attachment), asked)
        yield f"{name}-to-invoke", addressed(MessageFactory.attachment(attachment), pressed)
        posted = TurnContext.apply_conversation_reference(_card_activity(build()), proactive)
        yield f"{name}-proactive", posted
        updated = _card_activity(build(), "1:activity")
        yield f"{name}-update", TurnContext.apply_conversation_reference(updated, proactive)
    yield "text", addressed(MessageFactory.text("Réunion 会議 \U0001f4c5"), asked)
    for name, build_edge in EDGE_REPLIES.items():
        yield name, addressed(build_edge(), asked)


def _everything() -> Activity:
    """Every kind of attribute msrest writes for an activity, set."""
    activity = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content={"v": Verb.RUN}))
    activity.timestamp = datetime(2026, 11, 25, 10, 0, 0, 123400, tzinfo=UTC)
    activity.local_timestamp = datetime(2026, 11, 25, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    activity.expiration = datetime(2026, 11, 26, 0, 0, 0, 5)
    activity.local_timezone = "Europe/Berlin"
    activity.entities = [
        Mention(mentioned=ChannelAccount(id="29:b", name="Bob"), text="<at>Bob</at>"),
        Entity(type="clientInfo"),
        None,
    ]
    activity.entities[1].additional_properties = {"locale": "en-US"}  # msrest does not write it
    activity.suggested_actions = SuggestedActions(
        to=["29:a"], actions=[CardAction(type="imBack", title="Go", value={"verb": Verb.RUN})]
    )
    activity.text_highlights = [TextHighlight(text="now", occurrence=1)]
    activity.members_added, activity.listen_for = [], ["meet", None]
    activity.history_disclosed, activity.channel_data = False, {"notification": {"alert": True}}
    activity.value, activity.summary = [1, 2.5, None, "ü"], ""
    return activity


def _odd_types() -> Activity:
    """Values of other types than declared, which msrest converts (str(), .value, int())."""
    activity = Activity(type=ActivityTypes.message, text=Verb.RUN, locale=5)
    activity.history_disclosed = 1
    activity.text_highlights = [TextHighlight(text=7, occurrence="3")]
    activity.timestamp = "2026-11-25T10:00:00+01:00"  # msrest parses a str first
    return activity


def _not_plain() -> Activity:
    """Card content msrest copies differently from json.dumps: left to msrest."""
    content = {"tuple": ("a", "b"), 1: "int key", "when": datetime(2026, 1, 1, tzinfo=UTC)}
    return MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content=content))


def _another_model() -> Activity:
    """A model of another class than declared: msrest writes it by its own attribute map."""
    activity = MessageFactory.text("hi")
    activity.recipient = ConversationAccount(id="19:x", is_group=True, tenant_id="t")
    return activity


def _dict_for_model() -> Activity:
    activity = MessageFactory.text("hi")
    activity.recipient = {"id": "29:x", "Name": "case-insensitive"}
    return activity


EDGE_REPLIES: dict[str, Callable[[], Activity]] = {
    "everything": _everything,
    "odd-types": _odd_types,
    "not-plain-card": _not_plain,
    "dict-for-model": _dict_for_model,
    "another-model": _another_model,
    "empty": lambda: Activity(),
}
