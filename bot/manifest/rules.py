"""Rules for this bot's manifest that Microsoft's schema cannot express."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.manifest.icons import color_icon_problems, outline_icon_problems
from bot.manifest.package import SCHEMA_URL, SCHEMA_VERSION, Package
from bot.parsing import CommandKind, parse_command

# The limits Microsoft's manifest reference gives for bot commands (the schema allows more).
MAX_TITLE = 32
MAX_DESCRIPTION = 128


def command_kind(title: str) -> CommandKind:
    """How the bot reads a command-menu title typed on its own."""
    return parse_command(title, datetime.now(UTC), ZoneInfo("UTC")).kind


def version_problems(manifest: dict[str, Any]) -> list[str]:
    version = manifest.get("manifestVersion")
    problems = []
    if version != SCHEMA_VERSION:
        problems.append(
            f"manifestVersion: is {version!r}; this package is checked against schema "
            f"v{SCHEMA_VERSION}, so it must be {SCHEMA_VERSION!r}"
        )
    declared = manifest.get("$schema")
    if declared is not None and declared != SCHEMA_URL:
        problems.append(f"$schema: is {declared!r}; expected {SCHEMA_URL}")
    return problems


def id_problems(manifest: dict[str, Any], app_id: str | None = None) -> list[str]:
    """The app id, the bot id and the single sign-on app id are one Entra app registration."""
    the_id = manifest.get("id")
    if not isinstance(the_id, str):
        return []  # the schema reports a missing or non-string id
    problems = []
    if app_id is not None and the_id.lower() != app_id.lower():
        problems.append(f"id: is {the_id}; expected the bot's app id {app_id}")
    bots = manifest.get("bots")
    if not isinstance(bots, list) or not bots:
        problems.append("bots: the manifest declares no bot; add one whose botId is the app id")
    for i, bot in enumerate(bots if isinstance(bots, list) else []):
        bot_id = bot.get("botId") if isinstance(bot, dict) else None
        if isinstance(bot_id, str) and bot_id.lower() != the_id.lower():
            problems.append(f"bots[{i}].botId: is {bot_id}; it must equal the app id {the_id}")
    sso = manifest.get("webApplicationInfo")
    if not isinstance(sso, dict):
        problems.append(
            "webApplicationInfo: missing; single sign-on needs "
            f'{{"id": "{the_id}", "resource": "api://botid-{the_id}"}}'
        )
        return problems
    sso_id = sso.get("id")
    if isinstance(sso_id, str) and sso_id.lower() != the_id.lower():
        problems.append(f"webApplicationInfo.id: is {sso_id}; it must equal the app id {the_id}")
    want = f"api://botid-{the_id}"
    resource = sso.get("resource")
    if not isinstance(resource, str) or resource.lower() != want.lower():
        problems.append(
            f"webApplicationInfo.resource: is {resource!r}; the bot's single sign-on "
            f"resource must be {want!r} (the Application ID URI of its Entra app)"
        )
    return problems


def command_problems(manifest: dict[str, Any]) -> list[str]:
    """Every command the menu offers must be one the bot's parser understands."""
    problems: list[str] = []
    scopes_by_title: dict[str, list[str]] = {}
    for b, bot in enumerate(_dicts(manifest.get("bots"))):
        for c, command_list in enumerate(_dicts(bot.get("commandLists"))):
            scopes = command_list.get("scopes")
            label = "/".join(map(str, scopes)) if isinstance(scopes, list) else f"list {c}"
            for n, command in enumerate(_dicts(command_list.get("commands"))):
                where = f"bots[{b}].commandLists[{c}].commands[{n}]"
                problems += _length_problems(where, command)
                title = command.get("title")
                if isinstance(title, str):
                    scopes_by_title.setdefault(title, []).append(label)
    for title, labels in scopes_by_title.items():
        problems += _understood(title, ", ".join(labels))
    return problems


def _length_problems(where: str, command: dict[str, Any]) -> list[str]:
    title, description = command.get("title"), command.get("description")
    problems = []
    if isinstance(title, str) and len(title) > MAX_TITLE:
        problems.append(
            f"{where}.title: {title!r} is {len(title)} characters; Teams allows at most {MAX_TITLE}"
        )
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        problems.append(
            f"{where}.description: is {len(description)} characters; "
            f"Teams shows at most {MAX_DESCRIPTION}"
        )
    return problems


def _understood(title: str, scopes: str) -> list[str]:
    where = f"command {title!r} (command list for {scopes})"
    try:
        kind = command_kind(title)
    except Exception as exc:  # a parser bug must show up as a problem, not a traceback
        return [f"{where}: the bot's parser failed on it: {exc!r}"]
    if kind == CommandKind.UNKNOWN:
        return [f"{where}: the bot does not understand it; list only commands its parser knows"]
    return []


def icon_problems(manifest: dict[str, Any], package: Package) -> list[str]:
    icons = manifest.get("icons")
    if not isinstance(icons, dict):
        return []  # the schema reports it
    problems = []
    checks = {"color": color_icon_problems, "outline": outline_icon_problems}
    for role, check in checks.items():
        name = icons.get(role)
        if not isinstance(name, str):
            continue
        data = package.file(name)
        if data is None:
            problems.append(f"icons.{role}: {name!r} is not in the package")
        else:
            problems += check(name, data)
    return problems


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
