"""`make run` as a newcomer meets it: the launcher writes the playground's configuration from
its own working directory, and the page shows the README's bot, group chat, team and people,
not the playground's built-in sample ("Test Bot", "Group Chat", "My Team")."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.async_api import expect

from bot.dev.playground import (
    BOT_NAME,
    CHANNEL_NAME,
    CONFIG_NAME,
    CURRENT_USER,
    GROUP_CHAT_NAME,
    LOG_NAME,
    TEAM_NAME,
    USERS,
)
from tests.browser.conftest import PLAYGROUND_TZ, playground_page
from tests.browser.make_run import READY, RunningLauncher, run_make_run


@pytest.fixture(scope="module")
def make_run(
    playground_ready: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningLauncher]:
    with run_make_run(tmp_path_factory.mktemp("make-run"), tz=PLAYGROUND_TZ) as running:
        yield running
    assert running.process.returncode == 0, running.output()


async def test_the_playground_shows_the_readmes_bot_chats_and_people(
    make_run: RunningLauncher,
) -> None:
    async with playground_page(make_run.url) as ui:
        page = ui.page
        await expect(page.get_by_role("treeitem", name=GROUP_CHAT_NAME, exact=True)).to_be_visible()
        await expect(page.get_by_text(CHANNEL_NAME, exact=True)).to_be_visible()
        await expect(page.get_by_text(TEAM_NAME, exact=True).first).to_be_visible()
        await expect(page.get_by_text(CURRENT_USER.name, exact=True).first).to_be_visible()
        # Its log panel names the file it read: the one the launcher wrote, by absolute path.
        config = make_run.cwd.resolve() / "var" / "playground" / CONFIG_NAME
        await expect(page.get_by_text("Configuration file is loaded from").last).to_contain_text(
            str(config)
        )

        await ui.open_chat(GROUP_CHAT_NAME)
        await page.get_by_role("textbox").click()
        await page.keyboard.type("@")

        # The mention picker lists the group chat's members: the bot and the five colleagues
        # (each after an avatar holding the initial).
        members = [BOT_NAME, *(user.name for user in USERS)]
        await expect(page.get_by_role("menuitem")).to_have_text(
            [re.compile(re.escape(name) + "$") for name in members]
        )


def test_start_up_ends_with_the_url_and_how_to_stop_and_logs_where_the_readme_says(
    make_run: RunningLauncher,
) -> None:
    port = make_run.ports["PLAYGROUND_PORT"]
    lines = make_run.output().splitlines()
    # Start-up ends at the READY line; what follows is one line per turn.
    [ready] = [index for index, line in enumerate(lines) if line.endswith(READY)]
    assert lines[ready - 1].endswith(
        f"Open http://127.0.0.1:{port} in a browser, pick Personal Chat and type `meet now`."
    )
    assert all(" turn kind=" in line for line in lines[ready + 1 :]), lines[ready + 1 :]
    folder = make_run.cwd / "var" / "playground"
    assert f"Listening on {port}" in (folder / LOG_NAME).read_text()
    assert not (folder / "var").exists()
    assert not re.search(r"\b(ERROR|Traceback)\b", make_run.output())


async def test_the_emulators_directory_knows_the_playgrounds_people(
    make_run: RunningLauncher,
) -> None:
    """The form's people picker submits their object ids; GET /users/{id} must name them."""
    port = make_run.ports["EMULATOR_PORT"]
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        for user in (CURRENT_USER, *USERS):
            response = await client.get(f"/_emulator/users/{user.aad_object_id}")
            response.raise_for_status()
            found = response.json()
            assert (found["displayName"], found["mail"]) == (user.name, user.email)
            assert found["seeded"] is True
