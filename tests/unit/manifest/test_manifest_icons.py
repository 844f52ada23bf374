"""The app icons: the committed PNGs and the script that draws them meet Teams' icon rules."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageDraw

from bot.manifest.build import DEFAULT_SOURCE
from bot.manifest.icons import color_icon_problems, outline_icon_problems


def _png(image: Image.Image, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", DEFAULT_SOURCE / "make_icons.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_icons_pass() -> None:
    color = DEFAULT_SOURCE / "color.png"
    outline = DEFAULT_SOURCE / "outline.png"
    assert color_icon_problems("color.png", color.read_bytes()) == []
    assert outline_icon_problems("outline.png", outline.read_bytes()) == []


def test_the_script_draws_icons_that_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _load_script().main(tmp_path) == 0
    assert capsys.readouterr().out.startswith("wrote ")
    with Image.open(tmp_path / "color.png") as color:
        assert color.size == (192, 192)
        assert color.getpixel((2, 2)) == (0x5B, 0x5F, 0xC7)  # Teams purple to the edge
    assert color_icon_problems("color.png", (tmp_path / "color.png").read_bytes()) == []
    assert outline_icon_problems("outline.png", (tmp_path / "outline.png").read_bytes()) == []


def test_an_antialiased_white_outline_passes() -> None:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((4, 4, 28, 28), fill=(255, 255, 255, 140))
    assert outline_icon_problems("o.png", _png(image)) == []


def test_a_palette_outline_with_transparency_passes() -> None:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((8, 8, 24, 24), fill=(255, 255, 255, 255))
    palette = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=2)
    palette.info["transparency"] = palette.getpixel((0, 0))
    data = io.BytesIO()
    palette.save(data, "PNG", transparency=palette.info["transparency"])
    assert outline_icon_problems("o.png", data.getvalue()) == []


def test_a_fully_transparent_outline_shows_nothing() -> None:
    image = Image.new("RGBA", (32, 32), (255, 255, 255, 0))
    assert outline_icon_problems("o.png", _png(image)) == [
        "o.png: the outline icon is fully transparent; it shows nothing"
    ]


def test_an_outline_with_one_grey_pixel_is_refused() -> None:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    image.putpixel((5, 5), (255, 255, 255, 255))
    image.putpixel((6, 6), (128, 128, 128, 255))
    assert outline_icon_problems("o.png", _png(image)) == [
        "o.png: the outline icon has 1 visible pixel(s) that are not white; "
        "use only white and transparency"
    ]


def test_an_icon_that_is_not_a_png_is_refused() -> None:
    jpeg = _png(Image.new("RGB", (192, 192), (91, 95, 199)), "JPEG")
    assert color_icon_problems("color.png", jpeg) == [
        "color.png: is a JPEG file; Teams needs a PNG"
    ]
