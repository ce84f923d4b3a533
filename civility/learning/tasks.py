"""Learning's background work, run by ``civility worker``: thin wrappers over its services."""

from __future__ import annotations

from django_tasks import task

from civility.learning import feedback


@task()
def akismet_feedback(comment_id: int, verdict: str) -> bool:
    """Tell Akismet a moderator's verdict on one comment ("spam" or "ham")."""
    return feedback.akismet_feedback(comment_id, verdict)
