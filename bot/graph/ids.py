"""What a Graph id looks like, checked before an id from card data goes into a URL.

Event ids are URL-safe base64 (`AAMkAG…AAA=`: letters, digits, `-`, `_`, `=` padding);
onlineMeeting ids are base64 of `1*{organizer}*0**{thread}`, whose ASCII text never yields
`+` or `/` (the emulator's are URL-safe). So: letters, digits, `-` and `_`, `=` only as
padding at the end, at most 512 characters. `..`, `/`, `%2F` and whitespace never pass.
"""

from __future__ import annotations

import re
from urllib.parse import quote

MAX_ID_LENGTH = 512
_GRAPH_ID = re.compile(r"[A-Za-z0-9_-]+={0,2}")


def is_graph_id(text: object) -> bool:
    return (
        isinstance(text, str)
        and 0 < len(text) <= MAX_ID_LENGTH
        and _GRAPH_ID.fullmatch(text) is not None
    )


class InvalidGraphId(ValueError):
    """An id that cannot be Graph's: refused before any request is made."""


def path_segment(graph_id: str) -> str:
    """An id as one URL path segment; one that cannot be Graph's never becomes a request."""
    if not is_graph_id(graph_id):
        raise InvalidGraphId(f"not a Graph id: {graph_id[:40]!r}")
    return quote(graph_id, safe="")
