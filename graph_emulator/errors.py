"""Graph's error body and the exception handlers raise to produce it.

Every failure leaves the emulator as `{"error": {"code", "message", "innerError": {...}}}` with
`request-id`/`client-request-id` headers, so a client's error mapping is exercised exactly as
it would be against graph.microsoft.com.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

#: The `error.code` Graph sends with each status, for statuses that have a well-known one.
GRAPH_ERROR_CODES: Mapping[int, str] = {
    400: "BadRequest",
    401: "InvalidAuthenticationToken",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    409: "Conflict",
    412: "PreconditionFailed",
    413: "RequestEntityTooLarge",
    415: "UnsupportedMediaType",
    429: "TooManyRequests",
    500: "InternalServerError",
    501: "NotImplemented",
    502: "BadGateway",
    503: "ServiceNotAvailable",
    504: "GatewayTimeout",
}

_DEFAULT_MESSAGES: Mapping[int, str] = {
    429: "Too many requests. Please retry again later.",
    500: "An internal server error occurred.",
    503: "The service is temporarily unavailable. Please retry later.",
    504: "The gateway timed out while waiting for the service. Please retry later.",
}


def code_for_status(status: int) -> str:
    """Graph's code for a status; `UnknownError` (Graph's catch-all) for the rest."""
    return GRAPH_ERROR_CODES.get(status, "UnknownError")


def default_message(status: int) -> str:
    """A human sentence for an injected fault that did not bring its own message."""
    return _DEFAULT_MESSAGES.get(status, f"The request failed with status {status}.")


class GraphError(Exception):
    """Raised anywhere in a handler; the app's middleware turns it into Graph's error body."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers: dict[str, str] = dict(headers or {})

    @classmethod
    def bad_request(cls, message: str) -> GraphError:
        return cls(400, "BadRequest", message)

    @classmethod
    def not_found(cls, message: str, code: str = "NotFound") -> GraphError:
        return cls(404, code, message)


def innererror_date(moment: datetime) -> str:
    """Graph writes `innerError.date` in UTC without an offset (a known quirk; see README)."""
    return f"{moment.astimezone(UTC):%Y-%m-%dT%H:%M:%S}"


def error_body(
    code: str, message: str, *, request_id: str, client_request_id: str, now: datetime
) -> dict[str, Any]:
    """The JSON document Graph returns for every 4xx/5xx."""
    return {
        "error": {
            "code": code,
            "message": message,
            "innerError": {
                "date": innererror_date(now),
                "request-id": request_id,
                "client-request-id": client_request_id,
            },
        }
    }
