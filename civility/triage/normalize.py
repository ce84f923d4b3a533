"""Normalisation with offsets back to the original text.

INTERFACE (other signals rely on it):

- ``normalize(text) -> Normalized``
- ``Normalized.text``: the normalised text (NFKC, case-folded, ...)
- ``Normalized.offsets``: ``len(text) + 1`` ints; ``offsets[i]`` is where normalised
  character ``i`` starts in the original; the last entry is ``len(original)``.
- ``Normalized.span(start, end)``: a normalised [start, end) range → original range.
- ``Normalized.tokens``: words, each with ``text`` (normalised), ``start``/``end``
  (ORIGINAL offsets).

This first version does NFKC and case folding only; the de-obfuscation steps
(look-alikes, leetspeak, separators, stretching, transliteration) extend it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    offsets: list[int]
    tokens: list[Token] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self._end_of(end - 1)

    def _end_of(self, i: int) -> int:
        # the original end of normalised char i: the start of the next original char
        nxt = i + 1
        while nxt < len(self.text) and self.offsets[nxt] == self.offsets[i]:
            nxt += 1
        return self.offsets[nxt] if nxt <= len(self.text) else len(self.original)


_WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> Normalized:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch).casefold()
        for c in folded:
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    norm = "".join(out)
    result = Normalized(original=text, text=norm, offsets=offsets)
    tokens = [Token(m.group(), *result.span(m.start(), m.end())) for m in _WORD.finditer(norm)]
    return Normalized(original=text, text=norm, offsets=offsets, tokens=tokens)
