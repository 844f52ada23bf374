"""The publisher's pages Teams links from the app's details: read for `manifest build`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.config.values import https_url_setting


@dataclass(frozen=True, eq=False)  # configuration: never compared by value
class PublisherSettings:
    """The manifest's `developer` pages; empty keeps the template's placeholders, which
    `manifest validate` warns about."""

    website_url: str = ""
    privacy_url: str = ""
    terms_url: str = ""


def load_publisher_settings(env: Mapping[str, str]) -> PublisherSettings:
    """BOT_WEBSITE_URL, BOT_PRIVACY_URL and BOT_TERMS_URL: https pages, or empty."""
    return PublisherSettings(
        website_url=https_url_setting(env, "BOT_WEBSITE_URL"),
        privacy_url=https_url_setting(env, "BOT_PRIVACY_URL"),
        terms_url=https_url_setting(env, "BOT_TERMS_URL"),
    )
