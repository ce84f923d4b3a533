"""Workers' heartbeats: how a task left RUNNING by a dead worker is told from a running one."""

from __future__ import annotations

from django.db import models


class WorkerBeat(models.Model):
    """One row per live ``civility worker`` process, touched every few seconds."""

    #: the id the worker records in a task's ``worker_ids`` when it claims it
    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} (pid {self.pid} on {self.hostname})"
