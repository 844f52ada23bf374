"""Text that others wrote (subjects, names, Graph's messages) shown as text, never as markup.

TextBlocks and FactSet values render a subset of Markdown in Teams; a subject such as
"[Verify](https://…)" would become a live link in a card the bot posts. CommonMark renders a
backslash-escaped ASCII punctuation character as the character itself, so escaping the
characters that open emphasis, links, code and HTML anywhere, and list and heading markers at
the start of a line, shows the text exactly as it was written.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]()<>~|])")
_LINE_START = re.compile(r"^(\s*)([-+#]|\d+(?=[.)]))", re.MULTILINE)


def escape(value: str) -> str:
    """`value` exactly as typed once rendered, with no emphasis, link, list or heading."""
    escaped = _INLINE.sub(r"\\\1", value)
    return _LINE_START.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "1." -> "1\." : escape the delimiter after the number
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"
