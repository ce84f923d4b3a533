"""Notification work done by ``civility worker``: idempotent, taking ids (stored as JSON in the queue)."""

from __future__ import annotations

from django_tasks import task

from civility.notifications import dispatch


@task()
def comments_decided(comment_ids: list[int]) -> int:
    """Tell the commenters (and webhooks) what was decided on these comments; how many messages went."""
    return dispatch.comments_decided(comment_ids)


@task()
def comment_arrived(comment_id: int) -> int:
    """A comment joined the queue: webhooks (submitted, high risk, campaign detected), moderators' alerts."""
    return dispatch.comment_arrived(comment_id)


@task()
def confirmation_send(comment_id: int) -> int:
    """Send the author of an unconfirmed comment the link that confirms their address."""
    from civility.notifications import confirmations, outbox

    written = confirmations.confirmation_write(comment_id)
    return outbox.email_deliver(email_ids=[written.pk]) if written else 0


@task()
def notifications_tick() -> int:
    """The periodic work (every ``CIVILITY_PERIODIC_TASKS`` interval): moderators' waiting alerts and
    digests, and messages and deliveries due for another try. Returns how many went out."""
    return dispatch.periodic()
