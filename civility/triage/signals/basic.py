"""Signals every pipeline starts with."""

from __future__ import annotations

from civility.triage import normalize as _normalize
from civility.triage.registry import Signal
from civility.triage.types import Doc


class Normalize(Signal):
    """Undo obfuscation once, for every later signal (``doc.attrs["normalized"]``).

    See :mod:`civility.triage.normalize`: NFKC, case folding, invisible characters and
    decorating marks, look-alike letters, leetspeak, s.p.a.c.e.d letters; offsets map
    every word back to the original text.
    """

    assigns = ("normalized",)

    @property
    def version(self) -> str:
        return f"{self.name}+n{_normalize.VERSION}"

    def __call__(self, doc: Doc) -> None:
        doc.attrs["normalized"] = _normalize.normalize(doc.text)
