"""Drive the Agents Playground's web UI the way a person does: pick a chat, type, read cards."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.async_api import Locator, Page

from bot.playground import BOT_NAME
from tests.browser.chromium import NetworkGuard

#: A message or card from the bot, as the playground renders it (Fluent UI's OutputCard).
BOT_CARD = ".fai-OutputCard"


@dataclass
class PlaygroundUI:
    page: Page
    network: NetworkGuard

    async def open_chat(self, name: str) -> None:
        """Chats are tree items in the left rail: "Personal Chat", the group chat's name."""
        await self.page.get_by_role("treeitem", name=name, exact=True).click()

    async def send(self, text: str, *, mention_bot: bool = False) -> None:
        """Type into the compose box (a Lexical editor) and press Enter.

        A mention is typed as in Teams: "@", a few letters, then the bot's name in the picker.
        """
        box = self.page.get_by_role("textbox")
        await box.click()
        if mention_bot:
            await self.page.keyboard.type("@" + BOT_NAME[:3])
            await self.page.get_by_role("menuitem", name=BOT_NAME).click()
            text = " " + text
        await self.page.keyboard.type(text)
        await self.page.keyboard.press("Enter")

    def messages(self, containing: str) -> Locator:
        """Messages in the open chat (each has a header), not the chat list's previews."""
        return self.page.locator("div:has(> [aria-label='Message header'])").filter(
            has_text=containing
        )

    def bot_cards(self, containing: str) -> Locator:
        return self.page.locator(BOT_CARD).filter(has_text=containing)

    def button(self, card: Locator, title: str) -> Locator:
        """Action.OpenUrl buttons have role link, the others role button."""
        return card.get_by_role("link", name=title, exact=True).or_(
            card.get_by_role("button", name=title, exact=True)
        )
