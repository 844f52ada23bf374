"""The one place where Graph HTTP answers become exceptions; callers never see a response."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


class GraphError(Exception):
    """Graph answered with an error (or could not be reached)."""

    def __init__(
        self, status: int, code: str = "", message: str = "", request_id: str = ""
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id
        self.path = ""  # the Graph path that failed, set by the client; names the permission
        self.method = ""  # its HTTP method, set by the client
        # A write that may have happened although it failed: an attempt was sent and ended in
        # a timeout, a dropped connection or a 5xx. False when Graph refused every attempt, or
        # none reached it: only then does the bot say nothing was created or changed.
        self.maybe_done = False
        #: The directory's userType ("Member", "Guest") of the user the path acts for, when the
        #: client asked because the answer depends on it (a wordless 403, no mailbox); else "".
        self.user_type = ""
        super().__init__(f"Graph {status} {code}: {message}".strip())


class GraphBadRequest(GraphError):
    """400: the request was malformed or refused by validation."""


class GraphAuthError(GraphError):
    """401: the access token is missing, expired or not for Graph."""


class GraphForbidden(GraphError):
    """403: a permission, consent or Teams application access policy is missing."""

    @property
    def access_policy_missing(self) -> bool:
        """Either wording Teams uses when no application access policy covers the user: code
        General, "No application access policy found for this app.", or code Unauthorized,
        "App {app id} is not authorized to Create meeting on behalf of user {id}" (Microsoft's
        "Configure application access to online meetings" article)."""
        return "application access policy" in self.message.lower() or bool(
            _NOT_AUTHORIZED_FOR_USER.search(self.message)
        )

    @property
    def wordless(self) -> bool:
        """Graph's 403 with an empty message: on onlineMeetings a guest, a user without a Teams
        licence or a missing permission look the same (microsoft-graph-docs #8889, #4832)."""
        return not self.message


_NOT_AUTHORIZED_FOR_USER = re.compile(
    r"\bis not authorized to \w+ meeting on behalf of user\b", re.IGNORECASE
)


class GraphNotFound(GraphError):
    """404: the user, meeting or event does not exist (or is not visible to this app)."""

    @property
    def no_mailbox(self) -> bool:
        """The user has no Exchange Online mailbox (inactive, soft-deleted or on-premises)."""
        return self.code == "MailboxNotEnabledForRESTAPI"

    @property
    def unknown_user(self) -> bool:
        """Outlook's or the directory's word for a user that does not exist."""
        return self.code in ("ErrorInvalidUser", "Request_ResourceNotFound")


class GraphConflict(GraphError):
    """409/412: the resource changed or already exists in a conflicting state."""


class GraphRetryable(GraphError):
    """An error worth retrying later; `retry_after` seconds is Graph's hint, when it gave one."""

    def __init__(
        self,
        status: int,
        code: str = "",
        message: str = "",
        request_id: str = "",
        *,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(status, code, message, request_id)
        self.retry_after = retry_after


class GraphThrottled(GraphRetryable):
    """429: too many requests."""


class GraphUnavailable(GraphRetryable):
    """5xx: Graph or a service behind it is unavailable."""


class GraphTransportError(GraphError):
    """No HTTP answer at all: connection refused, DNS, TLS or a timeout.

    `sent` is False when the request never left (no connection): Graph cannot have acted."""

    def __init__(self, status: int, code: str = "", message: str = "", *, sent: bool = True):
        super().__init__(status, code, message)
        self.sent = sent


def may_have_acted(error: GraphError) -> bool:
    """Sent, and no answer that proves Graph did nothing (a 4xx does; a timeout or 5xx not)."""
    if isinstance(error, GraphTransportError):
        return error.sent
    return error.status >= 500


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def error_from_response(
    status: int, headers: Mapping[str, str], body: bytes, now: datetime | None = None
) -> GraphError:
    """Map a non-2xx Graph answer to the exception tree, keeping Graph's code and message."""
    code, message = "", ""
    try:
        doc = json.loads(body) if body else {}
        err = doc.get("error", {}) if isinstance(doc, dict) else {}
        if isinstance(err, dict):
            code = str(err.get("code") or "")
            message = str(err.get("message") or "")
    except (ValueError, UnicodeDecodeError):
        message = ""
    if not message and not code:  # Graph's own wordless answers keep their empty message
        message = f"HTTP {status} with no Graph error body"
    request_id = headers.get("request-id", "") or headers.get("client-request-id", "")
    retry_after = parse_retry_after(headers.get("retry-after"), now)
    args = (status, code, message, request_id)
    if status == 400:
        return GraphBadRequest(*args)
    if status == 401:
        return GraphAuthError(*args)
    if status == 403:
        return GraphForbidden(*args)
    if status == 404:
        return GraphNotFound(*args)
    if status in (409, 412):
        return GraphConflict(*args)
    if status == 429:
        return GraphThrottled(*args, retry_after=retry_after)
    if status >= 500:
        return GraphUnavailable(*args, retry_after=retry_after)
    return GraphError(*args)
