"""Meetings: the rules (service), the bot's view of a meeting (model), what it keeps (store)."""
