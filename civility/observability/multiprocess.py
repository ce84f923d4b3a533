"""Metrics shared by gunicorn's worker processes (prometheus-client's multiprocess mode).

Each process writes its counters and histograms to memory-mapped files in
``PROMETHEUS_MULTIPROC_DIR``, and ``/metrics``, whichever worker answers it, adds up the
files of all of them. prometheus-client decides how to keep values when it is first
imported, so :func:`prepare` runs before Django or prometheus-client load
(``civility.cli``, for ``serve --production``). It imports neither.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


def prepare() -> Path:
    """Use the operator's folder (emptied of an earlier run's files), or a new private one
    that is removed when this process (the gunicorn master) exits."""
    given = os.environ.get(VARIABLE, "").strip()
    if given:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.db"):  # counters of an earlier run would be added to this one's
            old.unlink()
        return folder
    folder = Path(tempfile.mkdtemp(prefix="civility-metrics-"))
    os.environ[VARIABLE] = str(folder)
    owner = os.getpid()

    def remove() -> None:
        if os.getpid() == owner:  # forked workers run the exit handlers they inherited too
            shutil.rmtree(folder, ignore_errors=True)

    atexit.register(remove)
    return folder
