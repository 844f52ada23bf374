"""`$filter` on GET /users, as far as Graph supports it without advanced queries.

The user resource page ("List users", "user resource type": Supports $filter ...) allows `eq`
and `in` on displayName, givenName, surname, mail, userPrincipalName, jobTitle, userType and
id, and `startswith` on the name and address properties, combined with `and`/`or`. String
comparisons are case-insensitive, as in Entra ID. Anything else (endswith, ne, not, other
properties) needs `ConsistencyLevel: eventual` and `$count=true` on real Graph; here it gets
Graph's 400 Request_UnsupportedQuery, with the wording from Entra ID's documentation
("Unsupported or invalid query filter clause specified for property '...' of resource ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph_emulator.errors import GraphError

JSONObject = dict[str, Any]
Predicate = Callable[[JSONObject], bool]

_EQ_PROPERTIES = {
    name.lower(): name
    for name in (
        "displayName",
        "givenName",
        "surname",
        "mail",
        "userPrincipalName",
        "jobTitle",
        "userType",
        "id",
    )
}
_STARTSWITH_PROPERTIES = {
    name.lower(): name
    for name in ("displayName", "givenName", "surname", "mail", "userPrincipalName", "jobTitle")
}
_LITERAL = r"'((?:[^']|'')*)'"
_EQ = re.compile(rf"(\w+)\s+eq\s+(?:{_LITERAL}|(null))", re.I)
_IN = re.compile(rf"(\w+)\s+in\s+\(\s*({_LITERAL}(?:\s*,\s*{_LITERAL})*)\s*\)", re.I)
_STARTSWITH = re.compile(rf"startswith\(\s*(\w+)\s*,\s*{_LITERAL}\s*\)", re.I)
#: Valid OData that Graph only runs as an advanced query: named, then refused.
_OTHER_CLAUSE = re.compile(
    r"(?:(?:endswith|contains)\(\s*(\w+)|(\w+)\s+(?:ne|gt|ge|lt|le)\s)", re.I
)
_JOIN = re.compile(r"\s+(and|or)\s+", re.I)


def parse_user_filter(expression: str) -> Predicate:
    """A predicate over user property documents: an `or` of `and`-ed clauses."""
    alternatives: list[list[Predicate]] = [[]]
    position = len(expression) - len(expression.lstrip())
    while True:
        clause, position = _clause(expression, position)
        alternatives[-1].append(clause)
        if not expression[position:].strip():
            break
        joint = _JOIN.match(expression, position)
        if joint is None:
            raise _syntax_error(expression, position)
        if joint.group(1).lower() == "or":
            alternatives.append([])
        position = joint.end()
    return lambda user: any(all(test(user) for test in group) for group in alternatives)


def _clause(expression: str, position: int) -> tuple[Predicate, int]:
    """One comparison starting at `position`, and where the text after it begins."""
    match = _STARTSWITH.match(expression, position)
    if match is not None:
        name = _property(match.group(1), _STARTSWITH_PROPERTIES)
        prefix = _unquote(match.group(2)).lower()
        return lambda user: str(user.get(name) or "").lower().startswith(prefix), match.end()
    match = _IN.match(expression, position)
    if match is not None:
        name = _property(match.group(1), _EQ_PROPERTIES)
        wanted = {_unquote(v).lower() for v in re.findall(_LITERAL, match.group(2))}
        return lambda user: str(user.get(name) or "").lower() in wanted, match.end()
    match = _EQ.match(expression, position)
    if match is not None:
        name = _property(match.group(1), _EQ_PROPERTIES)
        if match.group(3) is not None:
            return lambda user: user.get(name) is None, match.end()
        value = _unquote(match.group(2)).lower()
        return lambda user: str(user.get(name) or "").lower() == value, match.end()
    other = _OTHER_CLAUSE.match(expression, position)
    if other is not None:
        raise _unsupported(other.group(1) or other.group(2))
    raise _syntax_error(expression, position)


def _property(name: str, allowed: dict[str, str]) -> str:
    if name.lower() not in allowed:
        raise _unsupported(name)
    return allowed[name.lower()]


def _unquote(literal: str) -> str:
    """OData string literals double a quote to escape it."""
    return literal.replace("''", "'")


def _unsupported(name: str) -> GraphError:
    return GraphError(
        400,
        "Request_UnsupportedQuery",
        f"Unsupported or invalid query filter clause specified for property '{name}' "
        "of resource 'User'.",
    )


def _syntax_error(expression: str, position: int) -> GraphError:
    return GraphError.bad_request(
        f"Invalid filter clause: syntax error at position {position} in '{expression}'."
    )
