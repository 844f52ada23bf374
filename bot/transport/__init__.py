"""The Bot Framework: aiohttp routes and body checks, the bot, inbound tokens, the roster.

The only code that imports botbuilder."""
