"""Pure Adaptive Card builders: data in, card JSON (a dict) out. Imports nothing from the bot."""

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
