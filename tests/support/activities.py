"""Teams-shaped activities, modelled on those captured from the Agents Playground."""

from __future__ import annotations

import uuid
from typing import Any

TENANT = "11111111-2222-3333-4444-555555555555"
USER_AAD = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
OTHER_AAD = "99999999-8888-7777-6666-555555555555"
BOT_ID = "28:bot-app-id"
BOT_NAME = "Meeting Bot"


def message(
    text: str,
    service_url: str,
    *,
    conversation_type: str = "personal",
    conversation_id: str = "personal-conv-1",
    timezone: str | None = "Europe/Berlin",
    locale: str = "en-US",
    aad_object_id: str | None = USER_AAD,
    activity_id: str | None = None,
    mention_bot: bool = False,
    mentions: tuple[tuple[str, str], ...] = (),
    value: dict[str, Any] | None = None,
    sender_id: str = "29:user-jane",
) -> dict[str, Any]:
    sender: dict[str, Any] = {"id": sender_id, "name": "Jane Doe"}
    if aad_object_id:
        sender["aadObjectId"] = aad_object_id
    client_info: dict[str, Any] = {
        "type": "clientInfo",
        "locale": locale,
        "country": "US",
        "platform": "Web",
    }
    entities: list[dict[str, Any]] = []
    if mention_bot:
        markup = f"<at>{BOT_NAME}</at>"
        text = f"{markup} {text}"
        entities.append(
            {"type": "mention", "text": markup, "mentioned": {"id": BOT_ID, "name": BOT_NAME}}
        )
    for mention_id, name in mentions:  # people @mentioned in the text as <at>name</at>
        entities.append(
            {
                "type": "mention",
                "text": f"<at>{name}</at>",
                "mentioned": {"id": mention_id, "name": name},
            }
        )
    if timezone:
        client_info["timezone"] = timezone
    entities.append(client_info)
    activity: dict[str, Any] = {
        "type": "message",
        "id": activity_id or str(uuid.uuid4()),
        "text": text,
        "textFormat": "plain",
        "timestamp": "2026-11-25T10:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": sender,
        "conversation": {
            "conversationType": conversation_type,
            "tenantId": TENANT,
            "id": conversation_id,
        },
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "locale": locale,
        "entities": entities,
        "channelData": {"tenant": {"id": TENANT}},
    }
    if timezone:
        activity["localTimezone"] = timezone
    if value is not None:
        activity["value"] = value
    return activity


def invoke(
    data: dict[str, Any],
    service_url: str,
    *,
    reply_to_id: str = "card-message-1",
    **kwargs: Any,
) -> dict[str, Any]:
    """An adaptiveCard/action invoke, as Teams sends it for an Action.Execute button."""
    activity = message("", service_url, **kwargs)
    activity.pop("text")
    activity.pop("textFormat")
    verb = str(data.get("action", ""))
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        replyToId=reply_to_id,
        value={"action": {"type": "Action.Execute", "verb": verb, "data": data}},
    )
    return activity


GROUP_CHAT = "19:group-chat-falcon@thread.v2"


def compose_invoke(
    name: str,
    service_url: str,
    *,
    data: dict[str, Any] | None = None,
    command_id: str = "teamsMeeting",
    **kwargs: Any,
) -> dict[str, Any]:
    """A message extension's invoke from a group chat's compose box, as Teams sends it:
    `composeExtension/fetchTask` (no data) or `composeExtension/submitAction` (the form's)."""
    kwargs = {"conversation_type": "groupChat", "conversation_id": GROUP_CHAT, **kwargs}
    activity = message("", service_url, **kwargs)
    activity.pop("text")
    activity.pop("textFormat")
    value: dict[str, Any] = {
        "commandId": command_id,
        "commandContext": "compose",
        "context": {"theme": "default"},
    }
    if data is not None:
        value["data"] = data
    activity.update(type="invoke", name=name, value=value)
    activity["channelData"]["source"] = {"name": "compose"}
    return activity
