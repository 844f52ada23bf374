"""The playground runs inside its own folder, so every path it is given must be absolute."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dev.playground import (
    BOT_NAME,
    CHANNEL_NAME,
    CONFIG_NAME,
    CURRENT_USER,
    GROUP_CHAT_NAME,
    LOG_NAME,
    PROJECT_ROOT,
    TEAM_NAME,
    USERS,
    playground_env,
)


def test_a_relative_config_path_reaches_the_playground_as_an_absolute_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Relative, it would be looked up from inside var/playground/ and not be found: the
    playground would fall back to its built-in sample tenant ("Test Bot", "Group Chat")."""
    monkeypatch.chdir(tmp_path)

    env = playground_env(
        Path("var/playground") / CONFIG_NAME, bot_port=3978, tz="UTC", base={"HOME": "/home/x"}
    )

    folder = tmp_path / "var" / "playground"
    assert env["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] == str(folder / CONFIG_NAME)
    assert env["M365_AGENTS_PLAYGROUND_LOGFILE"] == str(folder / LOG_NAME)
    assert env["BOT_ENDPOINT"] == "http://127.0.0.1:3978/api/messages"
    assert env["HOME"] == "/home/x"


def test_the_readme_names_the_bot_chats_and_people_the_playground_is_configured_with() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    names = [BOT_NAME, GROUP_CHAT_NAME, TEAM_NAME, CHANNEL_NAME, CURRENT_USER.name]
    names += [user.name for user in USERS]

    assert [name for name in names if name not in readme] == []
