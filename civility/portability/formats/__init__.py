"""The importers: one module per format behind one interface, like Django's serializers.

Each module defines a class with a ``name``, a ``description``, ``records(path)`` (the
file as a stream of :mod:`civility.portability.records`) and ``estimate(path)`` (about how
many records, cheaply, for the progress bar; None when unknown). They only read: storing is
``civility.portability.importing.import_run``'s job, the same for every format.

Adding a format is adding a module and a line to :data:`IMPORTERS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from typing import Protocol

from civility.portability.records import Record

#: format name → "module:Class"; modules are imported when their format is used
IMPORTERS: dict[str, str] = {
    "civility": "civility.portability.formats.civility:CivilityImporter",
    "disqus": "civility.portability.formats.disqus:DisqusImporter",
    "wordpress": "civility.portability.formats.wordpress:WordPressImporter",
    "isso": "civility.portability.formats.isso:IssoImporter",
    "remark42": "civility.portability.formats.remark42:Remark42Importer",
}


class Importer(Protocol):
    name: str
    description: str

    def records(self, path: Path) -> Iterator[Record]: ...

    def estimate(self, path: Path) -> int | None: ...


def importer_for(name: str) -> Importer:
    """The importer of format ``name``; KeyError for an unknown one."""
    module, _, cls = IMPORTERS[name].partition(":")
    return getattr(import_module(module), cls)()


def count_bytes(path: Path, needle: bytes, *, chunk: int = 1 << 20) -> int:
    """How often ``needle`` occurs in a file, read in chunks (a quick estimate for XML files)."""
    total, tail = 0, b""
    with path.open("rb") as f:
        while block := f.read(chunk):
            data = tail + block
            total += data.count(needle)
            # shorter than the needle: it can hold no whole occurrence, so none counts twice
            tail = data[-(len(needle) - 1):] if len(needle) > 1 else b""
    return total
