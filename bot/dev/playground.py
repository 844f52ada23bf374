"""Run the Microsoft 365 Agents Playground (a Teams-like web client) against the local bot.

The playground (npm `@microsoft/m365agentsplayground`, pinned in package.json) reads its mock
tenant from `.m365agentsplayground.yml`; the bot endpoint and time zone come from its
environment. Shared by `make run` and the browser tests.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = ".m365agentsplayground.yml"
#: Its log, beside the config (it deletes and rewrites the file each start).
LOG_NAME = "playground.log"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "@microsoft/m365agentsplayground"

TENANT_ID = "00000000-0000-0000-0000-0000000000a1"
BOT_ID = "00000000-0000-0000-0000-0000000000b1"
BOT_NAME = "Meeting Bot"
PERSONAL_CHAT_ID = "personal-chat-meeting-bot"
GROUP_CHAT_ID = "19:group-chat-meeting-bot@thread.v2"
GROUP_CHAT_NAME = "Project Falcon"
TEAM_ID = "19:team-meeting-bot@thread.tacv2"
TEAM_NAME = "Contoso"
CHANNEL_ID = "19:channel-announcements@thread.tacv2"
CHANNEL_NAME = "Announcements"


@dataclass(frozen=True)
class PlaygroundUser:
    """A mock tenant member; `aad_object_id` is the id Graph calls use (`/users/{id}`).

    `id` is the playground's user id (`from.id`, mention ids) and is the object id too: the
    playground's people picker submits the picked users' `id`s (its web client, main.*.js:
    the `userList` store is keyed by the config's `users[].id` and the picker's onChange maps
    each picked name to that key), where Teams submits Entra object ids. The same value makes
    the playground's picker send what Teams sends; a Teams user id of someone outside the chat
    can be resolved by no real API (the connector answers 404 MemberNotFoundInConversation).
    """

    id: str
    given_name: str
    surname: str
    aad_object_id: str
    email: str

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.surname}"

    def as_directory_user(self) -> dict[str, str]:
        """The same person in the Graph emulator's directory (its control API's
        PUT /_emulator/users/{id} body), so `GET /users/{id}` names them as the playground does."""
        return {
            "displayName": self.name,
            "givenName": self.given_name,
            "surname": self.surname,
            "mail": self.email,
            "userPrincipalName": self.email,
        }

    def as_config(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            # sic: the playground's schema spells it "Principle".
            "userPrincipleName": self.email,
            "aadObjectId": self.aad_object_id,
            "givenName": self.given_name,
            "surname": self.surname,
            "email": self.email,
        }


def _object_id(n: int) -> str:
    return f"00000000-0000-0000-0000-0000000000{20 + n:02d}"


def _user(n: int, given: str, surname: str) -> PlaygroundUser:
    return PlaygroundUser(
        id=_object_id(n),
        given_name=given,
        surname=surname,
        aad_object_id=_object_id(n),
        email=f"{given.lower()}.{surname.lower()}@contoso.example",
    )


CURRENT_USER = _user(0, "Alex", "Wilber")
#: The schema demands exactly five other users (fewer or more: the playground exits).
USERS = (
    _user(1, "Megan", "Bowen"),
    _user(2, "Adele", "Vance"),
    _user(3, "Isaiah", "Langer"),
    _user(4, "Patti", "Fernandez"),
    _user(5, "Lynne", "Robbins"),
)


def config_document() -> dict[str, object]:
    """The playground's config (schema version 0.1.1, embedded in the npm package)."""
    return {
        "version": "0.1.1",
        "tenantId": TENANT_ID,
        "bot": {"id": BOT_ID, "name": BOT_NAME},
        "currentUser": CURRENT_USER.as_config(),
        "users": [user.as_config() for user in USERS],
        "personalChat": {"id": PERSONAL_CHAT_ID},
        "groupChat": {"id": GROUP_CHAT_ID, "name": GROUP_CHAT_NAME},
        "team": {
            "id": TEAM_ID,
            "name": TEAM_NAME,
            "aadGroupId": "00000000-0000-0000-0000-0000000000c1",
            "channels": [{"id": CHANNEL_ID, "name": CHANNEL_NAME}],
        },
    }


def _yaml(value: object, indent: int = 0) -> list[str]:
    """Block-style YAML for dicts, lists and strings; scalars are JSON strings (valid YAML)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                lines.append(f"{pad}{key}:")
                lines.extend(_yaml(item, indent + 2))
            else:
                lines.append(f"{pad}{key}: {json.dumps(item)}")
    elif isinstance(value, list):
        for item in value:
            nested = _yaml(item, indent + 2)
            lines.append(f"{pad}- {nested[0].lstrip()}")
            lines.extend(nested[1:])
    else:
        lines.append(f"{pad}{json.dumps(value)}")
    return lines


def bot_endpoint(bot_port: int) -> str:
    return f"http://127.0.0.1:{bot_port}/api/messages"


def write_config(dir: Path, *, bot_port: int, tz: str) -> Path:
    """Write `.m365agentsplayground.yml` into `dir` and return its path.

    The file holds only the mock tenant; the bot endpoint and the zone are environment
    variables (see `playground_env`), so the header records the ones it was written for.
    """
    header = [
        "# Microsoft 365 Agents Playground mock tenant, written by bot/dev/playground.py.",
        f"# Use with BOT_ENDPOINT={bot_endpoint(bot_port)} TZ={tz} (see playground_env).",
    ]
    path = dir / CONFIG_NAME
    path.write_text("\n".join([*header, *_yaml(config_document())]) + "\n", encoding="utf-8")
    return path


def playground_cli(root: Path = PROJECT_ROOT) -> Path:
    """The package's CLI script, as `npm ci` installs it from package-lock.json."""
    return root / "node_modules" / PACKAGE / "cli.js"


def playground_command(port: int, *, root: Path = PROJECT_ROOT) -> list[str]:
    """Run the pinned package's CLI with node directly: npx would resolve from the cwd."""
    node = shutil.which("node") or "node"
    return [
        node,
        str(playground_cli(root)),
        "--disable-telemetry",
        "-c",
        "msteams",
        "-p",
        str(port),
    ]


def playground_env(
    config: Path, *, bot_port: int, tz: str, base: Mapping[str, str]
) -> dict[str, str]:
    """`base` (normally os.environ) plus what the playground reads: endpoint, zone, paths.

    The paths are absolute: the playground runs with its folder as working directory, where a
    relative config path would not be found and it would fall back to its own sample tenant.
    """
    config = config.resolve()
    env = dict(base)
    env.update(
        BOT_ENDPOINT=bot_endpoint(bot_port),
        TEAMSAPPTESTER_BROWSER="none",
        TZ=tz,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH=str(config),
        M365_AGENTS_PLAYGROUND_LOGFILE=str(config.parent / LOG_NAME),
    )
    return env
