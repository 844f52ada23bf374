"""A Bot Connector response is its own `internal_response` (msrest's errors read `.response`
from it) without referring to itself: every reply's response is freed as soon as it is
dropped, not left for the cycle collector."""

from __future__ import annotations

import gc
import weakref

from multidict import CIMultiDict, CIMultiDictProxy

from bot.transport.connector_http import ConnectorResponse


def _response() -> ConnectorResponse:
    headers = CIMultiDictProxy(CIMultiDict({"Content-Type": "application/json"}))
    return ConnectorResponse(None, 201, "Created", headers, b'{"id":"1"}')


def test_it_is_its_own_internal_response() -> None:
    response = _response()
    assert response.internal_response is response
    assert response.internal_response.status_code == 201


def test_a_dropped_response_is_freed_at_once() -> None:
    gc.disable()
    try:
        dropped = weakref.ref(_response())
        assert dropped() is None
    finally:
        gc.enable()
