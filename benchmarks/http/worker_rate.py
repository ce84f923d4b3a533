"""Triage tasks per second through ``civility worker``: the queue, the worker processes, the task.

Stores pending comments, enqueues one ``triage_again`` task for each (the database task
queue), starts one ``civility worker`` per core and counts finished tasks for ``seconds``
from the first one done (so the workers' start-up is not counted). Per-task latency is the
task's own run time (``started_at`` → ``finished_at``), not its wait in the queue.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

from django.db import connections, transaction

from benchmarks.http import stack
from benchmarks.http.triage_rate import Throughput, store


def available() -> bool:
    from civility.background.queue import has_queue

    return has_queue()


def measure(texts: list[str], *, seconds: float, processes: int, rng: random.Random, env: dict[str, str],
            log: Path) -> Throughput:
    from django_tasks_db.models import DBTaskResult

    from civility.triage.tasks import triage_again

    ids = store(texts, rng)
    with transaction.atomic():  # one commit, not one per task
        for pk in ids:
            triage_again.enqueue(pk)
    connections.close_all()
    done = DBTaskResult.objects.filter(task_path__endswith="triage_again", status="SUCCESSFUL")
    with log.open("w") as out:
        workers = [subprocess.Popen([str(stack.BIN / "civility"), "worker"], env=env,  # noqa: S603
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
                   for _ in range(processes)]
    try:
        first_at, first = None, 0
        give_up = time.monotonic() + seconds + 120
        while time.monotonic() < give_up:
            time.sleep(0.25)
            count = done.count()
            now = time.monotonic()
            if first_at is None and count:
                first_at, first = now, count
            if first_at is not None and (now - first_at >= seconds or count == len(ids)):
                break
    finally:
        for process in workers:
            process.send_signal(signal.SIGTERM)  # finishes its current task, then exits
        for process in workers:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    if first_at is None:
        return Throughput(0, 0.0, [], processes)
    finished = list(done.filter(finished_at__isnull=False).order_by("finished_at")
                    .values_list("started_at", "finished_at"))[first:count]
    latencies = [(end - start).total_seconds() * 1000 for start, end in finished if start]
    return Throughput(count - first, now - first_at, latencies, processes)
