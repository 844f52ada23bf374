"""The tables (bot/transport/wire_models.py) against msrest itself over the corpus of
wire_corpus.py: the same JSON text out for every reply, the same models in for every activity
(field by field, types and time zones included), the same errors — and the tables, not
msrest's fallback, did the work wherever they can."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from typing import Any

import pytest
from botbuilder.schema import Activity, TextHighlight, TokenExchangeState
from botbuilder.schema.teams import MessagingExtensionResponse
from msrest.serialization import Deserializer, Model, Serializer

from bot.transport.handler import BOTBUILDER_READS, botbuilder_activity
from bot.transport.wire_json import MAX_PLAIN_DEPTH, plain_json
from bot.transport.wire_models import CONNECTOR, CONNECTOR_MODELS, SCHEMA, read_activity
from tests.support.fuzz import malformed_requests
from tests.unit.transport.wire_corpus import URL, inbound, replies

REPLIES = dict(replies())
INBOUND = inbound()
#: What the tables leave to msrest on purpose (wire_models' docstring says why).
WRITTEN_BY_MSREST = {"not-plain-card", "dict-for-model"}
READ_BY_MSREST = {
    *("semantic-action", "bad-timestamp", "no-seconds", "model-not-object", "list-not-list"),
    *("bool-as-text", "float-count", "date-only"),
}


def msrest_body(activity: Any) -> Any:
    serializer: Any = Serializer(CONNECTOR_MODELS)  # type: ignore[no-untyped-call]
    return serializer.body(activity, "Activity")


def never() -> Any:
    raise AssertionError("left to msrest")


def outcome(call: Any) -> tuple[str, Any]:
    try:
        return "made", call()
    except Exception as exc:
        return "raised", (type(exc), str(exc))


def same(ours: Any, theirs: Any, path: str = "$") -> None:
    """Equal, and of the same types all the way down (datetimes: the same offset too)."""
    assert type(ours) is type(theirs), path
    if isinstance(ours, Model):
        assert vars(ours).keys() == vars(theirs).keys(), path
        for name, value in vars(ours).items():
            same(value, vars(theirs)[name], f"{path}.{name}")
    elif isinstance(ours, dict):
        assert list(ours) == list(theirs), path
        for key, value in ours.items():
            same(value, theirs[key], f"{path}.{key}")
    elif isinstance(ours, list):
        assert len(ours) == len(theirs), path
        for n, (mine, its) in enumerate(zip(ours, theirs, strict=True)):
            same(mine, its, f"{path}[{n}]")
    elif isinstance(ours, datetime):
        assert (ours, ours.utcoffset(), repr(ours)) == (theirs, theirs.utcoffset(), repr(theirs))
    else:
        assert ours == theirs, path


# --- replies ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REPLIES))
def test_every_reply_goes_out_as_msrest_writes_it(name: str) -> None:
    activity = REPLIES[name]
    untouched = copy.deepcopy(activity)
    expected = json.dumps(msrest_body(untouched))

    sent = CONNECTOR.write(activity, lambda: msrest_body(activity))

    assert json.dumps(sent) == expected
    if name not in WRITTEN_BY_MSREST:
        assert json.dumps(CONNECTOR.write(activity, never)) == expected


@pytest.mark.parametrize(
    "edit",
    [
        {"timestamp": "not a date"},
        {"expiration": 5},
        {"entities": ("a", "tuple")},
        {"text_highlights": [TextHighlight(text="a", occurrence="first")]},
        {"attachments": "text"},
    ],
    ids=["timestamp-text", "expiration-int", "tuple-list", "int-text", "str-list"],
)
def test_a_reply_msrest_refuses_is_refused_the_same_way(edit: dict[str, Any]) -> None:
    activity = Activity(type="message", text="hi", **edit)
    expected = outcome(lambda: msrest_body(copy.deepcopy(activity)))
    assert expected[0] == "raised"

    assert outcome(lambda: CONNECTOR.write(activity, lambda: msrest_body(activity))) == expected


def test_models_the_tables_do_not_model_are_written_by_msrest() -> None:
    class Checked(Model):
        _validation = {"id": {"max_length": 2}}  # noqa: RUF012
        _attribute_map = {"id": {"key": "id", "type": "str"}}  # noqa: RUF012

    serializer: Any = Serializer({"Checked": Checked})  # type: ignore[no-untyped-call]
    for model, kind in [
        (TokenExchangeState(connection_name="c", ms_app_id="a"), "TokenExchangeState"),
        (MessagingExtensionResponse(), "MessagingExtensionResponse"),
        (Checked(id="too long"), "Checked"),  # type: ignore[no-untyped-call]
    ]:
        with pytest.raises(AssertionError, match="left to msrest"):
            CONNECTOR.write(model, never)
        expected = outcome(lambda m=model, k=kind: serializer.body(m, k))
        assert (
            outcome(lambda m=model, k=kind: CONNECTOR.write(m, lambda: serializer.body(m, k)))
            == expected
        )


# --- inbound activities -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(INBOUND))
def test_every_activity_reads_as_msrest_reads_it(name: str) -> None:
    doc = INBOUND[name]
    expected = outcome(lambda: Activity.deserialize(copy.deepcopy(doc)))

    read = outcome(lambda: read_activity(copy.deepcopy(doc)))

    assert read[0] == expected[0]
    if read[0] == "raised":
        assert read == expected
    else:
        same(read[1], expected[1])
    if name not in READ_BY_MSREST:
        same(SCHEMA.read(Activity, copy.deepcopy(doc), never), expected[1])


@pytest.mark.parametrize("name", sorted(INBOUND))
def test_botbuilder_gets_the_activity_msrest_made_of_the_fields_it_reads(name: str) -> None:
    doc = INBOUND[name]
    fields = {key: value for key, value in doc.items() if key in BOTBUILDER_READS}
    expected = outcome(lambda: Activity().deserialize(copy.deepcopy(fields)))

    read = outcome(lambda: botbuilder_activity(copy.deepcopy(doc)))

    if read[0] == "raised":
        assert read == expected
    else:
        same(read[1], expected[1])


def test_fuzzed_activities_read_as_msrest_reads_them_or_fail_as_it_fails() -> None:
    """Malformed and extreme activities (tests/support/fuzz.py): the same model or error."""
    compared = 0
    for case in malformed_requests(seed=15, count=600, service_url=URL):
        try:
            doc, again = json.loads(case.body), json.loads(case.body)
        except (ValueError, RecursionError):
            continue
        if not isinstance(doc, dict):
            continue
        expected, read = (
            outcome(lambda d=again: Activity.deserialize(d)),
            outcome(lambda d=doc: read_activity(d)),
        )
        assert read[0] == expected[0], case.what
        if read[0] == "raised":
            assert read == expected, case.what
        else:
            same(read[1], expected[1], case.what)
        compared += 1
    assert compared > 400


@pytest.mark.parametrize(
    "doc",
    [{"id": "1:x"}, {}, {"id": 5}, {"id": "1:x", "extra": [1]}, {"id": None}, None, [], "x"],
    ids=["id", "empty", "int-id", "extra-key", "null-id", "null", "list", "text"],
)
def test_the_connectors_answer_reads_as_msrest_reads_it(doc: Any) -> None:
    kind = CONNECTOR_MODELS["ResourceResponse"]
    msrest: Any = Deserializer(CONNECTOR_MODELS)  # type: ignore[no-untyped-call]
    expected = outcome(lambda: msrest("ResourceResponse", copy.deepcopy(doc)))

    read = outcome(lambda: CONNECTOR.read(kind, doc, lambda: msrest("ResourceResponse", doc)))

    assert read[0] == expected[0]
    same(read[1], expected[1])


def test_plain_json_stops_where_msrests_copy_could_hit_the_recursion_limit() -> None:
    def nested(lists: int) -> Any:
        value: Any = "leaf"
        for _ in range(lists):
            value = [value]
        return value

    assert plain_json(nested(MAX_PLAIN_DEPTH))
    assert not plain_json(nested(MAX_PLAIN_DEPTH + 1))
    looped: list[Any] = []
    looped.append(looped)
    assert not plain_json(looped)
