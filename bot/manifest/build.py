"""Fill in the manifest template; write the zip Teams installs: manifest.json and icons at root.

The manifest's `id` (the Teams app id) is the bot's own Entra app id, as Microsoft's samples and
Teams Toolkit do: one registration identifies the app, the bot and its single sign-on resource.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import bot
from bot.config import PublisherSettings
from bot.manifest.package import MANIFEST_NAME, Package
from bot.manifest.validate import validate_package

TEMPLATE_NAME = "manifest.template.json"
# The repository's manifest/ folder: the template and the icons an organisation may rebrand.
DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "manifest"
SIGN_IN_DOMAIN = "token.botframework.com"

_GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_HOST = re.compile(
    r"^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$"
)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same inputs give the same bytes
PACKAGE_MODE = 0o644  # readable by whoever uploads it to Teams, like any file the user writes


class ManifestError(ValueError):
    """The package cannot be built; each line of `problems` says what to fix."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def check_app_id(app_id: str | None) -> str:
    """The bot's Entra application (client) id, lower-cased, or ManifestError."""
    value = (app_id or "").strip()
    if not value:
        raise ManifestError(
            [
                "no app id: pass --app-id or set MicrosoftAppId to the bot's Microsoft Entra "
                "application (client) id"
            ]
        )
    if not _GUID.match(value):
        raise ManifestError(
            [
                f"app id {value!r} is not a GUID; use the bot's Microsoft Entra application "
                "(client) id, like 00000000-0000-0000-0000-000000000000"
            ]
        )
    return value.lower()


def check_domain(domain: str | None) -> str | None:
    """The bot's host name for validDomains (no scheme, port or path), or None when not given."""
    value = (domain or "").strip().lower().rstrip(".")
    if not value:
        return None
    if not _HOST.match(value):
        host = re.sub(r"^[a-z]+://", "", value).split("/")[0].split(":")[0]
        hint = f"; use {host!r}" if host != value and _HOST.match(host) else ""
        raise ManifestError(
            [
                f"domain {value!r} is not a host name like bot.contoso.com "
                f"(no https://, port or path){hint}"
            ]
        )
    return value


def package_version(version: str) -> str:
    """The package's version as the MAJOR.MINOR.PATCH Teams accepts (pre-release tags dropped)."""
    match = re.match(r"\d+(?:\.\d+){0,2}", version)
    if not match:
        raise ManifestError([f"package version {version!r} does not start with a number"])
    parts = [str(int(p)) for p in match.group().split(".")]
    return ".".join(parts + ["0"] * (3 - len(parts)))


def build_manifest(
    template: dict[str, Any],
    app_id: str,
    *,
    domain: str | None = None,
    version: str,
    publisher: PublisherSettings | None = None,
) -> dict[str, Any]:
    """The template with `${{APP_ID}}` and `${{VERSION}}` filled in, the bot's domain added
    and the publisher's pages (BOT_WEBSITE_URL, BOT_PRIVACY_URL, BOT_TERMS_URL) where set."""
    values = {"${{APP_ID}}": app_id, "${{VERSION}}": version}

    def fill(node: Any) -> Any:
        if isinstance(node, str):
            for key, value in values.items():
                node = node.replace(key, value)
            return node
        if isinstance(node, list):
            return [fill(v) for v in node]
        if isinstance(node, dict):
            return {k: fill(v) for k, v in node.items()}
        return node

    manifest: dict[str, Any] = fill(template)
    domains: list[str] = list(manifest.get("validDomains", []))
    for host in (SIGN_IN_DOMAIN, domain):
        if host and host not in domains:
            domains.append(host)
    manifest["validDomains"] = domains
    if publisher is not None and isinstance(manifest.get("developer"), dict):
        pages = {
            "websiteUrl": publisher.website_url,
            "privacyUrl": publisher.privacy_url,
            "termsOfUseUrl": publisher.terms_url,
        }
        manifest["developer"].update({key: url for key, url in pages.items() if url})
    return manifest


def build_package(
    app_id: str,
    out: Path,
    *,
    domain: str | None = None,
    source: Path | None = None,
    publisher: PublisherSettings | None = None,
) -> Path:
    """Write the app package zip to `out` and return it; ManifestError if it would not be valid.

    `source` is a folder with manifest.template.json and the icons (default: the repo's manifest/).
    Nothing is written when the result fails validation.
    """
    app_id = check_app_id(app_id)
    host = check_domain(domain)
    folder = source or DEFAULT_SOURCE
    template_path = folder / TEMPLATE_NAME
    try:
        template = json.loads(template_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(
            [f"no manifest template at {template_path} (pass --source, or run from a checkout)"]
        ) from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ManifestError([f"{template_path} cannot be read: {exc}"]) from None
    manifest = build_manifest(
        template,
        app_id,
        domain=host,
        version=package_version(bot.__version__),
        publisher=publisher,
    )
    package = Package(
        label=str(out),
        manifest=(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        files=_icons(manifest, folder),
    )
    problems = validate_package(package, app_id=app_id)
    if problems:
        raise ManifestError(problems)
    _write_zip(package, out)
    return out


def _icons(manifest: dict[str, Any], folder: Path) -> dict[str, bytes]:
    icons = manifest.get("icons", {})
    files = {}
    for name in (icons.get("color"), icons.get("outline")):
        if isinstance(name, str) and (folder / name).is_file():
            files[name] = (folder / name).read_bytes()
    return files


def _write_zip(package: Package, out: Path) -> None:
    """Write beside `out` and rename, so a failed build never leaves half a zip behind."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".appPackage-", suffix=".zip", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
            for name, data in [(MANIFEST_NAME, package.manifest), *sorted(package.files.items())]:
                info = zipfile.ZipInfo(name, _ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        os.chmod(tmp, PACKAGE_MODE)  # mkstemp makes it the owner's alone; admins share it
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
