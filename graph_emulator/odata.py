"""Read request bodies the way Graph's OData layer does, driven by Microsoft's own schema.

The schema is graph-v1.0.json (Microsoft's CSDL as OpenAPI 3.1; see tests/contracts/SOURCES.md),
so unknown properties, wrong types and enum spellings are judged by Microsoft's definitions
rather than by a hand-written list that could drift.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from graph_emulator.errors import GraphError

JSONObject = dict[str, Any]

_SCHEMA_PREFIX = "#/components/schemas/"
_EDM_NAMES = {
    "boolean": "Edm.Boolean",
    "string": "Edm.String",
    "number": "Edm.Double",
    "int32": "Edm.Int32",
    "int64": "Edm.Int64",
    "date-time": "Edm.DateTimeOffset",
    "duration": "Edm.Duration",
    "base64url": "Edm.Binary",
}
_HAS_TIME = re.compile(r"^\d{4}-?\d{2}-?\d{2}[T ]\d{2}")


def format_graph_datetime(moment: datetime) -> str:
    """Graph's own spelling of an instant: UTC, seven fractional digits, `Z`."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond:06d}0Z"


def parse_graph_datetime(text: str) -> datetime:
    """Any ISO-8601 date-time with an offset; a naive one is taken as UTC (as Graph does)."""
    if not _HAS_TIME.match(text):
        raise ValueError(f"not an ISO-8601 date-time: {text!r}")
    moment = datetime.fromisoformat(text)
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


class GraphModel:
    """Validates and normalises JSON bodies against components of Microsoft's Graph schema."""

    def __init__(self, document: JSONObject) -> None:
        self._document = document
        self._schemas: dict[str, JSONObject] = document["components"]["schemas"]

    @staticmethod
    @cache
    def load() -> GraphModel:
        """The packaged graph-v1.0.json, parsed once per process."""
        text = resources.files(__package__).joinpath("graph-v1.0.json").read_text("utf-8")
        return GraphModel(json.loads(text))

    def read_entity(self, body: JSONObject, type_name: str) -> JSONObject:
        """Normalise a POST body for an entity type such as `microsoft.graph.onlineMeeting`."""
        result: JSONObject = self._read_object(body, self._schemas[type_name], type_name, None)
        return result

    def enum_members(self, type_name: str) -> list[str]:
        """The members of an enum type, in the schema's order."""
        return list(self._schemas[type_name].get("enum", []))

    def read_action(self, body: JSONObject, request_body: str, action: str) -> JSONObject:
        """Normalise the parameters of an action such as `createOrGet`."""
        content = self._document["components"]["requestBodies"][request_body]["content"]
        schema = content["application/json"]["schema"]
        result: JSONObject = self._read_object(body, schema, None, action)
        return result

    # -- the walker --------------------------------------------------------------------------

    def _read(self, value: Any, schema: JSONObject, owner: str | None, name: str) -> Any:
        if "$ref" in schema:
            type_name = schema["$ref"].removeprefix(_SCHEMA_PREFIX)
            return self._read(value, self._schemas[type_name], type_name, name)
        if "anyOf" in schema or "oneOf" in schema:
            return self._read_alternatives(value, schema, owner, name)
        if "enum" in schema:
            return self._read_enum(value, schema, owner, name)
        if "allOf" in schema or "properties" in schema:
            if not isinstance(value, dict):
                raise GraphError.bad_request(
                    f"The property '{name}' expects an object of type '{owner}'."
                )
            return self._read_object(value, schema, owner, None)
        return self._read_primitive(value, schema, name)

    def _read_alternatives(
        self, value: Any, schema: JSONObject, owner: str | None, name: str
    ) -> Any:
        options: list[JSONObject] = schema.get("anyOf") or schema.get("oneOf") or []
        if value is None and any(_allows_null(option) for option in options):
            return None
        first_error: GraphError | None = None
        for option in options:
            if option.get("type") == "null":
                continue
            try:
                return self._read(value, option, owner, name)
            except GraphError as error:
                first_error = first_error or error
        raise first_error or GraphError.bad_request(f"The property '{name}' has no valid value.")

    def _read_object(
        self, body: JSONObject, schema: JSONObject, owner: str | None, action: str | None
    ) -> JSONObject:
        properties = self._properties(schema)
        result: JSONObject = {}
        for key, value in body.items():
            if "@" in key:  # instance annotations such as @odata.type: accepted, not stored
                continue
            if key not in properties:
                raise GraphError.bad_request(_unknown_property(key, owner, action))
            prop = properties[key]
            if prop.get("x-ms-navigationProperty"):
                continue  # deep insert is not emulated; Graph ignores these on this API too
            result[key] = self._read(value, prop, owner, key)
        return result

    def _properties(self, schema: JSONObject) -> dict[str, JSONObject]:
        """All properties of a type, its base types' included (allOf is inheritance here)."""
        if "$ref" in schema:
            return self._properties(self._schemas[schema["$ref"].removeprefix(_SCHEMA_PREFIX)])
        found: dict[str, JSONObject] = {}
        for part in schema.get("allOf", []):
            found.update(self._properties(part))
        found.update(schema.get("properties", {}))
        return found

    @staticmethod
    def _read_enum(value: Any, schema: JSONObject, owner: str | None, name: str) -> str:
        members: list[str] = schema["enum"]
        if isinstance(value, str):
            for member in members:
                if member.lower() == value.lower():
                    return member
        type_name = owner or schema.get("title", "enum")
        raise GraphError.bad_request(
            f"Cannot convert the literal '{value}' to the expected type '{type_name}'"
            f" for property '{name}'. Valid values: {', '.join(members)}."
        )

    def _read_primitive(self, value: Any, schema: JSONObject, name: str) -> Any:
        kinds = schema.get("type", [])
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if value is None:
            if "null" in kinds:
                return None
            raise GraphError.bad_request(f"The property '{name}' cannot be null.")
        if "array" in kinds:
            if not isinstance(value, list):
                raise GraphError.bad_request(f"The property '{name}' expects a JSON array.")
            item_schema: JSONObject = schema.get("items", {})
            return [self._read(item, item_schema, None, name) for item in value]
        fmt = schema.get("format")
        edm = _EDM_NAMES.get(fmt or "", _EDM_NAMES.get(next(iter(kinds), ""), "Edm.Untyped"))
        if "boolean" in kinds and isinstance(value, bool):
            return value
        if "number" in kinds and isinstance(value, int | float) and not isinstance(value, bool):
            if fmt in ("int32", "int64") and not float(value).is_integer():
                raise _conversion_error(value, edm, name)
            return value
        if "string" in kinds and isinstance(value, str):
            if fmt == "date-time":
                try:
                    return format_graph_datetime(parse_graph_datetime(value))
                except (ValueError, OverflowError):  # e.g. year 1 with a positive offset
                    raise _conversion_error(value, edm, name) from None
            pattern = schema.get("pattern")
            if pattern and not re.search(pattern, value):
                raise _conversion_error(value, edm, name)
            return value
        if "object" in kinds and isinstance(value, dict):
            return value
        raise _conversion_error(value, edm, name)


def _allows_null(schema: JSONObject) -> bool:
    kinds = schema.get("type")
    return kinds == "null" or (isinstance(kinds, list) and "null" in kinds)


def _conversion_error(value: Any, edm: str, name: str) -> GraphError:
    literal = json.dumps(value) if not isinstance(value, str) else value
    return GraphError.bad_request(
        f"Cannot convert the literal '{literal}' to the expected type '{edm}'"
        f" for property '{name}'."
    )


def _unknown_property(key: str, owner: str | None, action: str | None) -> str:
    if action is not None:
        return (
            f"The parameter '{key}' in the request payload is not a valid parameter "
            f"for the operation '{action}'."
        )
    return (
        f"The property '{key}' does not exist on type '{owner}'. Make sure to only use "
        "property names that are defined by the type or mark the type as open type."
    )
