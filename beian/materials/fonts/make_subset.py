"""Rebuild the committed CJK font subset (run by hand; not imported by the application).

Source: NotoSansSC-Regular.otf (Noto Sans CJK SC 2.004, SIL OFL 1.1) as shipped in the PyPI
wheel pylopdf-fonts-zh-cn 0.1.1:

    pip download --no-deps -d /tmp/font pylopdf-fonts-zh-cn==0.1.1
    unzip -o /tmp/font/pylopdf_fonts_zh_cn-0.1.1-py3-none-any.whl -d /tmp/font
    python -m beian.materials.fonts.make_subset /tmp/font/pylopdf_fonts_zh_cn/NotoSansSC-Regular.otf

Keeps every GB 2312 character plus ASCII, Latin-1, general and CJK punctuation and full-width
forms (about 7,700 glyphs, 1.5 MB). PDFs embed a further subset of only the glyphs they use.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

from beian.materials.fonts import CJK_FONT_PATH

EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (·, ×, ©)
    (0x2010, 0x205E),  # general punctuation (— “ ” …)
    (0x2460, 0x2473),  # circled numbers ① … ⑳
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms （ ）： ，
)


def gb2312_code_points() -> set[int]:
    points = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes((lead, trail)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return points


def wanted_code_points() -> set[int]:
    points = gb2312_code_points()
    for first, last in EXTRA_RANGES:
        points.update(range(first, last + 1))
    return points


def make_subset(source: Path, target: Path) -> None:
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.hinting = False
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_code_points())
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


if __name__ == "__main__":
    make_subset(Path(sys.argv[1]), CJK_FONT_PATH)
