"""Background work of the portability room, run by ``civility worker``; each task is idempotent."""

from __future__ import annotations

from django_tasks import task

from civility.portability import importing


@task()
def triage_imported(comment_ids: list[int]) -> int:
    """Triage comments that have no report yet: imported ones, or erased pending ones (how many)."""
    return importing.imported_triage(comment_ids)
