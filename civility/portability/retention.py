"""Where comments came from is kept for a while, then forgotten.

A comment's IP address and user agent help moderators and triage with spam and abuse while a
comment is fresh. After ``CIVILITY_IP_RETENTION_DAYS`` (90 by default) they are cleared:
``civility worker`` looks every :data:`EVERY` seconds (beside its other periodic work, see
``civility.background``). The rest of the comment stays.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from civility.comments.models import Comment

log = logging.getLogger(__name__)

#: seconds between a worker's looks (cheap: a range of the created_at index)
EVERY = 3600.0


def addresses_forget(*, days: int | None = None, now: datetime | None = None) -> int:
    """Clear the IP address and user agent of comments older than ``days``
    (``CIVILITY_IP_RETENTION_DAYS``); how many comments. None or 0 days: keep them."""
    days = settings.CIVILITY_IP_RETENTION_DAYS if days is None else days
    if not days:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    stale = Comment.objects.filter(created_at__lt=cutoff).filter(Q(ip_address__isnull=False) | ~Q(user_agent=""))
    return stale.update(ip_address=None, user_agent="")


class RetentionSweeper:
    """The worker's periodic look (``every`` seconds): clears what is past retention."""

    def __init__(self, *, every: float = EVERY) -> None:
        self.every = every

    def sweep(self) -> int:
        cleared = addresses_forget()
        if cleared:
            log.info("cleared the IP address and user agent of %d comment(s) older than %d days", cleared,
                     settings.CIVILITY_IP_RETENTION_DAYS)
        return cleared
