"""Launch Debian's Chromium through playwright, quiet and offline: only loopback is reachable."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, Playwright, Route

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


async def launch_chromium(playwright: Playwright, executable: Path) -> Browser:
    return await playwright.chromium.launch(
        executable_path=str(executable), headless=True, args=list(CHROMIUM_ARGS)
    )


@dataclass
class NetworkGuard:
    """Aborts every request that is not to loopback and remembers it (fonts, a Join popup)."""

    blocked: list[str] = field(default_factory=list)

    async def handle(self, route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws") and parts.hostname in LOOPBACK_HOSTS:
            await route.continue_()
        else:
            self.blocked.append(url)
            await route.abort("blockedbyclient")


async def guard_network(context: BrowserContext) -> NetworkGuard:
    guard = NetworkGuard()
    await context.route("**/*", guard.handle)
    return guard
