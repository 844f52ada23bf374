"""The help card in the Agents Playground: every button readable in full, and "New meeting…"
bringing the form as a new message while the help card stays."""

from __future__ import annotations

from playwright.async_api import expect

from cards.help import BUTTONS
from tests.browser.playground_ui import PlaygroundUI


async def test_the_help_cards_buttons_are_not_cut_off(playground_ui: PlaygroundUI) -> None:
    ui = playground_ui
    await ui.open_chat("Personal Chat")
    welcome = ui.bot_cards("Type a command, or press an example").last
    card = welcome.locator(".ac-adaptiveCard").first
    await expect(card).to_be_visible()
    edge = await card.bounding_box()
    assert edge is not None

    for title in (*BUTTONS, "New meeting…"):
        button = ui.button(welcome, title)
        await expect(button).to_be_visible()
        box = await button.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= edge["x"] + edge["width"] + 1, title
        overflowing = await button.evaluate(
            "b => [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1)"
        )
        assert not overflowing, title


async def test_new_meeting_brings_the_form_and_the_help_card_stays(
    playground_ui: PlaygroundUI,
) -> None:
    ui = playground_ui
    await ui.open_chat("Personal Chat")
    welcome = await ui.pin(ui.bot_cards("Type a command, or press an example").last, "help")
    await expect(ui.all_bot_cards()).to_have_count(1)

    await ui.button(welcome, "New meeting…").click()

    await expect(ui.bot_cards("New meeting")).to_have_count(2)  # the help card's button, the form
    await expect(ui.all_bot_cards()).to_have_count(2)
    await expect(welcome).to_contain_text("Type a command, or press an example")
    await expect(ui.button(welcome, "New meeting…")).to_be_visible()
    form = ui.all_bot_cards().last
    await expect(ui.button(form, "Create meeting")).to_be_visible()
