"""Given names, surnames and place names, so that word lists do not take them for insults.

The lists are data (``data/names/{az,tr,hy,ru,en}.txt``, one entry per line, see the
README there). :func:`names` reads them once and keeps each one-word entry as the
matcher sees a word (its normalised text), so that ``Amina``, ``Хохлов`` or ``Twatt``
can be told from the Turkish obscenity, the Russian slur or the English insult they
happen to spell.

    is_name("amina")    # True
    is_name("amına")    # False: the obscenity keeps its Turkish letter
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from civility.triage.normalize import normalize

NAMES = Path(__file__).with_name("data") / "names"
LANGS = ("az", "tr", "hy", "ru", "en")


def entries(lang: str) -> list[str]:
    """One language's entries as written (comments and blank lines dropped)."""
    out = []
    with (NAMES / f"{lang}.txt").open(encoding="utf-8") as fh:
        for line in fh:
            entry = line.split("#", 1)[0].strip()
            if entry:
                out.append(entry)
    return out


@lru_cache(maxsize=1)
def _normalised() -> tuple[tuple[str, ...], ...]:
    """Every entry of every language as the words the matcher sees (normalised once)."""
    return tuple(tuple(t.text for t in normalize(entry).tokens) for lang in LANGS for entry in entries(lang))


@lru_cache(maxsize=1)
def names() -> frozenset[str]:
    """Every one-word entry of every language, normalised (a phrase is not a name here)."""
    return frozenset(words[0] for words in _normalised() if len(words) == 1)


@lru_cache(maxsize=1)
def phrases() -> frozenset[str]:
    """Every entry of two or more words, normalised and joined by one space ("нагорный карабах")."""
    return frozenset(" ".join(words) for words in _normalised() if len(words) > 1)


@lru_cache(maxsize=1)
def version() -> str:
    """A short digest of the lists, for the word-list signal's version."""
    return hashlib.sha256("\n".join(sorted(names() | phrases())).encode()).hexdigest()[:8]


def is_name(word: str) -> bool:
    """Is this normalised word a listed name or place?"""
    return word in names()
