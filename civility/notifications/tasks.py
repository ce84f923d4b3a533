"""Notification work done by ``civility worker``: idempotent, taking ids (stored as JSON in the queue)."""

from __future__ import annotations

from django_tasks import task

from civility.notifications import commenters, outbox


@task()
def comments_decided(comment_ids: list[int]) -> int:
    """Tell the commenters of these comments what their status now means for them; how many were sent."""
    written = commenters.commenter_emails_for(comment_ids=comment_ids)
    return outbox.email_deliver(email_ids=[e.pk for e in written])


@task()
def notifications_tick() -> int:
    """The periodic work (every ``CIVILITY_PERIODIC_TASKS`` interval): messages due for another try."""
    return outbox.emails_retry()
