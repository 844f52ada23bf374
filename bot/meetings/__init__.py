"""Meetings: the rules (service), the bot's view of a meeting (model), what it keeps (store),
and intent before effect (ledger): every create written down before Graph is called."""
