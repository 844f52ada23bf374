"""Draw the Teams app icons: manifest/color.png (192×192) and manifest/outline.png (32×32).

Run from the repository root: `.venv/bin/python manifest/make_icons.py`. The glyph is a calendar
page with a video camera on it. Shapes are drawn at 8× and scaled down, for smooth edges.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

TEAMS_PURPLE = (0x5B, 0x5F, 0xC7)
SCALE = 8
HERE = Path(__file__).resolve().parent

Box = tuple[float, float, float, float]


def _glyph(size: int, box: Box, *, outline: bool) -> Image.Image:
    """An 8-bit mask of the glyph, drawn inside `box` (fractions of the icon's side)."""
    side = size * SCALE
    mask = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(mask)
    x0, y0, x1, y1 = (v * side for v in box)
    w, h = x1 - x0, y1 - y0
    radius = w * 0.14
    stroke = max(w * 0.085, SCALE * 1.6)
    header = y0 + h * 0.27
    if outline:
        draw.rounded_rectangle((x0, y0, x1, y1), radius, outline=255, width=round(stroke))
        draw.rectangle((x0, header - stroke / 2, x1, header + stroke / 2), fill=255)
    else:
        draw.rounded_rectangle((x0, y0, x1, y1), radius, fill=255)
        # The header band stays white; the page below it is cut out to show the background.
        draw.rounded_rectangle(
            (x0 + stroke, header, x1 - stroke, y1 - stroke), radius * 0.5, fill=0
        )
    # Binder rings above the header.
    ring_w, ring_h = w * 0.09, h * 0.2
    for cx in (x0 + w * 0.3, x0 + w * 0.7):
        draw.rounded_rectangle(
            (cx - ring_w / 2, y0 - ring_h / 2, cx + ring_w / 2, y0 + ring_h / 2),
            ring_w / 2,
            fill=255,
        )
    # The camera: a body and a lens wedge, centred in the page.
    page_top, page_bottom = header + stroke, y1 - stroke
    cy = (page_top + page_bottom) / 2
    cam_h = (page_bottom - page_top) * 0.5
    body = (x0 + w * 0.2, cy - cam_h / 2, x0 + w * 0.62, cy + cam_h / 2)
    draw.rounded_rectangle(body, cam_h * 0.18, fill=255)
    lens = [(x0 + w * 0.66, cy), (x0 + w * 0.82, cy - cam_h / 2), (x0 + w * 0.82, cy + cam_h / 2)]
    draw.polygon(lens, fill=255)
    return mask.resize((size, size), Image.Resampling.LANCZOS)


def color_icon() -> Image.Image:
    """192×192: a white glyph on full-bleed Teams purple (Teams rounds the tile itself)."""
    size = 192
    image = Image.new("RGBA", (size, size), (*TEAMS_PURPLE, 255))
    white = Image.new("RGBA", (size, size), (255, 255, 255, 255))
    # Keep the glyph inside the central 120×120 safe area Microsoft's icon guidance asks for.
    image.paste(white, (0, 0), _glyph(size, (0.2, 0.24, 0.8, 0.8), outline=False))
    return image.convert("RGB")


def outline_icon() -> Image.Image:
    """32×32: the same glyph, white, on transparency; the mask becomes the alpha channel."""
    size = 32
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    image.putalpha(_glyph(size, (0.09, 0.14, 0.91, 0.91), outline=True))
    return image


def main(out: Path = HERE) -> int:
    color_icon().save(out / "color.png", optimize=True)
    outline_icon().save(out / "outline.png", optimize=True)
    print(f"wrote {out / 'color.png'} and {out / 'outline.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
