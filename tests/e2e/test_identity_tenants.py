"""Only the admin's tenant uses the bot, and each person acts only as themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import ConfigError, load_settings
from graph_emulator.identity import IdentityServer
from tests.support.activities import OTHER_AAD, TENANT, USER_AAD, compose_invoke, message
from tests.support.cardtext import action_data, card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import (
    APP_ID,
    GRAPH_SCOPE,
    OTHER_TENANT,
    SECRET,
    bot_env,
    running_bot,
    settings_from,
    token_calls,
)
from tests.support.servers import BotUnderTest, Emulator

pytest_plugins = ["tests.support.identity_fixtures"]


def from_tenant(activity: dict[str, Any], tenant: str) -> dict[str, Any]:
    activity["channelData"] = {"tenant": {"id": tenant}}
    activity["conversation"]["tenantId"] = tenant
    return activity


def card_action(data: dict[str, Any], service_url: str, **kwargs: Any) -> dict[str, Any]:
    """An Action.Execute press, as Teams sends it (invoke `adaptiveCard/action`)."""
    activity = message("", service_url, **kwargs)
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        replyToId="card-message-1",
        value={"action": {"type": "Action.Execute", "verb": data["action"], "data": data}},
    )
    return activity


async def test_another_tenant_gets_a_polite_refusal_and_nothing_reaches_graph(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    settings = settings_from(bot_env(identity, secure_emulator, tmp_path))

    async with running_bot(settings, identity) as bot:
        said = await bot.send(from_tenant(message("meet now", service_url), OTHER_TENANT))
        pressed = await bot.send(
            from_tenant(
                card_action(
                    {"action": "cancel_confirmed", "kind": "online", "id": "x"}, service_url
                ),
                OTHER_TENANT,
            )
        )

        composed = await bot.send(
            from_tenant(
                compose_invoke("composeExtension/submitAction", service_url, data={"when": "now"}),
                OTHER_TENANT,
            )
        )

    assert said.status_code in (200, 201)
    [card] = capture.cards()
    assert "set up for another organization" in card_text(card)
    assert "set up for another organization" in card_text(pressed.json()["value"])
    dialog = composed.json()["task"]["value"]["card"]["content"]
    assert "set up for another organization" in card_text(dialog)
    assert await secure_emulator.requests() == []
    assert token_calls(identity, GRAPH_SCOPE) == []


async def test_allowed_tenants_admit_each_listed_tenant_with_a_token_from_that_tenant(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    env = bot_env(identity, secure_emulator, tmp_path, ALLOWED_TENANTS=f"{TENANT},{OTHER_TENANT}")

    async with running_bot(settings_from(env), identity) as bot:
        await bot.send(from_tenant(message("meet now", service_url), OTHER_TENANT))

    [card] = capture.cards()
    assert join_urls(card)
    assert [c["tenant"] for c in token_calls(identity, GRAPH_SCOPE)] == [OTHER_TENANT]


async def test_activities_from_other_channels_of_the_azure_bot_are_ignored(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
) -> None:
    """Web Chat is signed by the same Bot Framework keys, but this bot serves Teams only."""
    capture, service_url = connector
    activity = message("meet now", service_url)
    activity["channelId"] = "webchat"
    env = bot_env(identity, secure_emulator, tmp_path, ALLOWED_TENANTS="*")

    async with running_bot(settings_from(env), identity) as bot:
        response = await bot.send(activity)

    assert response.status_code in (200, 201)
    assert capture.calls == []
    assert await secure_emulator.requests() == []


@pytest.mark.parametrize(
    ("env", "allowed"),
    [
        pytest.param({}, None, id="no-credentials-no-check"),
        pytest.param({"MicrosoftAppTenantId": TENANT}, {TENANT}, id="own-tenant-by-default"),
        pytest.param(
            {"MicrosoftAppTenantId": TENANT, "ALLOWED_TENANTS": f" {OTHER_TENANT} ,{TENANT}"},
            {OTHER_TENANT, TENANT},
            id="explicit-list",
        ),
        pytest.param({"ALLOWED_TENANTS": "*"}, None, id="every-tenant-on-purpose"),
    ],
)
def test_which_tenants_are_allowed(env: dict[str, str], allowed: set[str] | None) -> None:
    credentials = {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": SECRET} if env else {}

    settings = load_settings({**credentials, **env})

    assert settings.tenant_allowlist == (frozenset(allowed) if allowed is not None else None)


def test_credentials_without_any_tenant_are_refused_at_start_up() -> None:
    with pytest.raises(ConfigError, match=r"MicrosoftAppTenantId .* or ALLOWED_TENANTS"):
        load_settings({"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": SECRET})


async def test_a_card_action_for_someone_elses_meeting_changes_nothing(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("meet now Alice's sync", service_url, aad_object_id=USER_AAD))
    [created] = capture.cards()
    meeting = action_data(created, "cancel")
    press = {"action": "cancel_confirmed", "kind": meeting["kind"], "id": meeting["id"]}

    by_someone_else = await bot.press(card_action(press, service_url, aad_object_id=OTHER_AAD))
    deletes_after_other = [r for r in await emulator.requests() if r["method"] == "DELETE"]
    by_the_organizer = await bot.press(card_action(press, service_url, aad_object_id=USER_AAD))

    assert "Only the meeting's organizer can change it" in card_text(by_someone_else)
    assert deletes_after_other == []
    assert "cancel" in card_text(by_the_organizer).lower()
    deletes = [r for r in await emulator.requests() if r["method"] == "DELETE"]
    assert [d["path"].split("/")[3] for d in deletes] == [USER_AAD]
