"""The stylesheets parse: a rule left open swallows every rule after it without an error anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "civility" / "web" / "static" / "civility"


@pytest.mark.parametrize("path", sorted(STATIC.rglob("*.css")), ids=lambda p: p.name)
def test_every_block_is_closed(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"\"[^\"\n]*\"|'[^'\n]*'", "", text)  # braces inside strings do not count
    depth = 0
    for line_no, line in enumerate(text.splitlines(), 1):
        for ch in line:
            depth += (ch == "{") - (ch == "}")
            assert depth >= 0, f"{path.name}:{line_no}: a '}}' closes nothing"
        # a rule opened at the top level is closed before the next one opens
        if re.match(r"^[^\s@}][^{]*\{\s*$", line):
            assert depth == 1 or line.startswith((" ", "\t")), f"{path.name}:{line_no}: opened inside an open rule"
    assert depth == 0, f"{path.name}: {depth} block(s) left open"
