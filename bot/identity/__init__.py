"""Identity and trust: who may reach the bot, for which tenant, acting as whom, with which token."""
