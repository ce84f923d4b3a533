"""Author names as readers and moderators will see them.

A name is shown beside text we did not write, so it must not be able to change how that
text reads. Unicode's bidirectional controls can: "U+202E nimda" displays as "admin", and an
unclosed override reverses whatever follows it on the line. They have no place in a name,
so they are removed when a comment is stored and again when a name is shown (names stored
before this rule). Pages also isolate names (``<bdi>``) so a right-to-left name cannot
reorder the words around it.
"""

from __future__ import annotations

import unicodedata

#: Unicode's Bidi_Control characters: the embeddings, overrides and isolates (found by their
#: bidirectional class; all nine sit in the General Punctuation block) and the three marks,
#: whose class is that of a letter
_MARKS = "\u061c\u200e\u200f"
_EXPLICIT = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
_REMOVE = dict.fromkeys(
    [cp for cp in range(0x2000, 0x2070) if unicodedata.bidirectional(chr(cp)) in _EXPLICIT]
    + [ord(ch) for ch in _MARKS]
)
#: the same characters, for others that must neutralise them (civility.log escapes them)
BIDI_CONTROLS = "".join(sorted(map(chr, _REMOVE)))


def name_clean(raw: str) -> str:
    """``raw`` without bidirectional controls, its runs of white space made single spaces."""
    return " ".join(raw.translate(_REMOVE).split())
