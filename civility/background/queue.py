"""Enqueueing from services."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django_tasks.base import Task

log = logging.getLogger(__name__)


def enqueue_on_commit(task: Task, *args: Any) -> None:
    """Enqueue ``task(*args)`` once the current transaction commits (at once outside one).

    Nothing is queued for work that was rolled back, and a worker never picks up a task
    before the rows it needs are visible. A queue that cannot be written is logged and
    does not undo the caller's committed work.
    """

    def enqueue() -> None:
        try:
            task.enqueue(*args)
        except Exception:
            log.exception("could not enqueue %s%r", task.name, args)

    transaction.on_commit(enqueue)


def has_queue() -> bool:
    """Do tasks wait in the database queue for ``civility worker`` (rather than run at once)?"""
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def backend_name() -> str:
    """The configured task backend's class, for messages."""
    from django_tasks import task_backends

    return type(task_backends["default"]).__name__
