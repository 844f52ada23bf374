"""`meeting-bot manifest build` and `meeting-bot manifest validate`. The builder and the
validator (jsonschema, Pillow) are imported when one of them runs, not for `serve`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from bot.config import ConfigError, load_publisher_settings
from bot.manifest.version import SCHEMA_VERSION

DEFAULT_OUT = Path("appPackage.zip")


def add_manifest_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    env: Mapping[str, str] | None = None,
) -> None:
    """Register `manifest build` and `manifest validate`; each sets `func(args) -> exit code`.

    `env` (default: os.environ, read when a command runs) supplies MicrosoftAppId and BOT_DOMAIN
    when --app-id and --domain are not given, and the publisher's pages (BOT_WEBSITE_URL,
    BOT_PRIVACY_URL, BOT_TERMS_URL).
    """
    manifest = subparsers.add_parser("manifest", help="build or check the Teams app package")
    sub = manifest.add_subparsers(dest="manifest_cmd", required=True)

    b = sub.add_parser("build", help="write the Teams app package zip for this bot")
    b.add_argument("--app-id", help="the bot's Entra app id, a GUID (env MicrosoftAppId)")
    b.add_argument("--domain", help="the bot's host name for validDomains (env BOT_DOMAIN)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT}")
    b.add_argument("--source", type=Path, help="folder with manifest.template.json and icons")
    b.set_defaults(func=lambda args: _build_cmd(args, os.environ if env is None else env))

    v = sub.add_parser(
        "validate", help=f"check a manifest.json, folder or zip (schema v{SCHEMA_VERSION})"
    )
    v.add_argument("path", type=Path, help="manifest.json, a folder holding it, or a zip")
    v.add_argument("--app-id", help="also require the package to belong to this bot")
    v.set_defaults(func=_validate_cmd)


def _build_cmd(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from bot.manifest.build import ManifestError, build_package
    from bot.manifest.validate import warnings_for_path

    app_id = args.app_id or env.get("MicrosoftAppId", "")
    domain = args.domain or env.get("BOT_DOMAIN") or None
    try:
        publisher = load_publisher_settings(env)
        out = build_package(
            app_id, args.out, domain=domain, source=args.source, publisher=publisher
        )
    except ConfigError as exc:
        print(f"meeting-bot manifest build: {exc}", file=sys.stderr)
        return 1
    except ManifestError as exc:
        for problem in exc.problems:
            print(f"meeting-bot manifest build: {problem}", file=sys.stderr)
        return 1
    print(f"OK: wrote {out} (manifest.json, icons; schema v{SCHEMA_VERSION})")
    for warning in warnings_for_path(out):
        print(f"meeting-bot manifest build: warning: {warning}", file=sys.stderr)
    return 0


def _validate_cmd(args: argparse.Namespace) -> int:
    from bot.manifest.validate import validate_path, warnings_for_path

    problems = validate_path(args.path, app_id=args.app_id)
    for warning in warnings_for_path(args.path):  # Teams accepts these: the exit code does not
        print(f"{args.path}: warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(f"{args.path}: {problem}", file=sys.stderr)
    if problems:
        print(f"{args.path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"OK: {args.path} passes schema v{SCHEMA_VERSION} and the ids, icons and commands checks")
    return 0
