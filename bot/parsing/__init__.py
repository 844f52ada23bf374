"""Text -> Command, pure: grammar, scanning, time resolution; the words live in bot.language."""

from bot.parsing.command import Command, CommandKind, MeetingOptions, Mention, Recurrence
from bot.parsing.parse import MAX_CHARS, parse_command

__all__ = [
    "MAX_CHARS",
    "Command",
    "CommandKind",
    "MeetingOptions",
    "Mention",
    "Recurrence",
    "parse_command",
]
