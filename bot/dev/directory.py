"""`make run`: the playground's people in the embedded Graph emulator's user directory.

The form's people picker submits their object ids, which the bot looks up with
GET /users/{id}; without this the emulator's open directory would answer with a made-up
person (`{id}@emulator.local`), and invitations would go to addresses nobody has.
"""

from __future__ import annotations

import aiohttp

from bot.config import Settings
from bot.dev.playground import CURRENT_USER, USERS
from bot.dev.ports import StartError

#: Where the emulator's control API is reached when it listens on every interface.
_ANY_ADDRESS = ("", "0.0.0.0", "::")


def control_url(settings: Settings) -> str:
    host = "127.0.0.1" if settings.emulator_host in _ANY_ADDRESS else settings.emulator_host
    return f"http://{host}:{settings.emulator_port}/_emulator"


async def seed_directory(settings: Settings) -> None:
    """Put (or refresh) every playground user in the emulator's directory; a refusal stops
    the run with one line (`StartError`)."""
    timeout = aiohttp.ClientTimeout(total=10)
    try:
        async with aiohttp.ClientSession(timeout=timeout, raise_for_status=True) as session:
            for user in (CURRENT_USER, *USERS):
                url = f"{control_url(settings)}/users/{user.aad_object_id}"
                async with session.put(url, json=user.as_directory_user()):
                    pass
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise StartError(
            f"the Graph emulator on port {settings.emulator_port} did not take the playground's "
            f"people into its directory ({exc})"
        ) from None
