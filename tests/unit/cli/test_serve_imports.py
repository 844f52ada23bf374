"""What `meeting-bot serve` imports before its first turn, with the default settings.

A feature a first `meet now` does not use is imported when a turn first needs it (finding a
time, polls, lists, card buttons, the compose box, sign-in), and the other subcommands' and
tracing's libraries only when they run: each module here would cost every cold start its
import. The features themselves are covered, through their first use, by their own tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

#: Imported by `serve` only when the feature is first used, or the command or setting is given.
NOT_AT_START_UP = (
    # tracing (OTEL_EXPORTER_OTLP_ENDPOINT unset)
    "opentelemetry",
    "opentelemetry.trace",
    # other subcommands
    "bot.doctor.run",
    "bot.doctor.checks",
    "bot.manifest.build",
    "bot.manifest.package",
    "bot.manifest.validate",
    "jsonschema",
    "graph_emulator",
    # compiling gettext catalogs in memory (the built bot reads .mo files), and difflib with it
    "babel.messages",
    "difflib",
    # features a turn loads on first use
    "bot.conversation.planning",
    "bot.conversation.polls",
    "bot.meetings.planning",
    "bot.meetings.slots",
    "bot.meetings.free_busy",
    "bot.conversation.listing",
    "bot.conversation.command_verbs",
    "bot.conversation.meeting_verbs",
    "bot.conversation.compose",
    "bot.conversation.forms",
    "bot.conversation.sign_in",
    "bot.conversation.pending",
    "bot.identity.sso",
    "bot.identity.token_cache",
    "cards.poll",
    "cards.slots",
    "cards.listing",
    "cards.sign_in",
    # the roster, read when a turn names people
    "botbuilder.core.teams",
    # botbuilder's aiohttp integration and its Direct Line streaming, which the bot never runs
    "botbuilder.integration.aiohttp",
    "botbuilder.core.streaming",
    "botframework.streaming",
)

#: Builds the bot as `serve` does (default settings: local mode, SQLite, no tracing, no SSO)
#: without listening, and prints the modules then loaded.
SERVE_START_UP = """
import json, sys
from bot.cli import build_parser
from bot.config import load_settings
from bot.runtime import build_runtime

build_parser()
build_runtime(load_settings({"BOT_DB": sys.argv[1], "EMULATOR_DB": sys.argv[2]}))
print(json.dumps(sorted(sys.modules)))
"""


@pytest.fixture(scope="module")
def start_up_modules(tmp_path_factory: pytest.TempPathFactory) -> frozenset[str]:
    folder = tmp_path_factory.mktemp("serve")
    done = subprocess.run(
        [sys.executable, "-c", SERVE_START_UP, str(folder / "bot.db"), str(folder / "em.db")],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return frozenset(json.loads(done.stdout))


def test_serve_starts_with_what_a_first_meet_now_uses(start_up_modules: frozenset[str]) -> None:
    # the check would pass on a wrong list: these are what meet now needs
    for needed in ("bot.parsing", "bot.meetings.service", "cards.meeting", "prometheus_client"):
        assert needed in start_up_modules
    loaded = sorted(name for name in NOT_AT_START_UP if name in start_up_modules)
    assert not loaded, f"serve imports at start-up what it may never use: {loaded}"


def test_each_card_builder_is_exported_from_its_own_module() -> None:
    import cards

    for name in cards.__all__:
        exported = getattr(cards, name)
        assert exported.__module__.startswith("cards."), name
        assert getattr(sys.modules[exported.__module__], name) is exported
