"""The shared real servers (emulator, Bot Connector capture, the bot) as fixtures for every test."""

pytest_plugins = ["tests.support.servers", "tests.support.faulty", "tests.support.notices"]
