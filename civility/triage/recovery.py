"""Comments that were stored but never triaged get their report.

A submission commits the comment first and triages it straight after (so that a failing
signal can never lose a comment). A crash between the two (the app server killed, the
machine lost) leaves a pending comment with no report: risk 0, so it sorts last in the
queue, with no flags to explain it. Nothing in the request path comes back for it, so:

- ``civility worker`` triages every such comment when it starts, then every
  ``CIVILITY_TRIAGE_RECOVERY_EVERY`` seconds looks again at the comments stored since its
  previous look (a short range of the ``created_at`` index, however large the queue);
- ``civility serve`` does it at start-up when there is no task queue (no worker will);
  plain ``civility serve`` has its worker child do it.

A comment younger than :data:`GRACE` is left alone: its own request may still be triaging it.
Running this twice, or in several workers at once, gives each comment one report.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from civility.comments.models import Comment, Status
from civility.triage.services import triage_comment

log = logging.getLogger(__name__)

#: seconds a stored comment is left to the request that stored it
GRACE = 60.0
#: how far a look reaches back before the previous one started (clocks of different machines)
SKEW = timedelta(seconds=60)


def comments_untriaged(*, since: datetime | None = None, before: datetime | None = None) -> QuerySet[Comment]:
    """Pending comments without a triage report, stored in [since, before), oldest first."""
    comments = Comment.objects.filter(status=Status.PENDING, triage__isnull=True)
    if since is not None:
        comments = comments.filter(created_at__gte=since)
    if before is not None:
        comments = comments.filter(created_at__lt=before)
    return comments.order_by("created_at", "pk")


def triage_missing(*, since: datetime | None = None, grace: float = GRACE, now: datetime | None = None) -> int:
    """Triage the pending comments stored since ``since`` (all, by default) and at least
    ``grace`` seconds ago that have no report; how many were triaged."""
    before = (now or timezone.now()) - timedelta(seconds=grace)
    pks = list(comments_untriaged(since=since, before=before).values_list("pk", flat=True))
    done = 0
    for pk in pks:
        with transaction.atomic():
            # another worker may be at it too: whoever holds the row triages it, once
            comment = (Comment.objects.select_for_update(skip_locked=True, of=("self",))
                       .filter(pk=pk, status=Status.PENDING, triage__isnull=True).first())
            if comment is None:
                continue
            triage_comment(comment, new=True)
            done += 1
    if done:
        log.warning("triaged %d stored comment(s) that had no triage report (a crash between storing "
                    "and triaging)", done)
    return done


class Sweeper:
    """A worker's looks for untriaged comments: all of them first, then only those stored
    since the previous look began (less the grace and clock skew)."""

    def __init__(self, *, every: float | None = None, grace: float = GRACE) -> None:
        self.every = settings.CIVILITY_TRIAGE_RECOVERY_EVERY if every is None else every
        self.grace = grace
        self._began: datetime | None = None

    def sweep(self) -> int:
        began = timezone.now()
        since = None if self._began is None else self._began - timedelta(seconds=self.grace) - SKEW
        done = triage_missing(since=since, grace=self.grace, now=began)
        self._began = began
        return done
