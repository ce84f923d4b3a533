"""embed.css lays the widget out in logical terms (start/end), so that it mirrors right to left."""

from __future__ import annotations

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[2] / "civility/web/static/civility/embed.css"
PHYSICAL = re.compile(r"^\s*(?:margin|padding|border)-(?:left|right)\b|^\s*(?:left|right)\s*:|"
                      r"^\s*(?:text-align|float|clear)\s*:\s*(?:left|right)\b", re.MULTILINE)


def test_no_physical_left_or_right_in_the_widgets_styles():
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert PHYSICAL.findall(css) == []
