"""Reading one setting from the environment mapping: a whole number, seconds, a flag, an https
URL, a file; each error names the variable and what it should be."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable and the fix."""


def int_setting(env: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
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


def seconds_setting(env: Mapping[str, str], name: str, default: float) -> float:
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


def flag_setting(env: Mapping[str, str], name: str) -> bool | None:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return None
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r} should be true or false")


def https_url_setting(env: Mapping[str, str], name: str, default: str = "") -> str:
    value = env.get(name, "").strip().rstrip("/") or default
    if value and not value.startswith("https://"):
        raise ConfigError(f"{name}={value!r} must be an https:// URL")
    return value


def service_url_setting(env: Mapping[str, str], name: str, default: str) -> str:
    """An https:// URL, or http:// on this machine only (a local stand-in, never a tenant's)."""
    value = env.get(name, "").strip().rstrip("/") or default
    host = urlsplit(value).hostname or ""
    if value.startswith("https://") or (value.startswith("http://") and host in LOOPBACK):
        return value
    raise ConfigError(f"{name}={value!r} must be an https:// URL (http:// only on 127.0.0.1)")


def file_setting(env: Mapping[str, str], name: str) -> Path | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    path = Path(raw)
    if not path.is_file():
        raise ConfigError(f"{name}={raw!r}: no such file")
    return path
