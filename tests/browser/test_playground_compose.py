"""The compose box's "Teams meeting" action in the Agents Playground's group chat: the bot's
form in a dialog, a mistake kept in it, then the meeting card in the compose box, sent by the
user as their own message.

The playground reads no manifest, so its "+" menu asks for the action command's id itself; it
then sends the same composeExtension/fetchTask and submitAction invokes Teams does.
"""

from __future__ import annotations

import asyncio

from playwright.async_api import expect

from bot.conversation.compose import COMMAND_ID
from bot.dev.playground import GROUP_CHAT_NAME
from tests.browser.playground_ui import PlaygroundUI
from tests.browser.test_playground_chat import DOCS, join_target, stored_meetings
from tests.browser.test_playground_schedule import SETTLE_SECONDS
from tests.support.servers import Emulator

SUBJECT = "Falcon kickoff"


async def test_the_compose_action_puts_a_meeting_card_in_the_group_chat(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await ui.open_chat(GROUP_CHAT_NAME)
    await expect(ui.all_bot_cards()).to_have_count(1)  # the welcome card
    posts = await ui.sent_by_bot().count()

    form = await ui.open_message_extension(COMMAND_ID)
    await expect(form).to_contain_text("New Teams meeting")
    await form.get_by_label("Subject").fill(SUBJECT)
    await form.get_by_role("radio", name="At the date and time below").check()
    await form.get_by_role("button", name="Create meeting").click()

    # No date: the form stays open, says so and keeps the subject.
    await expect(form).to_contain_text("Pick a date.")
    await expect(form.get_by_label("Subject")).to_have_value(SUBJECT)
    assert await emulator.graph_calls("/onlineMeetings") == []
    await form.get_by_role("radio", name="Now").check()
    await form.get_by_role("button", name="Create meeting").click()

    await expect(form).to_have_count(0)
    await expect(ui.button(ui.page.locator("body"), "Join").last).to_be_visible()
    await ui.page.get_by_role("button", name="Send Message").click()

    sent = ui.messages(SUBJECT)
    await expect(sent).to_have_count(1)
    await expect(sent).to_contain_text("Organizer")
    await expect(ui.button(sent, "Join")).to_be_visible()
    await sent.scroll_into_view_if_needed()
    await ui.chat_pane().screenshot(path=DOCS / "playground-compose-meeting.png")
    # The user sent it: the bot posted nothing, and the one meeting is in Graph.
    await asyncio.sleep(SETTLE_SECONDS)
    await expect(ui.all_bot_cards()).to_have_count(1)
    await expect(ui.sent_by_bot()).to_have_count(posts)
    assert len(await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")) == 1
    join_url = await join_target(ui, SUBJECT, sent)
    [stored] = await stored_meetings(emulator, join_url)
    assert stored["subject"] == SUBJECT
