"""Periodic tasks: a worker queues each of CIVILITY_PERIODIC_TASKS, once while one is waiting."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from civility.background.management.commands.worker import periodic_enqueue

PATH = "civility.notifications.tasks.notifications_tick"


@pytest.mark.django_db
def test_a_periodic_task_is_queued_once_while_one_waits(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert PATH in settings.CIVILITY_PERIODIC_TASKS
    assert periodic_enqueue(PATH) is True
    assert periodic_enqueue(PATH) is False  # another worker's round: one is already waiting
    assert DBTaskResult.objects.filter(task_path=PATH).count() == 1
    DBTaskResult.objects.update(status="SUCCESSFUL")
    assert periodic_enqueue(PATH) is True


@pytest.mark.django_db
def test_the_tick_can_be_run_by_hand(capsys):
    call_command("notifications", "tick")
    assert "notifications: 0 sent" in capsys.readouterr().out
