"""Spelling folds for near-duplicates: one form for a text however its letters were typed.

The same comment arrives as ``Şəhər məktəbləri bağlanıb`` and ``Seher mektebleri baglanib``,
as ``Мы требуем открыть дорогу`` and ``My trebuem otkryt dorogu``, or in Armenian letters
and typed in Latin ones. :func:`fold` turns each of them into the same lossy Latin
skeleton before :mod:`civility.triage.neardup` cuts it into shingles::

    fold("şəhər")   == fold("seher")    == "seher"
    fold("дорогу")  == fold("dorogu")
    fold("хочу")    == fold("khochu")   == fold("hochu") == "hocu"

Three steps, the first and the last driven by data files in ``data/fold/``:

1. ``letters.txt``: Azerbaijani/Turkish letters to their unmarked forms, Cyrillic and
   Armenian letters to the Latin letters people type for them;
2. every other accented Latin letter loses its marks (Unicode decomposition);
3. ``sequences.txt``: spellings of one sound merged (``kh``/``x``/``h``, ``ch``/``ts``/``c``,
   ``ya``/``ja``/``ia``…), one pass, longest spelling first.

It is not a transliteration anyone should read: it only has to give two spellings of
one text the same form, and it runs on every text alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

#: part of neardup's VERSION: changing a table changes every fingerprint
FOLD_VERSION = "f1"


def _table(name: str) -> dict[str, str]:
    text = resources.files("civility.triage").joinpath("data", "fold", name).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        source, tab, target = line.partition("\t")
        if not tab or not source or source in table:
            raise ValueError(f"data/fold/{name}, line {number}: expected 'spelling<TAB>form', each spelling once")
        table[source] = target.strip()
    return table


@cache
def _letters() -> dict[int, str]:
    return {ord(letter): target for letter, target in _table("letters.txt").items() if len(letter) == 1}


@cache
def _sequences() -> tuple[re.Pattern[str], dict[str, str]]:
    table = _table("sequences.txt")
    pattern = re.compile("|".join(re.escape(s) for s in sorted(table, key=len, reverse=True)))
    return pattern, table


@cache
def _unmarked(letter: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """The folded form of a normalised (case-folded) text; word boundaries are kept."""
    text = text.translate(_letters())
    if not text.isascii():
        text = "".join(c if c.isascii() else _unmarked(c) for c in text)
    pattern, table = _sequences()
    return pattern.sub(lambda m: table[m[0]], text)
