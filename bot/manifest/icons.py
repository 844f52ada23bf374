"""The icon rules Teams applies that the JSON schema cannot: PNG, exact sizes, outline colours."""

from __future__ import annotations

import io

from PIL import Image, ImageChops, UnidentifiedImageError

COLOR_SIZE = (192, 192)
OUTLINE_SIZE = (32, 32)
# Visible outline pixels must be white; allow a little encoder rounding below 255.
_WHITE_MIN = 245


def _open(name: str, data: bytes) -> tuple[Image.Image | None, list[str]]:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return None, [f"{name}: is not a readable image ({exc})"]
    if image.format != "PNG":
        return image, [f"{name}: is a {image.format} file; Teams needs a PNG"]
    return image, []


def _size_problem(name: str, image: Image.Image, want: tuple[int, int], role: str) -> list[str]:
    if image.size == want:
        return []
    return [
        f"{name}: the {role} icon is {image.width}×{image.height} pixels; "
        f"Teams needs {want[0]}×{want[1]}"
    ]


def color_icon_problems(name: str, data: bytes) -> list[str]:
    image, problems = _open(name, data)
    if image is None:
        return problems
    return problems + _size_problem(name, image, COLOR_SIZE, "color")


def outline_icon_problems(name: str, data: bytes) -> list[str]:
    """32×32, with an alpha channel, and every visible pixel white."""
    image, problems = _open(name, data)
    if image is None:
        return problems
    problems += _size_problem(name, image, OUTLINE_SIZE, "outline")
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
    if not has_alpha:
        return [
            *problems,
            f"{name}: the outline icon has no alpha channel (mode {image.mode}); "
            "it must be white on a transparent background",
        ]
    rgba = image.convert("RGBA")
    transparent = rgba.getchannel("A").histogram()[0]
    if transparent == rgba.width * rgba.height:
        problems.append(f"{name}: the outline icon is fully transparent; it shows nothing")
    elif transparent == 0:
        problems.append(
            f"{name}: the outline icon has no transparent pixels; "
            "its background must be transparent"
        )
    coloured = _count_visible_non_white(rgba)
    if coloured:
        problems.append(
            f"{name}: the outline icon has {coloured} visible pixel(s) that are not white; "
            "use only white and transparency"
        )
    return problems


def _count_visible_non_white(rgba: Image.Image) -> int:
    """Pixels with some opacity whose red, green or blue falls below white (image ops, no loop)."""
    red, green, blue, alpha = rgba.split()
    dark = [band.point(lambda v: 255 if v < _WHITE_MIN else 0) for band in (red, green, blue)]
    non_white = ImageChops.lighter(ImageChops.lighter(dark[0], dark[1]), dark[2])
    visible = alpha.point(lambda v: 255 if v > 0 else 0)
    return ImageChops.multiply(non_white, visible).histogram()[255]
