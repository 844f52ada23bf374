"""Which traffic may use the bot: Teams only, from the allowed tenants. Checked first, for
every activity, before anything reaches Graph."""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from typing import Any

from bot import activity_info
from cards import error_card
from cards.base import Card

log = logging.getLogger(__name__)

TEAMS_CHANNEL = "msteams"
REFUSAL = "This bot is set up for another organization, so it cannot help you here."
REFUSAL_TODO = (
    "Nothing was created or changed. If your organization wants to use it, "
    "ask your Teams admin to install its own copy."
)


class Refusal(enum.Enum):
    TENANT = "tenant"  # another organization: told so politely
    CHANNEL = "channel"  # not Teams (e.g. Web Chat enabled on the Azure Bot): ignored


class TenantGate:
    """Admits activities from the allowed tenants (None: every tenant, e.g. local mode) and,
    when `teams_only`, only from the Teams channel."""

    def __init__(self, allowed: frozenset[str] | None, *, teams_only: bool = False) -> None:
        self._allowed = allowed
        self._teams_only = teams_only

    def refusal(self, activity: Mapping[str, Any]) -> Refusal | None:
        """Why this activity may not be handled, or None when it may."""
        channel = str(activity.get("channelId") or "")
        if self._teams_only and channel != TEAMS_CHANNEL:
            log.warning("Refused a %s activity from channel %r", activity.get("type"), channel)
            return Refusal.CHANNEL
        if self._allowed is None:
            return None
        tenant = activity_info.tenant_id(activity).lower()
        if tenant in self._allowed:
            return None
        log.warning(
            "Refused a %s activity from tenant %r (not in ALLOWED_TENANTS)",
            activity.get("type"),
            tenant or "(none)",
        )
        return Refusal.TENANT


def refusal_card() -> Card:
    return error_card(REFUSAL, REFUSAL_TODO)
