"""The task queue in-process: what gets queued, recovery of dead workers' tasks, the second triage stage."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civility.background.models import WorkerBeat
from civility.background.recovery import LOST, beat_start, tasks_recover
from civility.triage import services, tasks
from civility.triage.models import TriageReport
from civility.triage.registry import Signal, register
from civility.triage.types import Finding
from tests.conftest import submit

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@register("test-background.v1")
class Slow(Signal):
    """Stands in for a slow signal (a remote service) in the background stage."""

    labels = ("spam",)
    requires = ("lang",)
    fail = False

    def __call__(self, doc):
        if Slow.fail:
            raise RuntimeError("the service is down")
        doc.add(Finding("spam", 0.9, "the remote service says spam", evidence={"kind": "remote"}))


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def background(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "langid.v1"}]
    settings.CIVILITY_TRIAGE_BACKGROUND = [{"signal": "test-background.v1"}]
    Slow.fail = False
    yield
    Slow.fail = False


def claimed(worker_id: str, *, attempts: int = 1) -> DBTaskResult:
    result = tasks.campaign_rescore.enqueue(12345)
    row = DBTaskResult.objects.get(id=result.id)
    for n in range(attempts):
        row.claim(worker_id if n == attempts - 1 else f"earlier-{n}")
    return row


@pytest.mark.django_db
def test_a_task_of_a_worker_that_stopped_reporting_is_queued_again(queue):
    dead = claimed("dead-worker")
    beat_start("dead-worker")
    WorkerBeat.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    alive = claimed("live-worker")
    beat_start("live-worker")
    orphan = claimed("never-reported")

    assert tasks_recover(lease=30, max_attempts=3).requeued == 2
    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses[dead.id] == statuses[orphan.id] == TaskResultStatus.READY
    assert statuses[alive.id] == TaskResultStatus.RUNNING
    # a re-queued task is picked up like a new one, and its attempts are counted
    assert DBTaskResult.objects.ready().filter(id=dead.id).exists()
    assert DBTaskResult.objects.get(id=dead.id).task_result.attempts == 1
    again = DBTaskResult.objects.get(id=dead.id)
    again.claim("next-worker")
    assert DBTaskResult.objects.get(id=dead.id).task_result.attempts == 2


@pytest.mark.django_db
def test_a_task_that_keeps_losing_its_worker_fails_after_the_last_attempt(queue):
    row = claimed("dead-worker", attempts=3)
    recovered = tasks_recover(lease=30, max_attempts=3)
    assert (recovered.requeued, recovered.failed) == (0, 1)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == LOST
    assert "stopped reporting during attempt 3 of 3" in row.traceback


@pytest.mark.django_db
def test_stale_worker_rows_are_cleaned_up(queue):
    beat_start("long-gone")
    WorkerBeat.objects.update(seen_at=timezone.now() - timedelta(hours=1))
    tasks_recover(lease=30, max_attempts=3)
    assert not WorkerBeat.objects.exists()


@pytest.mark.django_db
def test_a_growing_campaign_queues_its_rescore_after_commit(queue, settings, article):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "duplicates.v1"}]
    text = "Stop the biased coverage! This newspaper never mentions the refugees from the other side at all."
    with TestCase.captureOnCommitCallbacks(execute=True):
        submit(article, text, email="one@example.org")
    assert not DBTaskResult.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=False) as pending:
        submit(article, text.upper(), email="two@example.org")
    assert not DBTaskResult.objects.exists()  # nothing before the commit
    for callback in pending:
        callback()
    row = DBTaskResult.objects.get()
    assert row.task_path == "civility.triage.tasks.campaign_rescore"
    assert row.status == TaskResultStatus.READY


@pytest.mark.django_db
def test_the_background_stage_is_queued_once_the_comment_is_stored(queue, background, article):
    with TestCase.captureOnCommitCallbacks(execute=True):
        comment = submit(article, "A perfectly civil remark about the corridor.")
    row = DBTaskResult.objects.get()
    assert (row.task_path, row.args_kwargs["args"]) == ("civility.triage.tasks.triage_background", [comment.pk])
    # stored and queued with the synchronous report; nothing from the slow signal yet
    report = TriageReport.objects.get(comment=comment).report
    assert "test-background.v1" not in report["versions"]


@pytest.mark.django_db
def test_the_background_findings_are_merged_into_the_stored_report(background, article):
    with TestCase.captureOnCommitCallbacks(execute=True):  # immediate backend: runs on commit
        comment = submit(article, "A perfectly civil remark about the corridor.")
    report = TriageReport.objects.get(comment=comment).report
    assert [f["label"] for f in report["flags"]] == ["spam"]
    assert report["scores"]["spam"] == 0.9
    assert report["versions"]["test-background.v1"] == "test-background.v1"
    assert "normalize.v1" in report["versions"]  # the first stage's record is kept
    comment.refresh_from_db()
    assert comment.risk == report["risk"] > 0.5

    # running it again (a worker died after merging) changes nothing
    assert services.triage_background(comment.pk) is True
    again = TriageReport.objects.get(comment=comment).report
    assert again == report


@pytest.mark.django_db
def test_a_failing_background_signal_marks_the_report_incomplete_until_it_succeeds(background, article):
    Slow.fail = True
    with TestCase.captureOnCommitCallbacks(execute=True):
        comment = submit(article, "A perfectly civil remark about the corridor.")
    report = TriageReport.objects.get(comment=comment).report
    assert report["complete"] is False
    assert report["errors"] == [{"signal": "test-background.v1", "error": "RuntimeError: the service is down"}]
    Slow.fail = False
    services.triage_background(comment.pk)
    report = TriageReport.objects.get(comment=comment).report
    assert report["complete"] is True and report["errors"] == []


@pytest.mark.django_db
def test_without_a_background_stage_nothing_is_queued(queue, article):
    with TestCase.captureOnCommitCallbacks(execute=True):
        comment = submit(article, "A perfectly civil remark.")
    assert not DBTaskResult.objects.exists()
    assert services.triage_background(comment.pk) is False


def test_a_background_stage_that_needs_the_normalised_text_must_list_its_provider(settings):
    from civility.triage.checks import triage_background_check

    settings.CIVILITY_TRIAGE_BACKGROUND = [{"signal": "wordlist.v1"}]
    errors = triage_background_check(None)
    assert [e.id for e in errors] == ["civility.T003"]
    assert "Fix CIVILITY_TRIAGE_BACKGROUND" in errors[0].hint
    settings.CIVILITY_TRIAGE_BACKGROUND = [{"signal": "normalize.v1"}, {"signal": "wordlist.v1"}]
    assert triage_background_check(None) == []


@pytest.mark.django_db
def test_rerun_can_queue_one_task_per_pending_comment(queue, article):
    with TestCase.captureOnCommitCallbacks(execute=True):
        first, second = submit(article, "One."), submit(article, "Two.", email="two@example.org")
    call_command("triage", "rerun", "--queue")
    rows = DBTaskResult.objects.filter(task_path="civility.triage.tasks.triage_again")
    assert sorted(r.args_kwargs["args"][0] for r in rows) == [first.pk, second.pk]


@pytest.mark.django_db
def test_rerun_queue_needs_a_queue(article):
    with pytest.raises(CommandError, match="has no queue; run `civility triage rerun` without --queue"):
        call_command("triage", "rerun", "--queue")


def test_the_worker_refuses_a_backend_without_a_queue():
    with pytest.raises(CommandError, match=r"runs tasks where they are enqueued; there is nothing for a worker"):
        call_command("worker")
