"""Pure Adaptive Card builders: data in, card JSON (a dict) out. Imports nothing from the bot.

Each builder is loaded from its own module on first use, so a process that shows only some
cards (a first `meet now`) does not import the others (polls, lists, forms, slots).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cards.confirm import Reading, confirm_card
    from cards.error import error_card, notice_card, teams_not_allowed_card
    from cards.form import schedule_form
    from cards.help import help_card
    from cards.listing import list_card
    from cards.meeting import meeting_card
    from cards.poll import poll_card
    from cards.slots import slots_card
    from cards.verbs import Verb

__all__ = [
    "Reading",
    "Verb",
    "confirm_card",
    "error_card",
    "help_card",
    "list_card",
    "meeting_card",
    "notice_card",
    "poll_card",
    "schedule_form",
    "slots_card",
    "teams_not_allowed_card",
]

#: Where each export lives.
_MODULES = {
    "Reading": "cards.confirm",
    "confirm_card": "cards.confirm",
    "error_card": "cards.error",
    "notice_card": "cards.error",
    "teams_not_allowed_card": "cards.error",
    "schedule_form": "cards.form",
    "help_card": "cards.help",
    "list_card": "cards.listing",
    "meeting_card": "cards.meeting",
    "poll_card": "cards.poll",
    "slots_card": "cards.slots",
    "Verb": "cards.verbs",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value = getattr(import_module(_MODULES[name]), name)
        globals()[name] = value  # found once; later lookups do not come back here
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
