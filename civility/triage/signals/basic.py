"""Signals every pipeline starts with."""

from __future__ import annotations

from civility.triage.normalize import normalize
from civility.triage.registry import Signal
from civility.triage.types import Doc


class Normalize(Signal):
    """Undo obfuscation once, for every later signal (``doc.attrs["normalized"]``)."""

    assigns = ("normalized",)

    def __call__(self, doc: Doc) -> None:
        doc.attrs["normalized"] = normalize(doc.text)
