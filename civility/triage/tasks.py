"""Triage work done by ``civility worker``: thin wrappers over the services, all idempotent.

Each task takes ids, not objects (arguments are stored as JSON in the queue), and
running one twice leaves the same result as running it once: a worker that dies
mid-task gets its task run again (``civility.background.recovery``).
"""

from __future__ import annotations

from django_tasks import task

from civility.triage import services


@task()
def campaign_rescore(campaign_id: int) -> int:
    """Bring a grown campaign's pending members up to its size (how many changed)."""
    return services.campaign_rescore(campaign_id)


@task()
def triage_background(comment_id: int) -> bool:
    """Run the background stage (``CIVILITY_TRIAGE_BACKGROUND``) and merge its findings."""
    return services.triage_background(comment_id)


@task()
def triage_again(comment_id: int) -> bool:
    """Re-score one comment with the current pipeline (``civility triage rerun --queue``)."""
    return services.triage_again(comment_id)
