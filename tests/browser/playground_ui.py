"""Drive the Agents Playground's web UI the way a person does: pick a chat, type, read cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Locator, Page, Response

from bot.dev.playground import BOT_NAME
from tests.browser.chromium import NetworkGuard

#: A message or card from the bot, as the playground renders it (Fluent UI's OutputCard).
BOT_CARD = ".fai-OutputCard"
#: Where the page posts an invoke (Action.Execute) for the playground to relay to the bot.
INVOKE_PATH = "/_conversation/v1/invoke"
#: The note the playground shows under a card whose Action.Execute got a card back.
INVOKE_NOTE = "[aria-label='Display Invoked Message']"
#: The start of the log panel's line for each activity the bot sends ("... message 201").
FROM_BOT_LOG = "User Application -> Microsoft 365 Agents Playground"


@dataclass(frozen=True)
class Invoke:
    """One Action.Execute round trip as the page saw it: what it posted, what came back."""

    request: dict[str, Any]
    status: int
    response: dict[str, Any]


def _is_invoke(response: Response) -> bool:
    return response.request.method == "POST" and urlsplit(response.url).path == INVOKE_PATH


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

    async def close_popups(self) -> None:
        """Close windows the page opened (Join's blocked Teams tab) and bring the chat back to
        the front: while a popup has the focus, Chromium throttles the chat to 1 frame/s,
        which makes every wait and screenshot seconds slower."""
        for other in self.page.context.pages:
            if other is not self.page:
                await other.close()
        await self.page.bring_to_front()

    def row(self, card: Locator, subject: str) -> Locator:
        """One meeting's entry on a list card (its Container), by the subject it shows."""
        return card.locator(".ac-container").filter(has_text=subject).last

    async def open_message_extension(self, command_id: str) -> Locator:
        """The compose box's message extension as the playground offers it (it reads no
        manifest): "+", Action Command, the command's id, a dialog fetched from the app.
        Returns the dialog showing the bot's form."""
        await self.page.get_by_role("button", name="Trigger Message Extension App").click()
        await self.page.get_by_role("menuitem", name="Action Command").click()
        options = self.page.get_by_role("dialog")
        await options.get_by_role("textbox").fill(command_id)
        await options.get_by_role("button", name="Create", exact=True).click()
        return self.page.get_by_role("dialog")

    def all_bot_cards(self) -> Locator:
        return self.page.locator(BOT_CARD)

    def sent_by_bot(self) -> Locator:
        """The playground's log panel: one line per activity the bot posted to it."""
        return self.page.get_by_text(FROM_BOT_LOG, exact=True)

    async def pin(self, card: Locator, name: str) -> Locator:
        """Tag the element `card` resolves to now; the locator returned finds that very
        element later, or nothing if the page replaced it (a new or re-mounted message)."""
        await card.evaluate("(element, name) => element.setAttribute('data-e2e-pin', name)", name)
        return self.page.locator(f"[data-e2e-pin='{name}']")

    async def execute(self, card: Locator, title: str) -> Invoke:
        """Press an Action.Execute button and return the invoke the page sent and its answer."""
        async with self.page.expect_response(_is_invoke) as answer:
            await self.button(card, title).click()
        response = await answer.value
        body: dict[str, Any] = await response.json()
        request = response.request.post_data_json
        assert isinstance(request, dict), response.request.post_data
        return Invoke(request=request, status=response.status, response=body)

    def chat_pane(self) -> Locator:
        """The open chat: its messages and the compose box (for screenshots)."""
        return (
            self.page.locator("div")
            .filter(has=self.page.get_by_role("textbox"))
            .filter(has=self.page.locator(BOT_CARD))
            .last
        )
