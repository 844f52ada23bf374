"""The Teams app package: `manifest build` writes what Teams accepts; `validate` says why not."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import bot
from bot.config import load_publisher_settings
from bot.manifest import ManifestError, add_manifest_commands, build_package, rules, validate_path
from bot.manifest.build import DEFAULT_SOURCE, package_version
from bot.manifest.schema import ManifestValidator
from bot.parsing import CommandKind

APP_ID = "6f1c0b8e-2d4a-4f7b-9c3e-1a2b3c4d5e6f"
OTHER_ID = "0a0b0c0d-1111-2222-3333-444455556666"
MENU = ["meet now", "meeting", "schedule", "find a time", "my meetings", "cancel", "help"]


PAGES = {
    "BOT_WEBSITE_URL": "https://contoso.com/meeting-bot",
    "BOT_PRIVACY_URL": "https://contoso.com/privacy",
    "BOT_TERMS_URL": "https://contoso.com/terms",
}
PUBLISHER = load_publisher_settings(PAGES)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return build_package(
        APP_ID, tmp_path / "appPackage.zip", domain="bot.contoso.com", publisher=PUBLISHER
    )


def read_zip(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files.pop("manifest.json")), files


def write_zip(path: Path, manifest: dict[str, Any] | bytes, files: dict[str, bytes]) -> Path:
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", raw)
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def png(size: tuple[int, int], mode: str = "RGBA", color: Any = (255, 255, 255, 0)) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def test_built_package_is_what_teams_expects(package: Path) -> None:
    assert validate_path(package) == []
    manifest, files = read_zip(package)
    assert sorted(files) == ["color.png", "outline.png"]
    assert manifest["manifestVersion"] == "1.22"
    assert manifest["$schema"].endswith("/teams/v1.22/MicrosoftTeams.schema.json")
    assert manifest["version"] == package_version(bot.__version__)
    assert manifest["id"] == manifest["bots"][0]["botId"] == APP_ID
    assert manifest["webApplicationInfo"] == {"id": APP_ID, "resource": f"api://botid-{APP_ID}"}
    assert manifest["validDomains"] == ["token.botframework.com", "bot.contoso.com"]
    bot_entry = manifest["bots"][0]
    assert bot_entry["scopes"] == ["personal", "team", "groupChat"]
    assert bot_entry["supportsFiles"] is False
    assert bot_entry["isNotificationOnly"] is False
    menus = {
        tuple(cl["scopes"]): [c["title"] for c in cl["commands"]]
        for cl in bot_entry["commandLists"]
    }
    assert menus == {("personal",): MENU, ("team",): MENU, ("groupChat",): MENU}
    for permission in (
        "OnlineMeetings.ReadWrite.All",
        "Calendars.ReadWrite",
        "OnlineMeetings.ReadWrite",
    ):
        assert permission in manifest["description"]["full"]


def test_the_parser_understands_every_menu_command(package: Path) -> None:
    for title in MENU:
        assert rules.command_kind(title) is not CommandKind.UNKNOWN, title
    assert validate_path(package) == []


def test_build_is_reproducible_and_uppercase_ids_are_normalised(tmp_path: Path) -> None:
    first = build_package(APP_ID.upper(), tmp_path / "a.zip")
    second = build_package(APP_ID, tmp_path / "b.zip")
    assert first.read_bytes() == second.read_bytes()
    manifest, _ = read_zip(first)
    assert manifest["id"] == APP_ID
    assert manifest["validDomains"] == ["token.botframework.com"]


def test_a_folder_and_a_bare_manifest_validate_too(package: Path, tmp_path: Path) -> None:
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    assert validate_path(folder) == []
    assert validate_path(folder / "manifest.json") == []
    (folder / "outline.png").unlink()
    assert validate_path(folder / "manifest.json") == [
        "icons.outline: 'outline.png' is not in the package"
    ]


def _set(path: str, value: Any) -> Callable[[dict[str, Any], dict[str, bytes]], None]:
    def mutate(manifest: dict[str, Any], files: dict[str, bytes]) -> None:
        *parents, last = path.split(".")
        node: Any = manifest
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value

    return mutate


def _file(name: str, data: bytes | None) -> Callable[[dict[str, Any], dict[str, bytes]], None]:
    def mutate(manifest: dict[str, Any], files: dict[str, bytes]) -> None:
        if data is None:
            del files[name]
        else:
            files[name] = data

    return mutate


def _add_command(title: str) -> Callable[[dict[str, Any], dict[str, bytes]], None]:
    def mutate(manifest: dict[str, Any], files: dict[str, bytes]) -> None:
        commands = manifest["bots"][0]["commandLists"][0]["commands"]
        commands.append({"title": title, "description": "Not a thing this bot does"})

    return mutate


BROKEN = [
    pytest.param(
        _set("manifestVersion", "1.5"), "manifestVersion: is '1.5'", id="bad-manifest-version"
    ),
    pytest.param(
        _set("$schema", "https://developer.microsoft.com/json-schemas/teams/v1.5/x.json"),
        "$schema: is",
        id="schema-url-of-another-version",
    ),
    pytest.param(
        _file("color.png", png((100, 100), "RGB", (91, 95, 199))),
        "color.png: the color icon is 100×100 pixels; Teams needs 192×192",
        id="color-icon-wrong-size",
    ),
    pytest.param(
        _file("outline.png", png((100, 100))),
        "outline.png: the outline icon is 100×100 pixels; Teams needs 32×32",
        id="outline-icon-wrong-size",
    ),
    pytest.param(
        _file("outline.png", png((32, 32), "RGB", (255, 255, 255))),
        "outline.png: the outline icon has no alpha channel",
        id="outline-without-alpha",
    ),
    pytest.param(
        _file("outline.png", png((32, 32), "RGBA", (91, 95, 199, 255))),
        "outline.png: the outline icon has no transparent pixels",
        id="outline-opaque",
    ),
    pytest.param(
        _file("outline.png", png((32, 32), "RGBA", (91, 95, 199, 128))),
        "outline.png: the outline icon has 1024 visible pixel(s) that are not white",
        id="outline-coloured",
    ),
    pytest.param(
        _file("color.png", None), "icons.color: 'color.png' is not in the package", id="no-color"
    ),
    pytest.param(
        _file("outline.png", None),
        "icons.outline: 'outline.png' is not in the package",
        id="no-outline",
    ),
    pytest.param(
        _file("color.png", b"not an image"), "color.png: is not a readable image", id="not-image"
    ),
    pytest.param(
        _set("bots.0.botId", OTHER_ID),
        f"bots[0].botId: is {OTHER_ID}; it must equal the app id {APP_ID}",
        id="bot-id-not-app-id",
    ),
    pytest.param(
        _set("webApplicationInfo.id", OTHER_ID),
        f"webApplicationInfo.id: is {OTHER_ID}; it must equal the app id {APP_ID}",
        id="sso-id-not-app-id",
    ),
    pytest.param(
        _set("webApplicationInfo.resource", f"api://botid-{OTHER_ID}"),
        f"webApplicationInfo.resource: is 'api://botid-{OTHER_ID}'",
        id="sso-resource-mismatch",
    ),
    pytest.param(
        _add_command("order pizza"),
        "command 'order pizza' (command list for personal): the bot does not understand it",
        id="command-not-understood",
    ),
    pytest.param(
        _add_command("meet now with a title far longer than Teams allows"),
        "title: 'meet now with a title far longer than Teams allows' is 50 characters",
        id="command-title-too-long",
    ),
    pytest.param(
        _set("name.short", "A name much longer than thirty characters"),
        "name.short: 'A name much longer than thirty characters' is too long (schema: maxLength)",
        id="schema-max-length",
    ),
    pytest.param(
        _set("bots.0.supportsFile", False),
        "bots[0]: Additional properties are not allowed ('supportsFile' was unexpected)",
        id="schema-misspelt-property",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), BROKEN)
def test_validate_names_the_problem(
    package: Path,
    tmp_path: Path,
    mutate: Callable[[dict[str, Any], dict[str, bytes]], None],
    expected: str,
) -> None:
    manifest, files = read_zip(package)
    mutate(manifest, files)
    problems = validate_path(write_zip(tmp_path / "broken.zip", manifest, files))
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(b'{"id": ', "manifest.json is not valid JSON", id="malformed-json"),
        pytest.param(b"[1, 2]", "manifest.json must hold a JSON object", id="not-an-object"),
        pytest.param(b"\xff\xfe{}", "manifest.json is not UTF-8 text", id="not-utf8"),
    ],
)
def test_validate_rejects_unreadable_manifests(
    package: Path, tmp_path: Path, content: bytes, expected: str
) -> None:
    _, files = read_zip(package)
    problems = validate_path(write_zip(tmp_path / "broken.zip", content, files))
    assert len(problems) == 1
    assert expected in problems[0]


def test_validate_rejects_a_zipped_folder(package: Path, tmp_path: Path) -> None:
    manifest, _ = read_zip(package)
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(nested, "w") as archive:
        archive.writestr("appPackage/manifest.json", json.dumps(manifest))
    assert validate_path(nested) == [
        f"{nested} has no manifest.json at the zip's root (found appPackage/manifest.json; "
        "zip the folder's contents, not the folder)"
    ]


def test_validate_rejects_missing_and_non_zip_paths(tmp_path: Path) -> None:
    assert validate_path(tmp_path / "nope.zip") == [f"{tmp_path / 'nope.zip'} does not exist"]
    fake = tmp_path / "fake.zip"
    fake.write_text("hello")
    assert validate_path(fake) == [f"{fake} is not a valid zip file"]
    assert validate_path(tmp_path) == [f"{tmp_path} has no manifest.json"]
    assert validate_path(DEFAULT_SOURCE) == [
        f"{DEFAULT_SOURCE} has no manifest.json "
        "(it holds the template: run `meeting-bot manifest build`)"
    ]


def test_validate_checks_the_expected_app_id(package: Path) -> None:
    assert validate_path(package, app_id=APP_ID) == []
    assert validate_path(package, app_id=OTHER_ID) == [
        f"id: is {APP_ID}; expected the bot's app id {OTHER_ID}"
    ]


def test_a_parser_crash_is_reported_not_raised(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(title: str) -> CommandKind:
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "command_kind", broken)
    problems = validate_path(package)
    assert len(problems) == len(MENU)
    assert "command 'meet now' (command list for personal, team, groupChat): " in problems[0]
    assert "the bot's parser failed on it: RuntimeError('boom')" in problems[0]


@pytest.mark.parametrize(
    ("app_id", "domain", "expected"),
    [
        pytest.param("", None, "no app id: pass --app-id or set MicrosoftAppId", id="missing"),
        pytest.param("  ", None, "no app id", id="blank"),
        pytest.param("my-bot", None, "app id 'my-bot' is not a GUID", id="not-a-guid"),
        pytest.param(APP_ID + "0", None, "is not a GUID", id="guid-too-long"),
        pytest.param(
            APP_ID,
            "https://bot.contoso.com/api/messages",
            "is not a host name like bot.contoso.com (no https://, port or path); "
            "use 'bot.contoso.com'",
            id="domain-is-a-url",
        ),
        pytest.param(APP_ID, "bot contoso", "is not a host name", id="domain-with-space"),
    ],
)
def test_build_refuses_bad_input(
    tmp_path: Path, app_id: str, domain: str | None, expected: str
) -> None:
    out = tmp_path / "appPackage.zip"
    with pytest.raises(ManifestError) as caught:
        build_package(app_id, out, domain=domain)
    assert expected in str(caught.value)
    assert not out.exists()


def test_build_refuses_a_template_that_would_not_validate(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    template = json.loads((DEFAULT_SOURCE / "manifest.template.json").read_text())
    template["webApplicationInfo"]["resource"] = "api://contoso.com/my-api"
    (source / "manifest.template.json").write_text(json.dumps(template))
    (source / "color.png").write_bytes((DEFAULT_SOURCE / "color.png").read_bytes())
    out = tmp_path / "appPackage.zip"
    with pytest.raises(ManifestError) as caught:
        build_package(APP_ID, out, source=source)
    assert caught.value.problems == [
        "webApplicationInfo.resource: is 'api://contoso.com/my-api'; the bot's single sign-on "
        f"resource must be 'api://botid-{APP_ID}' (the Application ID URI of its Entra app)",
        "icons.outline: 'outline.png' is not in the package",
    ]
    assert list(tmp_path.iterdir()) == [source]  # no zip, no temporary file left behind


def test_build_without_a_template_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match=r"no manifest template at .*manifest\.template\.json"):
        build_package(APP_ID, tmp_path / "a.zip", source=tmp_path)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", "0.1.0"),
        ("1.2", "1.2.0"),
        ("2.0.0rc1", "2.0.0"),
        ("0.1.0.dev3", "0.1.0"),
        ("3", "3.0.0"),
        ("01.002.0", "1.2.0"),
    ],
)
def test_package_version_is_what_teams_accepts(version: str, expected: str) -> None:
    assert package_version(version) == expected


# SHA-256 of Microsoft's teams-manifest-v1.22.schema.json (tests/contracts/SOURCES.md).
MANIFEST_SCHEMA_SHA256 = "f5b0faf98133da89b169a9c549af7af1027bb1822e6bac6be40b2e6b5b97971f"


def test_packaged_schema_is_microsofts() -> None:
    packaged = Path(rules.__file__).with_name("teams-manifest-v1.22.schema.json")
    assert hashlib.sha256(packaged.read_bytes()).hexdigest() == MANIFEST_SCHEMA_SHA256


def test_schema_patterns_understand_unicode_letter_classes() -> None:
    # Manifest v1.23+ patterns use \p{L}, which Python's re cannot compile.
    validator = ManifestValidator({"type": "string", "pattern": r"^[\p{L}\p{N} ]+$"})
    assert validator.is_valid("Réunion 3")
    assert not validator.is_valid("<script>")


def test_schema_const_is_enforced_although_the_schema_says_draft_04() -> None:
    assert not ManifestValidator({"const": "1.22"}).is_valid("1.5")


def run_cli(argv: list[str], env: dict[str, str]) -> int:
    parser = argparse.ArgumentParser(prog="meeting-bot")
    add_manifest_commands(parser.add_subparsers(dest="cmd", required=True), env=env)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


@pytest.fixture
def cli_out(tmp_path: Path) -> Path:
    return tmp_path / "out" / "appPackage.zip"


def test_cli_build_reads_the_environment_then_validate_says_ok(
    cli_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {"MicrosoftAppId": APP_ID, "BOT_DOMAIN": "bot.contoso.com", **PAGES}
    assert run_cli(["manifest", "build", "--out", str(cli_out)], env) == 0
    built = capsys.readouterr()
    assert built.out.startswith(f"OK: wrote {cli_out}")
    assert built.err == ""
    manifest, _ = read_zip(cli_out)
    assert manifest["id"] == APP_ID
    assert "bot.contoso.com" in manifest["validDomains"]
    assert manifest["developer"]["privacyUrl"] == "https://contoso.com/privacy"
    assert manifest["developer"]["termsOfUseUrl"] == "https://contoso.com/terms"
    assert manifest["developer"]["websiteUrl"] == "https://contoso.com/meeting-bot"

    assert run_cli(["manifest", "validate", str(cli_out), "--app-id", APP_ID], {}) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"OK: {cli_out} passes schema v1.22")
    assert captured.err == ""


def test_cli_arguments_win_over_the_environment(cli_out: Path) -> None:
    env = {"MicrosoftAppId": OTHER_ID, "BOT_DOMAIN": "old.contoso.com"}
    argv = ["manifest", "build", "--app-id", APP_ID, "--domain", "new.contoso.com"]
    assert run_cli([*argv, "--out", str(cli_out)], env) == 0
    manifest, _ = read_zip(cli_out)
    assert manifest["id"] == APP_ID
    assert manifest["validDomains"] == ["token.botframework.com", "new.contoso.com"]


def test_cli_build_without_app_id_fails_clearly(
    cli_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["manifest", "build", "--out", str(cli_out)], {}) == 1
    assert capsys.readouterr().err == (
        "meeting-bot manifest build: no app id: pass --app-id or set MicrosoftAppId to the "
        "bot's Microsoft Entra application (client) id\n"
    )
    assert not cli_out.exists()


def test_cli_validate_prints_one_line_per_problem(
    package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest, files = read_zip(package)
    manifest["bots"][0]["botId"] = OTHER_ID
    del files["outline.png"]
    broken = write_zip(tmp_path / "broken.zip", manifest, files)
    assert run_cli(["manifest", "validate", str(broken)], {}) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{broken}: bots[0].botId: is {OTHER_ID}; it must equal the app id {APP_ID}",
        f"{broken}: icons.outline: 'outline.png' is not in the package",
        f"{broken}: 2 problem(s)",
    ]


def test_the_installed_command_builds_then_validates_a_package(tmp_path: Path) -> None:
    """`meeting-bot manifest build` then `validate`, as an admin runs them (real processes)."""
    out = tmp_path / "appPackage.zip"
    env = {**os.environ, "MicrosoftAppId": APP_ID}
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "manifest",
            "build",
            "--domain",
            "bot.contoso.com",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert build.returncode == 0, build.stderr
    check = subprocess.run(
        [sys.executable, "-m", "bot", "manifest", "validate", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "OK" in check.stdout

    broken = tmp_path / "broken.json"
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    manifest["manifestVersion"] = "1.0"
    broken.write_text(json.dumps(manifest), encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "bot", "manifest", "validate", str(broken)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert refused.returncode != 0
    assert "manifestVersion" in refused.stdout + refused.stderr
