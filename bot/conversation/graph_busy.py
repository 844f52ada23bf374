"""Graph busy, throttled, unreachable or too slow, in words: whether anything was created or
changed (when it is known), and when to try again."""

from __future__ import annotations

import math

from bot.conversation.graph_failure import Explanation, Failure
from bot.graph.errors import GraphError, GraphRetryable, GraphThrottled
from cards.i18n import Words

CREATES = ("/onlineMeetings/createOrGet", "/events")  # POSTs that create something


def busy(error: GraphError, failure: Failure) -> Explanation:
    """Busy, throttled, unreachable or too slow, after the client's retries. "Nothing was
    created" only when it is known: every attempt was refused (429) or never reached Graph."""
    _ = failure._
    wait = error.retry_after if isinstance(error, GraphRetryable) else None
    when = _in_about(wait, failure)
    creating = error.method == "POST" and error.path.endswith(CREATES)
    if error.maybe_done and creating:
        return Explanation(
            _(
                "I could not confirm with Microsoft Graph whether the meeting was created; "
                "I'll check again."
            ),
            _("If it was, I'll post it here, so there is no need to ask again."),
            f"{failure.said} (outcome unknown: the intent stays pending and is reconciled)",
        )
    if error.maybe_done:
        return Explanation(
            _("Microsoft Graph did not answer in time, so I could not confirm the change."),
            # TRANSLATORS: {when} is "in a minute", "in about 30 seconds" or the like
            _("Please try again {when}; doing it twice is safe.").format(when=when),
            f"{failure.said} (outcome unknown)",
        )
    todo = _try_again(error, creating, when, _)
    if isinstance(error, GraphThrottled):
        mailbox = failure.segment in ("calendar", "calendars", "calendarview", "events")
        if mailbox:
            what = _("Microsoft 365 is limiting how fast the bot may work with your mailbox.")
        else:
            what = _("Microsoft 365 is limiting how fast the bot may work with your organization.")
        retry = wait if wait is not None else "none"
        return Explanation(what, todo, f"{failure.said} (Retry-After: {retry})")
    return Explanation(
        _("Microsoft Graph is busy or unreachable right now."),
        todo,
        f"Graph unavailable on {error.method} {error.path}: {error}",
    )


def _try_again(error: GraphError, creating: bool, when: str, _: Words) -> str:
    """Try again {when}, saying first that nothing was created or changed when it is known."""
    # TRANSLATORS: {when} is "in a minute", "in about 30 seconds" or the like
    if error.method in ("", "GET"):
        return _("Please try again {when}.").format(when=when)
    if creating:
        return _("Nothing was created. Please try again {when}.").format(when=when)
    return _("Nothing was changed. Please try again {when}.").format(when=when)


def _in_about(seconds: float | None, failure: Failure) -> str:
    """When to try again, in words that follow "Please try again"."""
    words = failure.words
    if not seconds:
        return failure._("in a minute")
    if seconds < 90:
        n = max(1, math.ceil(seconds))
        return words.ngettext("in about {n} second", "in about {n} seconds", n).format(n=n)
    n = math.ceil(seconds / 60)
    return words.ngettext("in about {n} minute", "in about {n} minutes", n).format(n=n)
