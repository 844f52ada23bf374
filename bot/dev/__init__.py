"""Local development: `make run` (bot, emulator and the Agents Playground together)."""
