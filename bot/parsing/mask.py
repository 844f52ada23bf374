"""A folded copy of the text in which every phrase read is hidden behind a sentinel."""

from __future__ import annotations

PEOPLE, TIME, OTHER = "\x01", "\x02", "\x03"


class Mask:
    def __init__(self, folded: str) -> None:
        self.original = folded
        self.text = folded

    def hide(self, start: int, end: int, sentinel: str) -> None:
        self.text = self.text[:start] + sentinel * (end - start) + self.text[end:]

    def restore(self, start: int, end: int) -> None:
        """Give a phrase back to the subject ("the 5pm cutoff")."""
        self.text = self.text[:start] + self.original[start:end] + self.text[end:]
