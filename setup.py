"""The wheel carries compiled gettext catalogs: building it compiles each
cards/locales/<lang>/LC_MESSAGES/meetingbot.po into the .mo the bot reads, so an installed bot
does not compile them at start-up. Everything else about the package is in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for source in Path(self.build_lib, "cards", "locales").glob("*/LC_MESSAGES/*.po"):
            with source.open("rb") as handle:
                catalog = read_po(handle, locale=source.parts[-3])
            with source.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog)


setup(cmdclass={"build_py": BuildWithCatalogs})
