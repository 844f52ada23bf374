"""Read a Teams app package the way Teams does: manifest.json plus icons, from a zip or a folder."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bot.manifest.version import SCHEMA_URL as SCHEMA_URL
from bot.manifest.version import SCHEMA_VERSION as SCHEMA_VERSION

MANIFEST_NAME = "manifest.json"


class PackageError(ValueError):
    """The path cannot be read as a package at all (missing, not a zip, no manifest.json)."""


@dataclass(frozen=True)
class Package:
    """The manifest's bytes and the other files, keyed by their path relative to the manifest."""

    label: str
    manifest: bytes
    files: dict[str, bytes] = field(default_factory=dict)

    def file(self, relative: str) -> bytes | None:
        return self.files.get(_normalise(relative))


def _normalise(relative: str) -> str:
    return str(PurePosixPath(relative.replace("\\", "/").removeprefix("./")))


def load_package(path: Path) -> Package:
    """A manifest.json (icons beside it), a folder holding one, or a zip with it at the root."""
    if path.is_dir():
        return _from_folder(path, path / MANIFEST_NAME)
    if not path.is_file():
        raise PackageError(f"{path} does not exist")
    if zipfile.is_zipfile(path):
        return _from_zip(path)
    if path.suffix.lower() == ".zip":
        raise PackageError(f"{path} is not a valid zip file")
    return _from_folder(path.parent, path)


def _from_folder(folder: Path, manifest: Path) -> Package:
    if not manifest.is_file():
        template = folder / "manifest.template.json"
        hint = (
            " (it holds the template: run `meeting-bot manifest build`)"
            if template.is_file()
            else ""
        )
        raise PackageError(f"{folder} has no {MANIFEST_NAME}{hint}")
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() == ".png"
    }
    return Package(label=str(manifest), manifest=manifest.read_bytes(), files=files)


def _from_zip(path: Path) -> Package:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        if MANIFEST_NAME not in names:
            nested = [n for n in names if PurePosixPath(n).name == MANIFEST_NAME]
            hint = (
                f" (found {nested[0]}; zip the folder's contents, not the folder)" if nested else ""
            )
            raise PackageError(f"{path} has no {MANIFEST_NAME} at the zip's root{hint}")
        try:
            files = {_normalise(n): archive.read(n) for n in names}
        except (zipfile.BadZipFile, OSError) as exc:
            raise PackageError(f"{path} cannot be read: {exc}") from None
    manifest = files.pop(MANIFEST_NAME)
    return Package(label=f"{path}:{MANIFEST_NAME}", manifest=manifest, files=files)
