"""What a user is told after Graph failed: "nothing was created" only when the bot knows it (every
attempt refused, or none reached Graph); otherwise it says it could not confirm, and for a
create that it will check again. Storage faults have their own words."""

from __future__ import annotations

import pytest

from bot.conversation.failures import explain
from bot.graph.errors import GraphError, GraphThrottled, GraphTransportError, GraphUnavailable
from bot.storage import StorageUnavailable

CREATE = ("POST", "users/u/onlineMeetings/createOrGet")
EVENT = ("POST", "users/u/events")
MOVE = ("PATCH", "users/u/events/AAMkAG=")
READ = ("GET", "users/u/calendarView")


def failed(error: GraphError, call: tuple[str, str], maybe_done: bool) -> GraphError:
    error.method, error.path = call
    error.maybe_done = maybe_done
    return error


@pytest.mark.parametrize(
    ("error", "says", "never"),
    [
        (
            failed(GraphThrottled(429, retry_after=19), CREATE, False),
            "Nothing was created. Please try again in about 19 seconds.",
            "could not confirm",
        ),
        (
            failed(GraphTransportError(0, "transport", "ConnectError", sent=False), EVENT, False),
            "Nothing was created. Please try again in a minute.",
            "could not confirm",
        ),
        (
            failed(GraphUnavailable(504), CREATE, True),
            "I could not confirm with Microsoft Graph whether the meeting was created; "
            "I'll check again.",
            "Nothing was created",
        ),
        (
            failed(GraphTransportError(0, "transport", "ReadTimeout"), EVENT, True),
            "If it was, I'll post it here, so there is no need to ask again.",
            "Nothing was created",
        ),
        (
            failed(GraphUnavailable(503, retry_after=30), MOVE, True),
            "could not confirm the change",
            "Nothing was",
        ),
        (
            failed(GraphUnavailable(503, retry_after=30), MOVE, False),
            "Nothing was changed. Please try again in about 30 seconds.",
            "could not confirm",
        ),
        (
            failed(GraphUnavailable(503), READ, False),
            "Microsoft Graph is busy or unreachable right now.",
            "Nothing was",
        ),
        (
            StorageUnavailable("SQLite bot.sqlite3: database or disk is full"),
            "I can't save anything right now, so I did not create or change anything.",
            "Graph",
        ),
    ],
    ids=[
        "throttled-create",
        "never-sent",
        "504-create",
        "timeout-event",
        "503-change-unknown",
        "503-change-refused",
        "read",
        "storage",
    ],
)
def test_the_words_say_only_what_the_bot_knows(error: Exception, says: str, never: str) -> None:
    why = explain(error)
    words = f"{why.user} {why.todo}"
    assert says in words
    assert never not in words


def test_a_storage_fault_is_logged_for_the_admin_with_its_reason() -> None:
    why = explain(StorageUnavailable("SQLite bot.sqlite3: attempt to write a readonly database"))
    assert why.admin_action
    assert "readonly database" in why.admin
