"""Notifications: readers and moderators hear about what happened, by email and webhooks.

Nothing here is called by the services that submit or decide comments. ``receivers.py``
listens to the events they already send (``comment_submitted``, ``comment_status_changed``)
and queues a background task; the task writes each message to the outbox (``Email``) once,
under a key that makes running it twice harmless, and sends it. A message that could not
be sent stays in the outbox and is tried again with backoff by ``notifications_tick``,
which ``civility worker`` runs every minute. A decision is committed before any of this
starts, so a mail server that is down can neither lose nor slow one.
"""

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "civility.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from civility.notifications import receivers

        receivers.connect()
