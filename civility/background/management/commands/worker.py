"""``civility worker``: run queued background tasks (triage's second stage, campaign re-scores,
notifications), and queue the periodic ones (``CIVILITY_PERIODIC_TASKS``).

Wraps django-tasks-db's worker loop and adds what it lacks: a heartbeat, recovery of
tasks whose worker died mid-task (``civility.background.recovery``), triage of comments
stored without a report by a server that crashed (``civility.triage.recovery``), and the
clearing of old comments' IP addresses (``civility.portability.retention``). Run one per core,
on any machine with the app servers' environment (docs/deploy.md).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections, connections
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks import DEFAULT_TASK_QUEUE_NAME, task_backends
from django_tasks_db.management.commands.db_worker import Worker, valid_interval, valid_max_tasks
from django_tasks_db.models import DBTaskResult

from civility.background import recovery
from civility.background.queue import backend_name, has_queue
from civility.readiness import require_migrated

log = logging.getLogger("civility.background.worker")


class Command(BaseCommand):
    help = "Run queued background tasks (start one per core; docs/deploy.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue", default=DEFAULT_TASK_QUEUE_NAME,
                            help="queues to run, comma-separated, or '*' for all (default: %(default)s)")
        parser.add_argument("--interval", type=valid_interval, default=1.0,
                            help="seconds between looks at an empty queue (default: %(default)s)")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--max-tasks", type=valid_max_tasks, default=None, help="exit after this many tasks")
        # `civility serve` starts a worker with this: it stops when serve does, however serve ends.
        parser.add_argument("--stop-with-parent", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, queue: str, interval: float, batch: bool, max_tasks: int | None,
               stop_with_parent: bool, **opts) -> None:
        if not has_queue():
            raise CommandError(
                f"The task backend ({backend_name()}) runs tasks where they are enqueued; there is nothing for "
                f"a worker to do. Set CIVILITY_TASKS_BACKEND=database (the default) on the app servers and here.")
        backend = task_backends["default"]
        require_migrated(hint="Run `civility migrate` first.")
        worker_id = f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(8)}"
        recovery.beat_start(worker_id)
        recovery.tasks_recover()
        stop = threading.Event()
        beats = threading.Thread(target=_beat, args=(worker_id, stop, os.getppid() if stop_with_parent else None),
                                 name="civility-worker-beat", daemon=True)
        beats.start()
        # periodic work, one after the other in one thread (on SQLite, two writers would only wait
        # on each other): triage recovery, and the clearing of addresses past CIVILITY_IP_RETENTION_DAYS
        sweeps = threading.Thread(target=_sweep, args=([recovery_sweeper(), retention_sweeper()], stop),
                                  name="civility-sweeps", daemon=True)
        sweeps.start()
        periodic = threading.Thread(target=_periodic, args=(stop,), name="civility-periodic", daemon=True)
        periodic.start()
        schedule = None
        if settings.CIVILITY_MODEL_ADAPT:  # the classifier adapts to decisions (civility.learning.runs)
            from civility.learning.runs import AdaptSchedule

            schedule = threading.Thread(target=_sweep, args=([AdaptSchedule()], stop), name="civility-adapt-schedule",
                                        daemon=True)
            schedule.start()
        self.stdout.write(f"civility worker {worker_id}: queues {queue}, lease {settings.CIVILITY_WORKER_LEASE:g} s")
        self.stdout.flush()
        worker = Worker(queue_names=queue.split(","), interval=interval, batch=batch,
                        backend_name=backend.alias, startup_delay=False, max_tasks=max_tasks,
                        worker_id=worker_id, excluded_queue_names=[])
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
            beats.join(timeout=5)
            sweeps.join(timeout=5)
            periodic.join(timeout=5)
            if schedule is not None:
                schedule.join(timeout=5)
            recovery.beat_stop(worker_id)


def recovery_sweeper():
    from civility.triage.recovery import Sweeper

    return Sweeper()


def retention_sweeper():
    from civility.portability.retention import RetentionSweeper

    return RetentionSweeper()


def _sweep(sweepers: list, stop: threading.Event) -> None:
    """Run each sweeper now, then every ``sweeper.every`` seconds: triage recovery looks at all
    untriaged comments first, then every CIVILITY_TRIAGE_RECOVERY_EVERY seconds at those stored
    since; the retention sweep clears old addresses every hour. Its own thread: a long first look
    after an outage must hold up neither the tasks nor the heartbeat."""
    due = [0.0] * len(sweepers)
    try:
        while not stop.is_set():
            close_old_connections()
            for i, sweeper in enumerate(sweepers):
                if time.monotonic() < due[i]:
                    continue
                try:
                    sweeper.sweep()
                except Exception:  # the database may be briefly away; the next look tries again
                    log.exception("periodic work failed: %s", type(sweeper).__name__)
                due[i] = time.monotonic() + sweeper.every
            stop.wait(max(0.0, min(due) - time.monotonic()))
    finally:
        connections.close_all()


def _periodic(stop: threading.Event) -> None:
    """Queue each of ``CIVILITY_PERIODIC_TASKS`` every its interval, unless one is still waiting
    (several workers then queue it about once per interval between them)."""
    due = dict.fromkeys(settings.CIVILITY_PERIODIC_TASKS, 0.0)
    try:
        while not stop.is_set():
            now = time.monotonic()
            for path, every in settings.CIVILITY_PERIODIC_TASKS.items():
                if now < due[path]:
                    continue
                due[path] = now + every
                close_old_connections()
                try:
                    periodic_enqueue(path)
                except Exception:  # the database may be briefly away; the next round tries again
                    log.exception("could not queue the periodic task %s", path)
            stop.wait(max(1.0, min(due.values(), default=now + 60) - time.monotonic()))
    finally:
        connections.close_all()


def periodic_enqueue(path: str) -> bool:
    """Queue the task at ``path`` unless one is already waiting; True when queued."""
    if DBTaskResult.objects.ready().filter(task_path=path).exists():
        return False
    import_string(path).enqueue()
    return True


def _beat(worker_id: str, stop: threading.Event, parent: int | None) -> None:
    """Report every lease/3 seconds and recover dead workers' tasks; stop when the parent is gone."""
    every = settings.CIVILITY_WORKER_LEASE / 3
    try:
        while not stop.wait(every):
            if parent is not None and os.getppid() != parent:
                log.info("the server that started this worker has stopped; stopping")
                os.kill(os.getpid(), signal.SIGTERM)
                return
            # outside Django's request cycle nothing else drops a connection that broke (a
            # database restart): without this every later beat would fail on the dead one
            close_old_connections()
            try:
                recovery.beat(worker_id)
                recovery.tasks_recover()
            except Exception:  # the database may be briefly away; the next beat tries again
                log.exception("worker heartbeat failed")
    finally:
        connections.close_all()


