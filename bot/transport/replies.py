"""A turn's replies to the Bot Connector, sent without msrest's per-request machinery.

botframework's ConversationsOperations builds each reply through msrest: the serializer
(bot/transport/wire_models.py does its work from tables), a ClientRequest, the JSON text,
then the pipeline's policies one coroutine each — user agent, token, raw deserialiser, HTTP
log — before the pooled session sends it (bot/transport/connector_http.py), and the
deserializer for the answer. DirectConversations takes the same steps, in the same order,
with the same objects — the pipeline's user agent policy and credentials, its SessionSender
and so its retry rules, msrest's RawDeserializer for the answer, botbuilder's
ErrorResponseException for a non-2xx — for the four operations a turn uses. Anything else
(custom headers, `raw`, operation config, an HTTP log switched on, a pipeline that is not the
pooled one) goes through botframework's own code, unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar
from urllib.parse import quote, urljoin, urlparse

from botframework.connector import models
from botframework.connector.aio.operations_async import ConversationsOperations
from msrest.pipeline.universal import RawDeserializer
from msrest.universal_http import ClientRequest

from bot.transport.connector_http import ConnectorResponse, PooledPipeline, access_token
from bot.transport.wire_models import CONNECTOR, ModelCodec

JSON_HEADERS = {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"}
SENT = (200, 201, 202)  # what botframework's operations accept from the connector
DELETED = (200, 202)
ACTIVITIES = "/v3/conversations/{conversationId}/activities"
ACTIVITY = "/v3/conversations/{conversationId}/activities/{activityId}"
ALL: Any = object()  # no activity id: the conversation's activities
ODD_SEGMENTS = frozenset({"", ".", ".."})  # what urljoin drops or resolves in a path


F = TypeVar("F", bound=Callable[..., Any])


def url_of(operation: Any) -> Callable[[F], F]:
    """botframework's operations read their URL template from their own `metadata`: an
    override that falls back on one keeps the original's."""

    def keep(method: F) -> F:
        vars(method)["metadata"] = operation.metadata
        return method

    return keep


class DirectConversations(ConversationsOperations):  # type: ignore[misc]
    """botframework's conversation operations; sending, replying, updating and deleting an
    activity go out directly (module docstring)."""

    def __init__(self, client: Any, config: Any, serializer: Any, deserializer: Any) -> None:
        super().__init__(client, config, serializer, deserializer)
        same = deserializer.dependencies == CONNECTOR.models
        self._codec = CONNECTOR if same else ModelCodec(deserializer.dependencies)

    @url_of(ConversationsOperations.send_to_conversation)
    async def send_to_conversation(
        self,
        conversation_id: Any,
        activity: Any,
        *,
        custom_headers: dict[str, str] | None = None,
        raw: bool = False,
        **operation_config: Any,
    ) -> Any:
        pipeline = self._pipeline(custom_headers, raw, operation_config)
        if pipeline is None:
            return await super().send_to_conversation(
                conversation_id,
                activity,
                custom_headers=custom_headers,
                raw=raw,
                **operation_config,
            )
        url = self._activities(conversation_id)
        return await self._resource(pipeline, "POST", url, dict(JSON_HEADERS), activity)

    @url_of(ConversationsOperations.reply_to_activity)
    async def reply_to_activity(
        self,
        conversation_id: Any,
        activity_id: Any,
        activity: Any,
        *,
        custom_headers: dict[str, str] | None = None,
        raw: bool = False,
        **operation_config: Any,
    ) -> Any:
        pipeline = self._pipeline(custom_headers, raw, operation_config)
        if pipeline is None:
            return await super().reply_to_activity(
                conversation_id,
                activity_id,
                activity,
                custom_headers=custom_headers,
                raw=raw,
                **operation_config,
            )
        url = self._activities(conversation_id, activity_id)
        headers = {**JSON_HEADERS, "x-ms-conversation-id": conversation_id}
        return await self._resource(pipeline, "POST", url, headers, activity)

    @url_of(ConversationsOperations.update_activity)
    async def update_activity(
        self,
        conversation_id: Any,
        activity_id: Any,
        activity: Any,
        *,
        custom_headers: dict[str, str] | None = None,
        raw: bool = False,
        **operation_config: Any,
    ) -> Any:
        pipeline = self._pipeline(custom_headers, raw, operation_config)
        if pipeline is None:
            return await super().update_activity(
                conversation_id,
                activity_id,
                activity,
                custom_headers=custom_headers,
                raw=raw,
                **operation_config,
            )
        url = self._activities(conversation_id, activity_id)
        return await self._resource(pipeline, "PUT", url, dict(JSON_HEADERS), activity)

    @url_of(ConversationsOperations.delete_activity)
    async def delete_activity(
        self,
        conversation_id: Any,
        activity_id: Any,
        *,
        custom_headers: dict[str, str] | None = None,
        raw: bool = False,
        **operation_config: Any,
    ) -> None:
        pipeline = self._pipeline(custom_headers, raw, operation_config)
        if pipeline is None:
            await super().delete_activity(
                conversation_id,
                activity_id,
                custom_headers=custom_headers,
                raw=raw,
                **operation_config,
            )
            return
        url = self._activities(conversation_id, activity_id)
        headers = {"Accept": "application/json"}  # what msrest's _request adds when absent
        response = await self._exchange(pipeline, "DELETE", url, headers, None)
        if response.status_code not in DELETED:
            raise self._failure("DELETE", url, headers, None, response)

    # --- the steps msrest takes -----------------------------------------------------------------

    def _pipeline(
        self, custom_headers: dict[str, str] | None, raw: bool, config: dict[str, Any]
    ) -> PooledPipeline | None:
        """The pooled pipeline when a request can skip it, else None (module docstring)."""
        pipeline = self._client.config.pipeline
        if custom_headers or raw or config or type(pipeline) is not PooledPipeline:
            return None
        if pipeline.http_logger.enable_http_logger:
            return None
        return pipeline

    def _segment(self, name: str, value: Any) -> str:
        """msrest's Serializer.url for a str path parameter: the whole value percent-encoded."""
        if type(value) is str:
            return quote(value, safe="")
        return str(self._serialize.url(name, value, "str"))

    def _activities(self, conversation_id: Any, activity_id: Any = ALL) -> str:
        """The operation's URL: msrest's Serializer.url for each id, then the client's
        format_url, applied twice as the operation and _request apply it — a concatenation
        where that is what it comes to (`joined_to`)."""
        parts = {"conversationId": self._segment("conversation_id", conversation_id)}
        template = ACTIVITIES
        if activity_id is not ALL:
            parts["activityId"] = self._segment("activity_id", activity_id)
            template = ACTIVITY
        client = self._client
        prefix = joined_to(client.config.base_url)
        if prefix is not None and ODD_SEGMENTS.isdisjoint(parts.values()):
            return prefix + template[1:].format(**parts)
        return str(client.format_url(client.format_url(template, **parts)))

    def _body(self, activity: Any) -> Any:
        """The JSON text msrest's ClientRequest.add_content would send, as bytes."""
        body = self._codec.write(activity, lambda: self._serialize.body(activity, "Activity"))
        if body is None:
            return None
        try:
            return json.dumps(body).encode()
        except TypeError:
            return body  # add_content keeps what it cannot write as JSON

    async def _resource(
        self,
        pipeline: PooledPipeline,
        method: str,
        url: str,
        headers: dict[str, str],
        activity: Any,
    ) -> Any:
        """Send an activity, read the connector's ResourceResponse (its id) as msrest does."""
        body = self._body(activity)
        response = await self._exchange(pipeline, method, url, headers, body)
        if response.status_code not in SENT:
            raise self._failure(method, url, headers, body, response)
        document = response.context[RawDeserializer.CONTEXT_NAME]
        kind = self._deserialize.dependencies["ResourceResponse"]
        return self._codec.read(
            kind, document, lambda: self._deserialize("ResourceResponse", response)
        )

    async def _exchange(
        self, pipeline: PooledPipeline, method: str, url: str, headers: dict[str, str], body: Any
    ) -> ConnectorResponse:
        """The pipeline's steps in its order: user agent, token, send, then the answer's JSON
        read by msrest's RawDeserializer (which raises on a body it cannot read)."""
        headers["User-Agent"] = pipeline.user_agent.user_agent
        token = await access_token(pipeline.bearer.credentials)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = await pipeline.sender.exchange(method, url, headers, body)
        document = RawDeserializer.deserialize_from_http_generics(response.text(), response.headers)
        response.context = {RawDeserializer.CONTEXT_NAME: document}
        return response

    def _failure(
        self, method: str, url: str, headers: dict[str, str], body: Any, response: Any
    ) -> Exception:
        """botbuilder's exception for a refused request, over the same response object (with
        the request it answers, as msrest's had)."""
        response.request = ClientRequest(method, url, headers=headers, data=body)
        failure: Exception = models.ErrorResponseException(self._deserialize, response)
        return failure


@lru_cache(maxsize=256)
def joined_to(base_url: str) -> str | None:
    """The service URL's prefix when msrest's format_url (urljoin) puts a path of ordinary
    segments — percent-encoded ids, none empty, "." or ".." — right after it, else None:
    no braces for str.format, http(s) with a host, and nothing urljoin would rewrite (dot or
    empty segments, a query), as a probe shows."""
    if "{" in base_url or "}" in base_url:
        return None
    base = base_url.rstrip("/")
    parsed = urlparse(base)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None
    probe = "v3/conversations/c/activities/a"
    return base + "/" if urljoin(base + "/", probe) == f"{base}/{probe}" else None


def direct_replies(client: Any) -> None:
    """Give a botbuilder ConnectorClient the direct conversation operations."""
    client.conversations = DirectConversations(
        client._client, client.config, client._serialize, client._deserialize
    )
