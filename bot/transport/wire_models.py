"""botbuilder's schema models to and from JSON, as msrest does it, in a fraction of the CPU.

msrest (de)serialises a model one generic call per attribute, re-reading its `_attribute_map`
and dispatching on the type string every time; a reply and an inbound activity each cost a
few hundred microseconds that way. ModelCodec reads each model class's `_attribute_map` once
into a table (attribute, JSON key, kind) and walks the tree with it. What the table does not
model exactly — a class with validation rules, a polymorphic `_subtype_map`, XML, flattened
or empty keys, `additional_properties` in the map, enum, dict or unknown type strings, a
value of an unexpected type — raises `Unsupported`, and the whole value is left to msrest;
so is any error, so msrest raises its own. tests/unit/transport compare the two.

The leaves are msrest's own: its datetime and string helpers, and what it does with keys it
does not know (kept as the model's `additional_properties`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from botbuilder.schema import Activity
from botframework.connector import models as connector_models
from msrest.serialization import Deserializer, Model, Serializer

from bot.transport.wire_json import plain_json

M = TypeVar("M")

STR, INT, FLOAT, BOOL, ISO, OBJECT, MODEL, LIST = range(8)
KINDS = {"str": STR, "int": INT, "float": FLOAT, "bool": BOOL, "iso-8601": ISO, "object": OBJECT}

#: attribute, JSON key, kind, the kind of a list's items (else -1), a model's type name
Field = tuple[str, str, int, int, str]

serialize_iso: Callable[[Any], str] = Serializer.serialize_iso
serialize_unicode: Callable[[Any], Any] = Serializer.serialize_unicode
deserialize_iso: Callable[[str], Any] = Deserializer.deserialize_iso
deserialize_unicode: Callable[[Any], Any] = Deserializer.deserialize_unicode


class Unsupported(Exception):
    """Something the tables do not model exactly: msrest does the whole value instead."""


class Table:
    """One model class's attributes, as msrest reads its `_attribute_map`."""

    __slots__ = ("blank", "by_key", "fields", "known")

    def __init__(self, cls: type, models: Mapping[str, Any]) -> None:
        if not (isinstance(cls, type) and issubclass(cls, Model)):
            raise Unsupported(cls)
        if cls._validation or getattr(cls, "_subtype_map", None) or hasattr(cls, "_xml_map"):
            raise Unsupported(cls)  # readonly/constant rules, polymorphism, XML
        attributes: dict[str, dict[str, Any]] = cls._attribute_map
        if "additional_properties" in attributes:
            raise Unsupported(cls)
        self.fields = tuple(field(name, desc, models) for name, desc in attributes.items())
        self.known = frozenset(key for _, key, _, _, _ in self.fields)
        if len(self.known) != len(self.fields):
            raise Unsupported(cls)  # two attributes on one key: msrest writes the first only
        self.by_key = {f[1]: f for f in self.fields}
        self.blank = dict.fromkeys(name for name, _, _, _, _ in self.fields)


def field(name: str, desc: Mapping[str, Any], models: Mapping[str, Any]) -> Field:
    key, kind_name = desc["key"], desc["type"]
    if not isinstance(key, str) or not key or "." in key or not isinstance(kind_name, str):
        raise Unsupported(name)  # flattened or empty keys, a class object as the type
    listed = kind_name.startswith("[") and kind_name.endswith("]")
    inner = kind_name[1:-1] if listed else kind_name
    kind = KINDS.get(inner)
    if kind is None:
        target = models.get(inner)
        if not (isinstance(target, type) and issubclass(target, Model)):
            raise Unsupported(kind_name)  # enums, dicts, nested lists, unknown names
        kind = MODEL
    return (name, key, LIST, kind, inner) if listed else (name, key, kind, -1, inner)


class ModelCodec:
    """Models of one msrest dependency set (a models module's classes) to and from JSON."""

    def __init__(self, models: Mapping[str, Any]) -> None:
        self.models = dict(models)
        self._tables: dict[type, Table | None] = {}

    def table(self, cls: type) -> Table:
        try:
            found = self._tables[cls]
        except KeyError:
            try:
                found = Table(cls, self.models)
            except Unsupported:
                found = None
            self._tables[cls] = found
        if found is None:
            raise Unsupported(cls)
        return found

    # --- to JSON ------------------------------------------------------------------------------

    def write(self, model: Any, fallback: Callable[[], Any]) -> Any:
        """What msrest's Serializer.body(model, its class name) returns; `fallback` (that
        call) for anything the tables do not model."""
        if not isinstance(model, Model):
            return fallback()
        try:
            return self._write(model)
        except Exception:
            return fallback()

    def _write(self, model: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, key, kind, item, _ in self.table(type(model)).fields:
            value = getattr(model, name)
            if value is None:
                continue
            if kind == LIST:
                if type(value) is not list:
                    raise Unsupported(name)
                out[key] = [None if each is None else self._leaf(each, item) for each in value]
            else:
                out[key] = self._leaf(value, kind)
        return out

    def _leaf(self, value: Any, kind: int) -> Any:
        if kind == STR:
            return value if type(value) is str else serialize_unicode(value)
        if kind == MODEL:
            if not isinstance(value, Model):
                raise Unsupported(value)  # msrest would first build a model from it
            return self._write(value)
        if kind == OBJECT:
            if plain_json(value):
                return value  # the same JSON as msrest's copy of it
            raise Unsupported(value)
        if kind == ISO:
            return serialize_iso(value)
        return (int, float, bool)[kind - INT](value)

    # --- from JSON ----------------------------------------------------------------------------

    def read(self, cls: type[M], doc: Any, fallback: Callable[[], M]) -> M:
        """What msrest's Deserializer(models)(cls name, doc) returns for a JSON document;
        `fallback` (that call) for anything else, or an error."""
        if type(doc) is not dict:
            return fallback()
        try:
            made: M = self._read(cls, doc)
        except Exception:
            return fallback()
        return made

    def _read(self, cls: type, doc: dict[str, Any]) -> Any:
        table = self.table(cls)
        values = table.blank.copy()
        by_key = table.by_key
        seen = 0
        for key, raw in doc.items():
            found = by_key.get(key)
            if found is None:
                continue
            seen += 1
            if raw is None:
                continue
            name, _, kind, item, model = found
            if kind == LIST:
                if type(raw) is not list:
                    raise Unsupported(key)
                values[name] = [None if v is None else self._value(v, item, model) for v in raw]
            else:
                values[name] = self._value(raw, kind, model)
        made = cls(**values)
        if seen != len(doc):  # keys msrest keeps, built as msrest builds them
            missing = set(doc.keys()) - table.known
            made.additional_properties = {key: doc[key] for key in missing}
        return made

    def _value(self, raw: Any, kind: int, model: str) -> Any:
        kind_of = type(raw)
        if kind == STR:
            return raw if kind_of is str else deserialize_unicode(raw)
        if kind == MODEL:
            if kind_of is not dict:
                raise Unsupported(model)
            return self._read(self.models[model], raw)
        if kind == OBJECT:
            if plain_json(raw):
                return raw  # equal to msrest's copy of it
            raise Unsupported(model)
        if kind == ISO and kind_of is str:
            return deserialize_iso(raw)
        if kind == INT and kind_of is int:
            return raw
        if kind == FLOAT and kind_of in (float, int):
            return float(raw)
        if kind == BOOL and kind_of is bool:
            return raw
        raise Unsupported(model)


#: botbuilder's schema models, the dependencies msrest's Activity.deserialize reads with.
SCHEMA = ModelCodec(Activity._infer_class_models())
#: The connector client's models, as ConnectorClient lists them for its (de)serializer.
CONNECTOR_MODELS = {k: v for k, v in connector_models.__dict__.items() if isinstance(v, type)}
CONNECTOR = ModelCodec(CONNECTOR_MODELS)


def read_activity(doc: dict[str, Any]) -> Activity:
    """What msrest's Activity.deserialize(doc) returns, through the tables."""
    activity: Activity = SCHEMA.read(Activity, doc, lambda: Activity.deserialize(doc))
    return activity
