"""The JSON of a reply, as msrest would write it, for less CPU.

msrest's Serializer.body(activity, "Activity") first rebuilds the model (in case it was
given dicts), validates it recursively, then serialises every node — a card's content one
msrest call per value. botbuilder's schema declares no validation rules, so for a tree that
is already all models the first two steps change nothing; and a card that is plain JSON
serialises to itself. PassthroughSerializer skips exactly that work and falls back to msrest
for anything else; tests/unit/transport compare its output with msrest's.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.schema import Activity, Attachment
from msrest.serialization import Model, Serializer

_JSON_LEAVES = (str, int, float, bool, type(None))
#: Deeper than this, msrest's recursive copy may hit Python's recursion limit (and raise):
#: such a value is left to msrest, to fail or not as it does.
MAX_PLAIN_DEPTH = 100


def plain_json(value: Any) -> bool:
    """Only dicts (str keys), lists, str, int, float, bool and None, of exactly those types
    (or a str whose str() is itself), at most MAX_PLAIN_DEPTH containers deep: what msrest's
    serialize_object and deserialize_object would copy, item by item, into the same JSON.

    A level at a time, without a call per node: the leaves of a level are checked in place
    and its containers make up the next level (a card's hundred-odd nodes in ~20 µs)."""
    if type(value) not in (dict, list):
        return type(value) in _JSON_LEAVES or _plain_str(value)
    level, depth = [value], 0
    while level:
        depth += 1
        if depth > MAX_PLAIN_DEPTH:
            return False
        below: list[Any] = []
        for node in level:
            items = node
            if type(node) is dict:
                for key in node:
                    if type(key) is not str:
                        return False
                items = node.values()
            for item in items:
                kind = type(item)
                if kind is str:
                    continue
                if kind is dict or kind is list:
                    below.append(item)
                elif kind not in _JSON_LEAVES and not _plain_str(item):
                    return False
        level = below
    return True


def _plain_str(value: Any) -> bool:
    """A str subclass whose str() is itself (a StrEnum such as the cards' Verb): msrest
    writes its str(), json.dumps its content, the same text."""
    return isinstance(value, str) and str(value) == value


def all_models(model: Model, models: Mapping[str, Any]) -> bool:
    """Every attribute typed as a model (or a list of them) holds one, down the tree, and no
    model declares validation rules: what msrest's rebuild-and-validate would leave as is."""
    stack: list[Any] = [model]
    while stack:
        node = stack.pop()
        if node._validation:
            return False
        for name, description in node._attribute_map.items():
            value = getattr(node, name, None)
            if value is None:
                continue
            kind: str = description["type"]
            if kind.startswith("[") and isinstance(value, list):
                kind, values = kind[1:-1], value
            else:
                values = [value]
            if kind not in models:
                continue
            for item in values:
                if not isinstance(item, Model):
                    return False
                stack.append(item)
    return True


class PassthroughSerializer(Serializer):
    """msrest's Serializer, without the steps that change nothing for our replies (above)."""

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        if (
            isinstance(data, Model)
            and data_type in self.dependencies
            and all_models(data, self.dependencies)
        ):
            return self._serialize(data, data_type, **kwargs)  # type: ignore[no-untyped-call]
        return super().body(data, data_type, **kwargs)  # type: ignore[no-untyped-call]

    def serialize_object(self, attr: Any, **kwargs: Any) -> Any:
        """A card (an `object`-typed value) that is plain JSON is sent as it is, instead of
        being copied recursively one msrest call per node: the same JSON out."""
        if type(attr) in (dict, list) and plain_json(attr):
            return attr
        return super().serialize_object(attr, **kwargs)  # type: ignore[no-untyped-call]


def passthrough_json(client: Any) -> None:
    """Give a botbuilder ConnectorClient and its operations the passthrough serializer."""
    serializer = PassthroughSerializer(client._serialize.dependencies)  # type: ignore[no-untyped-call]
    client._serialize = serializer
    for operations in (client.conversations, client.attachments):
        operations._serialize = serializer


class SentActivity(Activity):  # type: ignore[misc]
    """An activity the bot sends. TurnContext.send_activities deep-copies each activity (the
    whole card with it) only to set top-level fields on the copy — conversation, sender,
    recipient, reply-to, type, input hint; a shallow copy keeps the original just as intact."""

    def __deepcopy__(self, memo: dict[int, Any]) -> SentActivity:
        return copy.copy(self)


def card_message(attachment: Attachment) -> SentActivity:
    """MessageFactory.attachment's message, as a SentActivity."""
    made = SentActivity()
    made.__dict__.update(MessageFactory.attachment(attachment).__dict__)
    return made
