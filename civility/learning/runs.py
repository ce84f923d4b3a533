"""Adapt runs, by hand or on a schedule, each recorded as an :class:`~civility.learning.models.AdaptRun`.

The schedule: with ``CIVILITY_MODEL_ADAPT`` on, every ``civility worker`` calls :func:`adapt_tick`
about once a minute; the first worker to claim the current slot (``CIVILITY_MODEL_ADAPT_HOURS``
wide, 24 by default: daily) queues one ``model_adapt`` task for it. The slot is a unique column,
so several workers never start two runs for one slot.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from civility.background.queue import enqueue_on_commit
from civility.learning.adapt import AdaptConfig, AdaptError, AdaptResult, model_adapt
from civility.learning.models import AdaptRun
from civility.publishing.models import Site

log = logging.getLogger(__name__)


def adapt_run(*, site: str | None = None, dry_run: bool = False, config: AdaptConfig | None = None,
              run: AdaptRun | None = None, by: str = "civility model adapt",
              log_line: Callable[[str], None] = log.info) -> AdaptResult:
    """:func:`~civility.learning.adapt.model_adapt`, recorded (outcome, versions, numbers)."""
    if run is None:
        run = AdaptRun.objects.create(site=Site.objects.filter(slug=site).first() if site else None)
    try:
        result = model_adapt(site=site, dry_run=dry_run, config=config, by=by, log_line=log_line)
    except AdaptError as exc:
        _finish(run, AdaptRun.Outcome.REFUSED, "", {"error": str(exc)})
        raise
    except Exception as exc:
        _finish(run, AdaptRun.Outcome.FAILED, "", {"error": f"{type(exc).__name__}: {exc}"})
        raise
    outcome = (AdaptRun.Outcome.INSTALLED if result.installed else
               AdaptRun.Outcome.DRY_RUN if dry_run else AdaptRun.Outcome.REFUSED)
    _finish(run, outcome, result.candidate or "", result.as_dict())
    return result


def _finish(run: AdaptRun, outcome: str, version: str, report: dict[str, Any]) -> None:
    run.outcome, run.version, run.report, run.finished_at = outcome, version, report, timezone.now()
    run.save(update_fields=["outcome", "version", "report", "finished_at"])


def current_slot(now: float | None = None) -> int:
    hours = max(1, int(settings.CIVILITY_MODEL_ADAPT_HOURS))
    return int((time.time() if now is None else now) // (hours * 3600))


def adapt_tick(now: float | None = None) -> AdaptRun | None:
    """Queue the scheduled adapt run when its slot has come and no worker took it (None otherwise)."""
    if not settings.CIVILITY_MODEL_ADAPT:
        return None
    slot = current_slot(now)
    if AdaptRun.objects.filter(slot=slot).exists():
        return None
    from civility.learning import tasks

    try:
        with transaction.atomic():
            run = AdaptRun.objects.create(slot=slot)
            enqueue_on_commit(tasks.model_adapt, run.pk)
    except IntegrityError:  # another worker claimed the slot first
        return None
    log.info("scheduled model adaptation queued (run %s)", run.pk)
    return run


def scheduled_adapt(run_id: int) -> str:
    """The scheduled run's work (the ``model_adapt`` task): every site's decisions, a full run."""
    run = AdaptRun.objects.filter(pk=run_id).first()
    if run is None or run.outcome != AdaptRun.Outcome.QUEUED:
        return "gone"  # a task run twice does the work once
    try:
        result = adapt_run(run=run, config=AdaptConfig.full(), by="scheduled adapt")
    except AdaptError as exc:
        log.info("scheduled model adaptation skipped: %s", exc)
        return "refused"
    return "installed" if result.installed else "refused"


class AdaptSchedule:
    """What ``civility worker`` runs about once a minute (beside its other sweeps) when the schedule is on."""

    every = 60.0

    def sweep(self) -> None:
        adapt_tick()
