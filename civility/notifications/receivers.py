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


def on_listeners_changed(sender, **kwargs) -> None:
    from civility.notifications import dispatch

    dispatch.arrivals_changed()


def on_site_settings_changed(sender, **kwargs) -> None:
    from civility.notifications import confirmations

    confirmations.sites_changed()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from civility.notifications.models import ModeratorAlerts, SiteNotifications, Webhook

    comment_submitted.connect(on_submitted, dispatch_uid="civility.notifications.submitted")
    post_save.connect(on_listeners_changed, sender=Webhook, dispatch_uid="civility.notifications.webhook-saved")
    post_delete.connect(on_listeners_changed, sender=Webhook, dispatch_uid="civility.notifications.webhook-deleted")
    post_save.connect(on_listeners_changed, sender=ModeratorAlerts, dispatch_uid="civility.notifications.alerts-saved")
    post_delete.connect(on_listeners_changed, sender=ModeratorAlerts,
                        dispatch_uid="civility.notifications.alerts-deleted")
    post_save.connect(on_site_settings_changed, sender=SiteNotifications,
                      dispatch_uid="civility.notifications.site-saved")
    post_delete.connect(on_site_settings_changed, sender=SiteNotifications,
                        dispatch_uid="civility.notifications.site-deleted")
    comment_status_changed.connect(on_status_changed, dispatch_uid="civility.notifications.status")
