"""Where notifications hear about comments: the events the comment and decision services send.

A receiver only queues a task (after the sender's transaction commits); the task does the work.
"""

from __future__ import annotations

from civility.background.queue import enqueue_on_commit
from civility.comments.events import comment_status_changed, comment_submitted
from civility.comments.models import Status


def on_status_changed(sender, comments, **kwargs) -> None:
    from civility.notifications import tasks

    ids = [c.pk for c in comments]
    if ids:
        enqueue_on_commit(tasks.comments_decided, ids)


def on_submitted(sender, comment, **kwargs) -> None:
    from civility.notifications import dispatch, tasks

    # a comment waiting for its author to confirm their address arrives when they do
    if comment.status != Status.UNCONFIRMED and dispatch.arrivals_wanted():
        enqueue_on_commit(tasks.comment_arrived, comment.pk)


def connect() -> None:
    comment_submitted.connect(on_submitted, dispatch_uid="civility.notifications.submitted")
    comment_status_changed.connect(on_status_changed, dispatch_uid="civility.notifications.status")
