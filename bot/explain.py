"""Graph failures in words a user (and, in the log, an admin) can act on."""

from __future__ import annotations

from dataclasses import dataclass

from bot.graph.auth import TokenAcquisitionError
from bot.graph.errors import (
    GraphAuthError,
    GraphBadRequest,
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphRetryable,
    GraphTransportError,
)


@dataclass(frozen=True)
class Explanation:
    user: str  # shown in chat
    todo: str  # what the user can do next
    admin: str  # logged for whoever runs the bot


def explain(error: Exception) -> Explanation:
    if isinstance(error, GraphForbidden) and error.access_policy_missing:
        return Explanation(
            "Teams would not let this bot create meetings for you yet.",
            "An administrator must finish set-up (a Teams application access policy). "
            "Please tell your Teams admin.",
            "Graph 403: no Teams application access policy for this app and user "
            "(the PowerShell fix, with the app id, is logged by bot.identity.graph_hints)",
        )
    if isinstance(error, GraphForbidden):
        return Explanation(
            "Microsoft Graph refused the request: the bot lacks a permission.",
            "Please ask your admin to grant the bot's Graph permissions "
            "(OnlineMeetings.ReadWrite.All, Calendars.ReadWrite) and admin consent.",
            f"Graph 403 {error.code}: {error.message}",
        )
    if isinstance(error, GraphAuthError | TokenAcquisitionError):
        return Explanation(
            "The bot could not sign in to Microsoft Graph.",
            "Please tell your admin: the bot's credentials may be wrong or expired.",
            f"Graph authentication failed: {error}",
        )
    if isinstance(error, GraphNotFound):
        return Explanation(
            "Microsoft Graph could not find that meeting or user.",
            "It may have been deleted already. Type **my meetings** to see what is left.",
            f"Graph 404 {error.code}: {error.message}",
        )
    if isinstance(error, GraphBadRequest):
        return Explanation(
            f"Microsoft Graph did not accept the meeting: {error.message}",
            "Check the time and the attendees, then try again.",
            f"Graph 400 {error.code}: {error.message}",
        )
    if isinstance(error, GraphRetryable | GraphTransportError):
        wait = getattr(error, "retry_after", None)
        when = f" in about {int(wait)} seconds" if wait else " in a minute"
        return Explanation(
            "Microsoft Graph is busy or unreachable right now.",
            f"Nothing was created. Please try again{when}.",
            f"Graph unavailable: {error}",
        )
    if isinstance(error, GraphError):
        return Explanation(
            "Microsoft Graph answered with an error.",
            "Please try again; if it keeps happening, tell your admin.",
            f"Graph {error.status} {error.code}: {error.message}",
        )
    return Explanation(
        "Sorry, something went wrong on my side.",
        "Please try again. If it keeps happening, tell your admin.",
        f"Unexpected {type(error).__name__}",
    )
