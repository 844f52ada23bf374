"""Pure Adaptive Card builders: data in, card JSON (a dict) out."""

from cards.error import error_card
from cards.help import help_card
from cards.meeting import meeting_card

__all__ = ["error_card", "help_card", "meeting_card"]
