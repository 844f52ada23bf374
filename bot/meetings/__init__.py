"""Meetings: the rules (service, the one way in, each concern in its module: creating, linking,
rescheduling, cancelling, reading), the bot's view of a meeting (model), what it keeps (store),
and intent before effect (ledger): every create written down before Graph is called."""
