"""What ``/metrics`` reports, in the Prometheus text format (prometheus-client).

Two kinds of series:

- **counted as things happen**, from the events other rooms already send: submissions
  (``comment_submitted``), decisions by action and reason (each ``Decision`` row, once its
  transaction commits), triage time (``comment_triaged``), rate-limit refusals
  (``rate_limited``), and the latency of every HTTP request (:func:`observed`, around the
  WSGI application, so the thread's fast path is timed too). Counters start at zero when
  the server starts; Prometheus' ``rate()`` and ``increase()`` are made for that.
- **read from the database when scraped** (:class:`DatabaseCollector`): pending comments,
  the age of the oldest one, and background tasks by state (failed ones included). These
  are true for the whole deployment, whichever app server is asked, and include what
  ``civility worker`` processes on other machines did.

Under ``civility serve --production`` each gunicorn worker writes its counters to files in
``PROMETHEUS_MULTIPROC_DIR`` (:mod:`civility.observability.multiprocess`) and the answering
worker adds them all up.
"""

from __future__ import annotations

import logging
import os
import time

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily

log = logging.getLogger(__name__)

#: one registry of our own (not prometheus-client's global one, which other libraries share)
REGISTRY = CollectorRegistry(auto_describe=True)

SUBMITTED = Counter("civility_comments_submitted", "Comments stored (pending or approved by a site rule).",
                    registry=REGISTRY)
DECIDED = Counter("civility_decisions", "Decisions written to the audit log, by action and rejection reason "
                  "(reason 'none' for approvals and undos).", ["action", "reason"], registry=REGISTRY)
TRIAGE_SECONDS = Histogram("civility_triage_duration_seconds",
                           "Time to triage a stored comment (the first, in-request stage).",
                           buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10), registry=REGISTRY)
RATE_LIMITED = Counter("civility_rate_limited", "Requests refused by a rate limit, by limit.", ["limit"],
                       registry=REGISTRY)
HTTP_SECONDS = Histogram("civility_http_request_duration_seconds",
                         "Time to answer an HTTP request, by method, route and status class.",
                         ["method", "route", "status"],
                         buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
                         registry=REGISTRY)

#: the environ key where the route of a request is noted (:class:`civility.observability.middleware.RouteTag`,
#: and the thread's fast path)
ROUTE_KEY = "civility.route"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def observed(app):
    """The WSGI application, timing every request into :data:`HTTP_SECONDS`."""

    def application(environ, start_response):
        started = time.perf_counter()
        status = ["5"]  # an application that raises answers 500

        def start(line, headers, exc_info=None):
            status[0] = line[:1]
            return start_response(line, headers, exc_info)

        try:
            return app(environ, start)
        finally:
            method = environ.get("REQUEST_METHOD", "")
            HTTP_SECONDS.labels(method if method in _METHODS else "other", environ.get(ROUTE_KEY, "unmatched"),
                                f"{status[0]}xx").observe(time.perf_counter() - started)

    return application


class DatabaseCollector:
    """Gauges computed from the database at each scrape (a few indexed counts)."""

    def describe(self):
        return []  # without it the registry would collect (query the database) when this is registered

    def collect(self):
        from django.db.models import Count, Min
        from django.utils import timezone
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        from civility.comments.models import Comment, Status

        up = GaugeMetricFamily("civility_metrics_database_up", "1 when the database answered this scrape.")
        try:
            pending = Comment.objects.filter(status=Status.PENDING).aggregate(n=Count("pk"), oldest=Min("created_at"))
            tasks = dict(DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING,
                                                                 TaskResultStatus.FAILED])
                         .values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        except Exception:
            log.exception("metrics: the database did not answer")
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily("civility_comments_pending", "Comments waiting for a moderator.", value=pending["n"])
        age = (timezone.now() - pending["oldest"]).total_seconds() if pending["oldest"] else 0.0
        yield GaugeMetricFamily("civility_comments_oldest_pending_age_seconds",
                                "How long the oldest pending comment has waited (0 when none waits).", value=age)
        family = GaugeMetricFamily("civility_background_tasks",
                                   "Background tasks by state: queued (ready), running, failed "
                                   "(failed ones stay until deleted).", labels=["state"])
        for status, state in ((TaskResultStatus.READY, "queued"), (TaskResultStatus.RUNNING, "running"),
                              (TaskResultStatus.FAILED, "failed")):
            family.add_metric([state], tasks.get(status, 0))
        yield family


REGISTRY.register(DatabaseCollector())


def registry() -> CollectorRegistry:
    """What a scrape reports: this process's series, or, in multiprocess mode, every worker's."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    from prometheus_client import multiprocess

    scrape = CollectorRegistry()
    multiprocess.MultiProcessCollector(scrape)
    scrape.register(DatabaseCollector())
    return scrape


# --- receivers of the events other rooms send ---

def _submitted(sender, comment, **kwargs) -> None:
    SUBMITTED.inc()


def _decision_saved(sender, instance, created: bool, **kwargs) -> None:
    if created:
        from django.db import transaction

        labels = (instance.action, instance.reason or "none")
        transaction.on_commit(lambda: DECIDED.labels(*labels).inc())


def _triaged(sender, seconds: float, **kwargs) -> None:
    TRIAGE_SECONDS.observe(seconds)


def _rate_limited(sender, limit: str, **kwargs) -> None:
    RATE_LIMITED.labels(limit).inc()


def connect() -> None:
    from django.db.models.signals import post_save

    from civility.comments.events import comment_submitted
    from civility.moderation.models import Decision
    from civility.ratelimit import rate_limited
    from civility.triage.events import comment_triaged

    comment_submitted.connect(_submitted, dispatch_uid="civility-metrics-submitted")
    post_save.connect(_decision_saved, sender=Decision, dispatch_uid="civility-metrics-decision")
    comment_triaged.connect(_triaged, dispatch_uid="civility-metrics-triaged")
    rate_limited.connect(_rate_limited, dispatch_uid="civility-metrics-rate-limited")
