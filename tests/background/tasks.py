"""A test-only task that a worker can be killed in the middle of (never imported by civility)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import TaskContext, task


@task(takes_context=True)
def hold(context: TaskContext, folder: str) -> int:
    """First attempt: write ``attempt-1`` and wait to be killed. Later attempts finish at once."""
    attempt = context.attempt
    (Path(folder) / f"attempt-{attempt}").write_text(str(os.getpid()))
    if attempt == 1:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the test kills this worker long before
            time.sleep(0.1)
    (Path(folder) / "done").write_text(str(attempt))
    return attempt
