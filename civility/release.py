"""A fingerprint of the code that is running, for cached pages that must not outlive a release.

Cached thread pages live in Redis for up to an hour and are keyed on what readers see
changing (the article's version), not on the code that rendered them. A release that
changes a page's shape would otherwise serve pages from the old code until the next
decision. Keys carry this fingerprint instead: a hash of the package's Python files and
templates, computed once per process (a few milliseconds, before the workers fork).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SOURCES = (".py", ".html")


@lru_cache(maxsize=4)
def fingerprint(root: Path = PACKAGE) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in SOURCES and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
