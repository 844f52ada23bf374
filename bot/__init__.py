"""Teams Meeting Bot: creates Teams meetings and Outlook events from chat commands."""

__version__ = "0.1.0"
