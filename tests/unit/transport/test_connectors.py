"""Replies through kept connector clients on one pooled aiohttp session: the same client and
the same TCP connection across turns, a token on every request, and msrest's retries kept —
a connection never made is retried for any method, a POST that may have arrived never twice."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    Entity,
    ErrorResponseException,
)
from botframework.connector import models as connector_models
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import ClaimsIdentity, MicrosoftAppCredentials, UserTokenClient
from msrest.exceptions import ClientRequestError
from msrest.serialization import Serializer

from bot.config import Settings
from bot.transport.app import close_adapter, create_adapter
from bot.transport.connector_http import backoff, new_session, pooled_pipeline, retry_after
from bot.transport.connectors import DeferredUserTokenClient, PooledConnectors
from bot.transport.wire_json import PassthroughSerializer, card_message
from cards import Verb, error_card, help_card
from tests.support.activities import message


@dataclass
class Connector:
    """A Bot Connector stand-in answering from a script, recording who called from where."""

    answers: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    calls: list[tuple[str, str, tuple[str, int]]] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.Response:
        await request.read()
        peer = request.transport.get_extra_info("peername") if request.transport else None
        self.calls.append((request.method, request.path, tuple(peer or ("", 0))))
        self.tokens.append(request.headers.get("Authorization", ""))
        status, headers = self.answers.pop(0) if self.answers else (200, {})
        body = {"id": f"reply-{len(self.calls)}"} if status < 300 else {"error": {"code": "X"}}
        return web.json_response(body, status=status, headers=headers)


@pytest.fixture
async def standin() -> AsyncIterator[tuple[Connector, str]]:
    connector = Connector()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", connector.handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield connector, str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    made = new_session()
    yield made
    await made.close()


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(url: str, session: aiohttp.ClientSession, sleeps: Sleeps) -> ConnectorClient:
    made = ConnectorClient(MicrosoftAppCredentials.empty(), base_url=url)
    made.config.pipeline = pooled_pipeline(made.config, lambda: session, sleeps)
    return made


def reply() -> Activity:
    return Activity(type=ActivityTypes.message, text="hello")


async def _turns(adapter: Any, url: str, count: int, state_key: str) -> list[Any]:
    """`count` turns through the adapter, each replying "hi": what each had under `state_key`."""
    seen: list[Any] = []

    async def logic(context: Any) -> None:
        seen.append(context.turn_state[state_key])
        await context.send_activity("hi")

    for n in range(count):
        activity = Activity().deserialize(message("meet now", url, activity_id=f"a{n}"))
        await adapter.process_activity("", activity, logic)
    return seen


async def test_turns_to_one_service_url_share_a_client_and_a_connection(
    settings: Settings, standin: tuple[Connector, str]
) -> None:
    connector, url = standin
    adapter = create_adapter(settings)
    try:
        seen = await _turns(adapter, url, 3, adapter.BOT_CONNECTOR_CLIENT_KEY)
    finally:
        await close_adapter(adapter)

    assert len(connector.calls) == 3
    assert seen[0] is seen[1] is seen[2]
    assert len({peer for _, _, peer in connector.calls}) == 1  # one kept-alive connection
    assert connector.tokens == ["", "", ""]  # no app id: no token, as before


async def test_each_service_url_gets_its_own_client(
    settings: Settings, standin: tuple[Connector, str]
) -> None:
    _, url = standin
    pool = create_adapter(settings).bot_framework_authentication
    assert isinstance(pool, PooledConnectors)
    factory = pool.create_connector_factory(ClaimsIdentity({}, True))
    try:
        first = await factory.create(url, None)
        again = await factory.create(url, None)
        other = await factory.create(url + "/emea", None)
    finally:
        await pool.aclose()

    assert first is again
    assert other is not first


async def test_a_token_is_put_on_every_request_from_the_credentials(
    standin: tuple[Connector, str], session: aiohttp.ClientSession
) -> None:
    connector, url = standin

    class Credentials(MicrosoftAppCredentials):  # type: ignore[misc]
        asked = 0

        async def fresh_access_token(self) -> str:
            self.asked += 1
            return f"token-{self.asked}"

    made = ConnectorClient(Credentials("app-id", "secret"), base_url=url)
    made.config.pipeline = pooled_pipeline(made.config, lambda: session)

    await made.conversations.send_to_conversation("c1", reply())
    await made.conversations.send_to_conversation("c1", reply())

    assert connector.tokens == ["Bearer token-1", "Bearer token-2"]


async def test_a_post_answered_503_is_not_sent_again(
    standin: tuple[Connector, str], session: aiohttp.ClientSession
) -> None:
    connector, url = standin
    connector.answers = [(503, {})]
    sleeps = Sleeps()

    with pytest.raises(ErrorResponseException) as failure:
        await client(url, session, sleeps).conversations.send_to_conversation("c1", reply())

    assert failure.value.response.status_code == 503
    assert len(connector.calls) == 1
    assert sleeps == []


async def test_an_update_answered_503_is_retried_with_backoff_then_succeeds(
    standin: tuple[Connector, str], session: aiohttp.ClientSession
) -> None:
    connector, url = standin
    connector.answers = [(503, {}), (502, {}), (500, {})]
    sleeps = Sleeps()
    activity = reply()
    activity.id = "a1"

    await client(url, session, sleeps).conversations.update_activity("c1", "a1", activity)

    assert [method for method, _, _ in connector.calls] == ["PUT"] * 4
    assert sleeps == [0.0, 1.6, 3.2]


async def test_retry_after_is_honoured_and_retries_end_after_three(
    standin: tuple[Connector, str], session: aiohttp.ClientSession
) -> None:
    connector, url = standin
    connector.answers = [(503, {"Retry-After": "7"})] * 4
    sleeps = Sleeps()

    with pytest.raises(ClientRequestError):
        await client(url, session, sleeps).conversations.get_conversation_member("c1", "m1")

    assert len(connector.calls) == 4
    assert sleeps == [7.0, 7.0, 7.0]


async def test_a_connection_never_made_is_retried_even_for_a_post(
    session: aiohttp.ClientSession,
) -> None:
    sleeps = Sleeps()
    closed = "http://127.0.0.1:9"  # discard port: nothing listens

    with pytest.raises(ClientRequestError):
        await client(closed, session, sleeps).conversations.send_to_conversation("c1", reply())

    assert sleeps == [0.0, 1.6, 3.2]


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("7", 7.0), ("", 0.0), ("soon", 0.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
    ids=["seconds", "absent", "unreadable", "date-past"],
)
def test_retry_after_values(value: str, seconds: float) -> None:
    assert retry_after({"Retry-After": value}) == seconds


def test_backoff_is_urllib3s() -> None:
    assert [backoff(n) for n in (1, 2, 3, 10)] == [0.0, 1.6, 3.2, 120.0]


class Shouting(str):
    def __str__(self) -> str:
        return self.upper()


MODELS = {k: v for k, v in connector_models.__dict__.items() if isinstance(v, type)}


def reply_to(incoming: dict[str, Any], content: Any) -> Activity:
    """A card reply as TurnContext.send_activity sends it: the conversation reference applied."""
    reference = TurnContext.get_conversation_reference(Activity().deserialize(incoming))
    reply = MessageFactory.attachment(
        Attachment(content_type="application/vnd.microsoft.card.adaptive", content=content)
    )
    return TurnContext.apply_conversation_reference(reply, reference)


def same_json(activity: Activity) -> None:
    fast: Any = PassthroughSerializer(MODELS)  # type: ignore[no-untyped-call]
    msrest: Any = Serializer(MODELS)  # type: ignore[no-untyped-call]

    sent, expected = fast.body(activity, "Activity"), msrest.body(activity, "Activity")

    assert json.dumps(sent) == json.dumps(expected)


@pytest.mark.parametrize(
    "content",
    [
        help_card(locale="en-US"),
        error_card("Sorry.", "Try again.", locale="en-US"),
        {"odd": ("a", "tuple"), "nested": [{"n": 1.5, "ok": True, "none": None}]},
        {1: "a key that is not a string"},
        {"verb": Verb.RUN, "shouting": Shouting("hi")},
    ],
    ids=["help-card", "error-card", "not-plain-json", "int-key", "str-subclasses"],
)
def test_a_reply_goes_out_exactly_as_msrest_would_serialise_it(content: Any) -> None:
    """The same JSON text: json.dumps writes a str subclass's content, msrest its str()."""
    same_json(reply_to(message("meet now", "https://smba.example/emea/"), content))


def test_a_reply_with_a_dict_where_a_model_belongs_is_left_to_msrest() -> None:
    activity = reply_to(
        message("meet now", "https://smba.example/emea/"), help_card(locale="en-US")
    )
    activity.conversation = {"id": "a:1", "tenantId": "t"}
    activity.timestamp = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    activity.entities = [Entity(type="clientInfo")]

    same_json(activity)


def test_a_sent_card_is_messagefactorys_message_copied_shallowly() -> None:
    card = help_card(locale="en-US")
    attachment = Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card)
    sent, plain = card_message(attachment), MessageFactory.attachment(attachment)
    msrest: Any = Serializer(MODELS)  # type: ignore[no-untyped-call]
    assert json.dumps(msrest.body(sent, "Activity")) == json.dumps(msrest.body(plain, "Activity"))

    copied = deepcopy(sent)  # what TurnContext.send_activities does before applying the reference
    incoming = Activity().deserialize(message("help", "https://smba.example/emea/"))
    TurnContext.apply_conversation_reference(
        copied, TurnContext.get_conversation_reference(incoming)
    )

    assert sent.conversation is None  # the original is untouched
    assert copied.conversation.id == incoming.conversation.id
    assert copied.attachments[0].content is card  # and the card was not copied


async def test_the_user_token_client_is_built_when_a_call_first_needs_it(
    settings: Settings, standin: tuple[Connector, str]
) -> None:
    """CloudAdapter hands every turn a user-token client; a turn that never asks the token
    service for anything does not pay for building botbuilder's (msrest's configuration)."""
    _, url = standin
    adapter = create_adapter(settings)
    try:
        seen = await _turns(adapter, url, 2, adapter.USER_TOKEN_CLIENT_KEY)
        deferred = seen[0]
        assert isinstance(deferred, DeferredUserTokenClient)
        assert seen[1] is deferred
        assert deferred._made is None  # two turns, nothing asked of the token service

        made = await deferred.client()
        assert isinstance(made, UserTokenClient)
        assert not isinstance(made, DeferredUserTokenClient)
        assert await deferred.client() is made  # built once, kept
        assert made._client.config.pipeline is not None  # on the pooled session
    finally:
        await close_adapter(adapter)


class _TokenCalls(UserTokenClient):  # type: ignore[misc]
    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def _record(self, name: str, *args: Any) -> str:
        self.calls.append((name, args))
        return name

    async def get_user_token(self, *args: Any) -> Any:
        return self._record("get_user_token", *args)

    async def get_sign_in_resource(self, *args: Any) -> Any:
        return self._record("get_sign_in_resource", *args)

    async def sign_out_user(self, *args: Any) -> Any:
        return self._record("sign_out_user", *args)

    async def get_token_status(self, *args: Any) -> Any:
        return self._record("get_token_status", *args)

    async def get_aad_tokens(self, *args: Any) -> Any:
        return self._record("get_aad_tokens", *args)

    async def exchange_token(self, *args: Any) -> Any:
        return self._record("exchange_token", *args)


async def test_every_call_of_the_deferred_client_reaches_the_built_one_as_made() -> None:
    built = _TokenCalls()
    builds: list[int] = []

    async def make() -> UserTokenClient:
        builds.append(1)
        return built

    deferred = DeferredUserTokenClient(make)
    request = Activity(type=ActivityTypes.message)
    answers = [
        await deferred.get_user_token("29:u", "graph", "msteams", "123456"),
        await deferred.get_sign_in_resource("graph", request, "https://back"),
        await deferred.sign_out_user("29:u", "graph", "msteams"),
        await deferred.get_token_status("29:u", "msteams", "graph"),
        await deferred.get_aad_tokens("29:u", "graph", ["https://graph"], "msteams"),
        await deferred.exchange_token("29:u", "graph", "msteams", {"token": "t"}),
    ]

    assert builds == [1]
    assert answers == [name for name, _ in built.calls]
    assert built.calls == [
        ("get_user_token", ("29:u", "graph", "msteams", "123456")),
        ("get_sign_in_resource", ("graph", request, "https://back")),
        ("sign_out_user", ("29:u", "graph", "msteams")),
        ("get_token_status", ("29:u", "msteams", "graph")),
        ("get_aad_tokens", ("29:u", "graph", ["https://graph"], "msteams")),
        ("exchange_token", ("29:u", "graph", "msteams", {"token": "t"})),
    ]
