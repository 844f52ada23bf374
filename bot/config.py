"""Settings, read once from a mapping (normally os.environ). The only reader of the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0"


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable and the fix."""


class GraphAuthMode(StrEnum):
    APP = "app"
    DELEGATED = "delegated"


@dataclass(frozen=True)
class Settings:
    """Everything the bot can be configured with. See .env.example for each variable."""

    app_id: str = ""
    app_password: str = ""
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    host: str = "127.0.0.1"
    port: int = 3978
    graph_base_url: str = DEFAULT_GRAPH_BASE_URL
    graph_auth: GraphAuthMode = GraphAuthMode.APP
    graph_timeout: float = 10.0
    graph_max_retries: int = 3
    local: bool = False
    emulator_host: str = "127.0.0.1"
    emulator_port: int = 3979
    emulator_db: Path = Path("var/emulator.sqlite3")
    bot_db: Path = Path("var/bot.sqlite3")
    default_timezone: str = "UTC"
    default_duration: timedelta = timedelta(minutes=30)
    log_level: str = "INFO"

    @property
    def has_app_credentials(self) -> bool:
        return bool(self.app_id and self.app_password)

    @property
    def default_zone(self) -> ZoneInfo:
        return ZoneInfo(self.default_timezone)

    def __repr__(self) -> str:  # keep secrets out of logs and tracebacks
        secret = "***" if self.app_password else ""
        return (
            f"Settings(app_id={self.app_id!r}, app_password={secret!r}, local={self.local}, "
            f"graph_base_url={self.graph_base_url!r}, port={self.port})"
        )


def _int(env: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if not lo <= value <= hi:
        raise ConfigError(f"{name}={value} is out of range ({lo}..{hi})")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}")
    return value


def _bool(env: Mapping[str, str], name: str) -> bool | None:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return None
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r} should be true or false")


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build Settings from environment-style variables, with clear errors for bad values."""
    tz_name = env.get("DEFAULT_TIMEZONE", "").strip() or "UTC"
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"DEFAULT_TIMEZONE={tz_name!r} is not an IANA time zone (e.g. Europe/Berlin)"
        ) from None
    try:
        graph_auth = GraphAuthMode(env.get("GRAPH_AUTH", "app").strip().lower() or "app")
    except ValueError:
        raise ConfigError("GRAPH_AUTH must be 'app' or 'delegated'") from None
    base_url = env.get("GRAPH_BASE_URL", "").strip().rstrip("/") or DEFAULT_GRAPH_BASE_URL
    if not base_url.startswith(("https://", "http://")):
        raise ConfigError(f"GRAPH_BASE_URL={base_url!r} must be an http(s) URL")
    app_id = env.get("MicrosoftAppId", "").strip()
    app_password = env.get("MicrosoftAppPassword", "").strip()
    local = _bool(env, "LOCAL_MODE")
    if local is None:
        # No credentials means nothing real to talk to: run on the embedded emulator.
        local = not (app_id and app_password)
    return Settings(
        app_id=app_id,
        app_password=app_password,
        app_type=env.get("MicrosoftAppType", "").strip() or "MultiTenant",
        app_tenant_id=env.get("MicrosoftAppTenantId", "").strip(),
        host=env.get("BOT_HOST", "").strip() or "127.0.0.1",
        port=_int(env, "PORT", 3978, 1, 65535),
        graph_base_url=base_url,
        graph_auth=graph_auth,
        graph_timeout=_float(env, "GRAPH_TIMEOUT_SECONDS", 10.0),
        graph_max_retries=_int(env, "GRAPH_MAX_RETRIES", 3, 0, 10),
        local=local,
        emulator_host=env.get("EMULATOR_HOST", "").strip() or "127.0.0.1",
        emulator_port=_int(env, "EMULATOR_PORT", 3979, 1, 65535),
        emulator_db=Path(env.get("EMULATOR_DB", "").strip() or "var/emulator.sqlite3"),
        bot_db=Path(env.get("BOT_DB", "").strip() or "var/bot.sqlite3"),
        default_timezone=tz_name,
        default_duration=timedelta(minutes=_int(env, "DEFAULT_MEETING_MINUTES", 30, 5, 1440)),
        log_level=(env.get("LOG_LEVEL", "").strip() or "INFO").upper(),
    )
