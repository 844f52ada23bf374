"""A Graph failure as its words need it: whose account and which resource its path names,
the user's language, this deployment; and the Explanation it becomes (user, todo, admin)."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass

from bot.graph.errors import GraphError
from bot.identity.permissions import APP_PERMISSIONS, REQUIRED_PERMISSIONS
from cards.i18n import Words

_TARGET = re.compile(r"^/?(?:me|users(?:/(?P<user>[^/?]+))?)(?:/(?P<segment>[^/?]+))?", re.I)


@dataclass(frozen=True)
class Explanation:
    """A Graph failure in words: for the user, what they can do, and for the admin."""

    user: str  # shown in chat, in the user's language
    todo: str  # what the user can do next, in the user's language
    admin: str  # logged for whoever runs the bot, in English
    admin_action: bool = False  # the admin must change something: logged as an error


@dataclass(frozen=True, eq=False)  # configuration: never compared by value
class Deployment:
    """What the admin's words name: this app's id, and whether it acts with users' tokens."""

    app_id: str = ""
    delegated: bool = False


@dataclass(frozen=True)
class Failure:
    """A Graph failure, with what its path says: whose account, which resource; and the
    user's language (`words`)."""

    error: GraphError
    deployment: Deployment
    words: gettext.NullTranslations

    @property
    def _(self) -> Words:
        return self.words.gettext

    @property
    def user(self) -> str | None:
        match = _TARGET.match(self.error.path)
        return match.group("user") if match else None

    @property
    def segment(self) -> str:
        match = _TARGET.match(self.error.path)
        return (match.group("segment") or "users").lower() if match else ""

    @property
    def where(self) -> str:
        return self.error.path or "(before sending)"

    @property
    def said(self) -> str:
        """Graph's own words, for the log."""
        message = self.error.message or "(no message)"
        return f"Graph {self.error.status} {self.error.code or '-'} on {self.where}: {message}"

    def permission(self) -> tuple[str, str]:
        """(application|delegated, the permission the failed path needs)."""
        app, delegated = REQUIRED_PERMISSIONS.get(self.segment, APP_PERMISSIONS[:1] * 2)
        return ("delegated", delegated) if self.deployment.delegated else ("application", app)
