"""Tasks left RUNNING by a worker that died (killed, out of memory, machine lost) run again.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again:
if that worker dies, the task stays RUNNING forever. Every ``civility worker`` therefore
reports to :class:`~civility.background.models.WorkerBeat` every ``lease / 3`` seconds, and
every worker, at start and at each beat, puts back to READY the RUNNING tasks whose last
worker has not reported for ``settings.CIVILITY_WORKER_LEASE`` seconds. After
``settings.CIVILITY_TASK_MAX_ATTEMPTS`` attempts a task is marked FAILED instead, so that a
task that kills its worker (say, out of memory) cannot take every worker down in turn.

Clocks: the beats and the check use each machine's clock; keep them in sync (NTP), well
within the lease.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from civility.background.models import WorkerBeat

log = logging.getLogger(__name__)

class WorkerLost(Exception):
    """The worker running a task stopped reporting (recorded as the task's error)."""


#: how a task's result names the error above
LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


@dataclass(frozen=True)
class Recovered:
    requeued: int = 0
    failed: int = 0


def beat_start(worker_id: str) -> WorkerBeat:
    beat, _ = WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname()[:255], "pid": os.getpid(), "seen_at": timezone.now()})
    return beat


def beat(worker_id: str) -> None:
    if not WorkerBeat.objects.filter(worker_id=worker_id).update(seen_at=timezone.now()):
        beat_start(worker_id)  # removed as stale while this worker was stalled: report again


def beat_stop(worker_id: str) -> None:
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


def tasks_recover(*, lease: float | None = None, max_attempts: int | None = None) -> Recovered:
    """Put tasks of dead workers back in the queue (or fail them after too many attempts)."""
    lease = settings.CIVILITY_WORKER_LEASE if lease is None else lease
    max_attempts = settings.CIVILITY_TASK_MAX_ATTEMPTS if max_attempts is None else max_attempts
    cutoff = timezone.now() - timedelta(seconds=lease)
    recovered = Recovered()
    # Every worker runs this at every beat: look without locking first, and take the queue's
    # write lock (on SQLite, the whole database's) only when a running task's worker is gone.
    if any(_last(ids) not in _live(cutoff) for ids in DBTaskResult.objects.running().values_list("worker_ids",
                                                                                                flat=True)):
        recovered = _requeue(cutoff, max_attempts)
    stale = WorkerBeat.objects.filter(seen_at__lt=cutoff - timedelta(seconds=10 * lease))
    if stale.exists():
        stale.delete()
    return recovered


def _live(cutoff) -> set[str]:
    return set(WorkerBeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True))


def _last(worker_ids: list[str] | None) -> str | None:
    return worker_ids[-1] if worker_ids else None


def _requeue(cutoff, max_attempts: int) -> Recovered:
    requeued = failed = 0
    with exclusive_transaction(DBTaskResult.objects.db):
        live = _live(cutoff)
        for task in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            last = _last(task.worker_ids)
            if last in live:
                continue
            attempts = len(task.worker_ids)
            if attempts >= max_attempts:
                task.set_failed(WorkerLost(f"its worker {last} stopped reporting during attempt {attempts} "
                                           f"of {max_attempts}"))
                failed += 1
                log.error("task %s (%s) failed: its worker %s was lost on attempt %d of %d",
                          task.id, task.task_path, last, attempts, max_attempts)
            else:
                task.status = TaskResultStatus.READY
                task.save(update_fields=["status"])
                requeued += 1
                log.warning("task %s (%s) queued again: its worker %s stopped reporting (attempt %d of %d)",
                            task.id, task.task_path, last, attempts, max_attempts)
    return Recovered(requeued=requeued, failed=failed)
