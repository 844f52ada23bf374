"""What an admin gets from `manifest build` and `validate`: the compose box's "Teams meeting"
action, the organisation's own pages instead of example.com, and a zip anyone can upload."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path

import pytest

from bot.config import ConfigError, load_publisher_settings
from bot.conversation.compose import COMMAND_ID
from bot.manifest import add_manifest_commands, build_package, validate_path
from tests.unit.manifest.test_manifest import APP_ID, OTHER_ID, PAGES, read_zip, write_zip


def run_cli(argv: list[str], env: dict[str, str]) -> int:
    parser = argparse.ArgumentParser(prog="meeting-bot")
    add_manifest_commands(parser.add_subparsers(dest="cmd", required=True), env=env)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


def test_the_package_offers_the_teams_meeting_action_in_the_compose_box(tmp_path: Path) -> None:
    manifest, _ = read_zip(build_package(APP_ID, tmp_path / "app.zip"))
    [extension] = manifest["composeExtensions"]
    assert extension["botId"] == APP_ID
    [command] = extension["commands"]
    assert command["id"] == COMMAND_ID
    assert (command["type"], command["title"], command["fetchTask"]) == (
        "action",
        "Teams meeting",
        True,
    )
    assert command["context"] == ["compose", "commandBox"]
    # A message extension is offered wherever the app is: the bot's scopes.
    assert manifest["bots"][0]["scopes"] == ["personal", "team", "groupChat"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"botId": OTHER_ID},
            f"composeExtensions[0].botId: is {OTHER_ID}; it must equal the app id {APP_ID}",
        ),
        (
            {"fetchTask": False},
            "composeExtensions[0].commands[0].fetchTask: must be true; the bot answers "
            "composeExtension/fetchTask with its own form",
        ),
    ],
    ids=["another-bot", "static-parameters"],
)
def test_validate_names_a_compose_extension_the_bot_cannot_answer(
    tmp_path: Path, change: dict[str, object], problem: str
) -> None:
    manifest, files = read_zip(build_package(APP_ID, tmp_path / "app.zip"))
    extension = manifest["composeExtensions"][0]
    if "botId" in change:
        extension.update(change)
    else:
        extension["commands"][0].update(change)
    assert validate_path(write_zip(tmp_path / "broken.zip", manifest, files)) == [problem]


def test_build_uses_the_pages_from_the_settings_and_then_nothing_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "app.zip"
    assert (
        run_cli(["manifest", "build", "--out", str(out)], {"MicrosoftAppId": APP_ID, **PAGES}) == 0
    )
    assert capsys.readouterr().err == ""
    assert run_cli(["manifest", "validate", str(out)], {}) == 0
    assert capsys.readouterr().err == ""


def test_example_com_pages_are_valid_but_warned_about_by_build_and_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "app.zip"
    env = {"MicrosoftAppId": APP_ID, "BOT_PRIVACY_URL": "https://contoso.com/privacy"}

    assert run_cli(["manifest", "build", "--out", str(out)], env) == 0
    built = capsys.readouterr().err.splitlines()
    assert run_cli(["manifest", "validate", str(out)], {}) == 0  # Teams accepts them
    validated = capsys.readouterr().err.splitlines()

    assert built == [
        "meeting-bot manifest build: warning: developer.websiteUrl: is "
        "https://example.com/teams-meeting-bot, a placeholder; set BOT_WEBSITE_URL to your "
        "own page and build the package again",
        "meeting-bot manifest build: warning: developer.termsOfUseUrl: is "
        "https://example.com/teams-meeting-bot/terms, a placeholder; set BOT_TERMS_URL to "
        "your own page and build the package again",
    ]
    assert [line.split(": warning: ")[1] for line in validated] == [
        line.split(": warning: ")[1] for line in built
    ]
    manifest, _ = read_zip(out)
    assert manifest["developer"]["privacyUrl"] == "https://contoso.com/privacy"


def test_a_page_that_is_not_https_is_refused_naming_the_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "app.zip"
    env = {"MicrosoftAppId": APP_ID, "BOT_TERMS_URL": "http://contoso.com/terms"}
    assert run_cli(["manifest", "build", "--out", str(out)], env) == 1
    assert "BOT_TERMS_URL='http://contoso.com/terms' must be an https:// URL" in (
        capsys.readouterr().err
    )
    assert not out.exists()
    with pytest.raises(ConfigError, match="BOT_PRIVACY_URL"):
        load_publisher_settings({"BOT_PRIVACY_URL": "contoso.com/privacy"})


def test_the_package_is_readable_by_everyone_who_uploads_it(tmp_path: Path) -> None:
    out = build_package(APP_ID, tmp_path / "app.zip")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
