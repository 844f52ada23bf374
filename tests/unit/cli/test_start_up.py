"""What `meeting-bot serve` pays at start-up for the bot's own classes.

A dataclass without a docstring gets one made at class creation from
`inspect.signature(cls)`, which on Python 3.11 costs about as much as the rest of the
dataclass machinery together (~0.5 ms a class here); with ~70 of them imported by `serve`,
that was ~14 ms of every cold start. Every dataclass in bot/ and cards/ says what it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _is_dataclass(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Attribute):
        return target.attr == "dataclass"
    return isinstance(target, ast.Name) and target.id == "dataclass"


def _undocumented_dataclasses(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ClassDef):
            continue
        if any(_is_dataclass(d) for d in node.decorator_list) and not ast.get_docstring(node):
            found.append(f"{node.name} (line {node.lineno})")
    return found


def test_the_check_finds_a_dataclass_without_a_docstring() -> None:
    source = (
        "from dataclasses import dataclass\n"
        "import dataclasses\n"
        "@dataclass(frozen=True)\nclass A:\n    x: int\n"
        "@dataclasses.dataclass\nclass B:\n    y: int\n"
        '@dataclass\nclass C:\n    """Said."""\n    z: int\n'
        "class D:\n    pass\n"
    )
    assert _undocumented_dataclasses(source) == ["A (line 4)", "B (line 7)"]


def test_every_dataclass_of_the_bot_has_a_docstring() -> None:
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for folder in ("bot", "cards")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in _undocumented_dataclasses(path.read_text(encoding="utf-8"))
    ]
    assert not missing, "give these dataclasses a docstring:\n" + "\n".join(missing)
