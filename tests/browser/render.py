"""Render Adaptive Cards with the real JS renderer (tools/render) and report what users see."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from aiohttp import web
from aiohttp.test_utils import TestServer
from playwright.async_api import Page

from tests.browser.prereqs import NODE_MODULES, ROOT

RENDER_DIR = ROOT / "tools" / "render"
Theme = Literal["light", "dark"]
THEMES: tuple[Theme, ...] = ("light", "dark")


@dataclass(frozen=True)
class RenderResult:
    buttons: list[str]  # action titles, as the rendered buttons show them
    texts: str  # the card's visible text, one non-empty line per line
    warnings: list[str]  # parse and validation events, uncaught page errors
    html: str  # the rendered card's DOM


def visible_lines(inner_text: str) -> str:
    lines = (line.strip() for line in inner_text.splitlines())
    return "\n".join(line for line in lines if line)


@asynccontextmanager
async def static_server() -> AsyncIterator[str]:
    """Serve tools/render and node_modules on loopback; yields the page's URL."""
    app = web.Application()
    app.router.add_static("/tools/render/", RENDER_DIR)
    app.router.add_static("/node_modules/", NODE_MODULES)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("/tools/render/index.html"))
    finally:
        await server.close()


class CardRenderer:
    """`await render_card(card, "dark", Path("docs/x.png"))` on one page, reused per render."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._page_errors: list[str] = []
        page.on("pageerror", lambda error: self._page_errors.append(str(error)))

    async def __call__(
        self, card: dict[str, Any], theme: Theme = "light", screenshot: Path | None = None
    ) -> RenderResult:
        self._page_errors.clear()
        raw: dict[str, Any] = await self._page.evaluate(
            "([card, theme]) => window.renderCard(card, { theme })", [card, theme]
        )
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            await self._page.locator("#stage").screenshot(path=screenshot)
        warnings = [str(w) for w in raw["warnings"]]
        warnings += [f"Page error: {e}" for e in self._page_errors]
        return RenderResult(
            buttons=[str(b) for b in raw["buttons"]],
            texts=visible_lines(str(raw["texts"])),
            warnings=warnings,
            html=str(raw["html"]),
        )
