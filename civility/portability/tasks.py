"""Background work of the portability room, run by ``civility worker``; each task is idempotent."""

from __future__ import annotations

from django_tasks import task

from civility.portability import importing


@task()
def triage_imported(comment_ids: list[int]) -> int:
    """Triage imported comments that have no report yet (how many were triaged)."""
    return importing.imported_triage(comment_ids)
