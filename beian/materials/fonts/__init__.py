"""The project's CJK font: a GB 2312 subset of Noto Sans SC (SIL OFL 1.1, see OFL.txt).

Used to render the verification form PDF (embedded, subset) and by the test image builders.
"""

from __future__ import annotations

from pathlib import Path

CJK_FONT_PATH = Path(__file__).with_name("NotoSansSC-Regular-GB2312.otf")
