"""Draws the app icon: resources/icons/spm-luring.png (256 px) and spm-luring.ico (16-256 px, Windows).

    .venv/bin/python build/make_icons.py

A green rounded square with "SPM" and a tick (the service standard met), drawn with the shipped
DejaVu Sans Bold; the output is committed, so the build needs nothing but the files.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZE = 256
GREEN, DARK, WHITE, GOLD = (21, 128, 61, 255), (20, 83, 45, 255), (255, 255, 255, 255), (250, 204, 21, 255)


def draw() -> Image.Image:
    """The icon at 256 x 256."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=GREEN, outline=DARK, width=6)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"), 84)
    pen.text((SIZE / 2, 92), "SPM", font=font, fill=WHITE, anchor="mm")
    pen.line([(70, 170), (110, 208), (190, 128)], fill=GOLD, width=22, joint="curve")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(OUT / "spm-luring.png", optimize=True)
    image.save(OUT / "spm-luring.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"{OUT}: spm-luring.png, spm-luring.ico")


if __name__ == "__main__":
    main()
