"""Validate JSON against Microsoft's Graph v1.0 schema (graph_emulator/graph-v1.0.json).

Two adjustments, both from tests/contracts/README.md:
- Graph marks `@odata.type` required everywhere but rarely sends it, so that requirement is
  dropped.
- With `strict=True` unknown (e.g. misspelled) properties fail. Graph models inheritance with
  `allOf`, so `additionalProperties: false` would reject inherited properties; instead every
  reference in a property position is redirected to a strict wrapper
  `{"$ref": <type>, "unevaluatedProperties": false}`, which sees the properties the whole
  `allOf` chain evaluated. Nested objects are therefore strict too. Instance annotations
  (`@odata.context`, `@odata.etag`, `attendees@odata.type`, ...) are always allowed.

`type_name` is a `components.schemas` key ("microsoft.graph.onlineMeeting"), a
`components.requestBodies`/`components.responses` key ("createOrGetRequestBody"), or a JSON
pointer into the document ("#/paths/~1me~1events~1{event-id}~1cancel/post/requestBody/...").
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

GRAPH_SCHEMA_PATH = Path(__file__).parents[2] / "graph_emulator" / "graph-v1.0.json"
_URI = "urn:contracts:graph-v1.0.json"
_SCHEMAS = "#/components/schemas/"
_STRICT = "#/components/x-strict/"
_MISSING = object()
_ANNOTATIONS: dict[str, Any] = {
    "@": {}
}  # any property name containing "@" is an OData instance annotation


def graph_schema_validator(type_name: str, *, strict: bool = True) -> Draft202012Validator:
    """A reusable validator for one Graph type, request body or response."""
    return _validator(type_name, strict)


def graph_errors(instance: Any, type_name: str, *, strict: bool = True) -> list[str]:
    """Every violation as "json.path: message"; empty when the instance is valid.

    Type errors come first and alone. Unknown properties are then found innermost-first,
    removing each from a copy and validating again: while a nested object is invalid, JSON
    Schema also counts its valid siblings as "unevaluated", which would report false culprits.
    """
    loose = [
        f"{leaf.json_path}: {leaf.message}"
        for leaf in map(
            _deepest, graph_schema_validator(type_name, strict=False).iter_errors(instance)
        )
    ]
    if loose or not strict:
        return sorted(loose)
    return _unknown_properties(graph_schema_validator(type_name, strict=True), instance)


def assert_valid_graph(instance: Any, type_name: str, strict: bool = True) -> None:
    """Raise AssertionError listing every violation (path: message), not just the first."""
    errors = graph_errors(instance, type_name, strict=strict)
    if errors:
        lines = [f"{len(errors)} violation(s) of {type_name} (strict={strict}):"]
        lines += [f"  {line}" for line in errors]
        raise AssertionError("\n".join(lines))


def _unknown_properties(validator: Draft202012Validator, instance: Any) -> list[str]:
    pruned = copy.deepcopy(instance)
    found: dict[str, list[str]] = {}
    while True:
        leaves = [_deepest(error) for error in validator.iter_errors(pruned)]
        paths = [tuple(leaf.absolute_path) for leaf in leaves]
        innermost = [
            leaf
            for leaf, path in zip(leaves, paths, strict=True)
            if not any(len(other) > len(path) and other[: len(path)] == path for other in paths)
        ]
        removed = False
        for leaf in innermost:
            if leaf.validator != "unevaluatedProperties" or not isinstance(leaf.instance, dict):
                found.setdefault(leaf.json_path, []).append(leaf.message)
                continue
            for name in re.findall(r"'([^']*)'", leaf.message.partition("(")[2]):
                if leaf.instance.pop(name, _MISSING) is not _MISSING:
                    removed = True
                    found.setdefault(leaf.json_path, []).append(f"unknown property '{name}'")
        if not removed:
            return [f"{path}: {message}" for path in sorted(found) for message in found[path]]


def _deepest(error: ValidationError) -> ValidationError:
    """For anyOf/oneOf failures, the branch error that explains most (never "not null")."""
    while error.context:
        candidates = [
            e for e in error.context if not (e.validator == "type" and e.validator_value == "null")
        ]
        if not candidates:
            break
        error = max(candidates, key=lambda e: len(e.absolute_path))
    return error


@cache
def _validator(type_name: str, strict: bool) -> Draft202012Validator:
    document = _prepared_document(strict)
    pointer = _pointer_for(document, type_name)
    entry: dict[str, Any] = {"$ref": _URI + pointer}
    if strict:
        if pointer.startswith(_SCHEMAS):
            entry = {"$ref": _URI + _STRICT + pointer.removeprefix(_SCHEMAS)}
        else:
            entry.update(unevaluatedProperties=False, patternProperties=_ANNOTATIONS)
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_URI, resource)
    return Draft202012Validator(entry, registry=registry)


@cache
def _prepared_document(strict: bool) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(GRAPH_SCHEMA_PATH.read_text("utf-8"))
    _drop_odata_type_requirement(document)
    if strict:
        _redirect_property_refs(document, in_all_of=False)
        document["components"]["x-strict"] = {
            name: {
                "$ref": _SCHEMAS + name,
                "unevaluatedProperties": False,
                "patternProperties": _ANNOTATIONS,
            }
            for name in document["components"]["schemas"]
        }
    return document


def _pointer_for(document: dict[str, Any], type_name: str) -> str:
    components = document["components"]
    if type_name.startswith("#/"):
        return type_name
    if type_name in components["schemas"]:
        return _SCHEMAS + type_name
    for section in ("requestBodies", "responses"):
        if type_name in components[section]:
            return f"#/components/{section}/{type_name}/content/application~1json/schema"
    known = sorted(components["schemas"]) + sorted(components["requestBodies"])
    raise KeyError(f"{type_name!r} is not in graph-v1.0.json; known: {', '.join(known)}")


def _drop_odata_type_requirement(node: Any) -> None:
    if isinstance(node, dict):
        required = node.get("required")
        if isinstance(required, list) and "@odata.type" in required:
            required.remove("@odata.type")
            if not required:
                del node["required"]
        for value in node.values():
            _drop_odata_type_requirement(value)
    elif isinstance(node, list):
        for item in node:
            _drop_odata_type_requirement(item)


def _redirect_property_refs(node: Any, *, in_all_of: bool) -> None:
    """Point every non-inheritance `$ref` to a type's strict wrapper."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_SCHEMAS) and not in_all_of:
            node["$ref"] = _STRICT + ref.removeprefix(_SCHEMAS)
        for key, value in node.items():
            if key == "allOf" and isinstance(value, list):
                for part in value:
                    _redirect_property_refs(part, in_all_of=True)
            else:
                _redirect_property_refs(value, in_all_of=False)
    elif isinstance(node, list):
        for item in node:
            _redirect_property_refs(item, in_all_of=False)
