"""Learning's background work, run by ``civility worker``: thin wrappers over its services."""

from __future__ import annotations

from django_tasks import task

from civility.learning import feedback


@task()
def akismet_feedback(comment_id: int, verdict: str) -> bool:
    """Tell Akismet a moderator's verdict on one comment ("spam" or "ham")."""
    return feedback.akismet_feedback(comment_id, verdict)


@task()
def model_adapt(run_id: int) -> str:
    """The scheduled adapt run (queued by the workers' schedule, ``civility.learning.runs``)."""
    from civility.learning.runs import scheduled_adapt

    return scheduled_adapt(run_id)
