"""Defect 7 of the hardening issue: a comment stored just before a crash stays untriaged.

A submission commits the comment, then triages it; a crash in between left the comment with
no report (risk 0, last in the queue) until someone ran ``triage rerun``. Workers now find
such comments when they start and every CIVILITY_TRIAGE_RECOVERY_EVERY seconds after, and
``serve`` does at start-up when there is no worker.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from civility.comments.models import Comment, Status
from civility.triage.models import TriageReport
from civility.triage.recovery import GRACE, Sweeper, comments_untriaged, triage_missing
from civility.triage.services import triage_text
from tests.background.test_worker_process import ROOT, env, query, start, stop, wait_for  # noqa: F401
from tests.conftest import submit

pytestmark = pytest.mark.django_db

RUDE = "You are a stupid idiot and everyone here hates your pathetic lies."


def crashed(article, body: str = RUDE, *, age: float = GRACE + 5, email: str = "r@example.org") -> Comment:
    """A comment as a crash between storing and triaging leaves it: stored, no report."""
    comment = Comment.objects.create(article=article, author_name="Reader", author_email=email, body=body)
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(seconds=age))
    return comment


def test_a_comment_without_a_report_is_triaged(article):
    comment = crashed(article)
    assert triage_missing() == 1
    comment.refresh_from_db()
    report = TriageReport.objects.get(comment=comment)
    assert comment.risk == report.report["risk"] > 0
    assert report.report["flags"] and report.flag_labels  # the text's own flags, as a fresh submission gets
    assert {f["label"] for f in report.report["flags"]} >= {f["label"] for f in triage_text(RUDE).flags}
    assert triage_missing() == 0  # once


def test_a_comment_its_request_may_still_be_triaging_is_left_alone(article):
    young = crashed(article, age=GRACE / 2)
    assert triage_missing() == 0
    assert not TriageReport.objects.filter(comment=young).exists()


def test_triaged_and_decided_comments_are_not_touched(article, moderator):
    ok = submit(article, "A civil remark about the corridor.")
    before = TriageReport.objects.get(comment=ok).updated_at
    decided = crashed(article, email="d@example.org")
    Comment.objects.filter(pk=decided.pk).update(status=Status.REJECTED)
    assert triage_missing() == 0
    assert TriageReport.objects.get(comment=ok).updated_at == before


def test_the_periodic_look_finds_comments_stored_since_the_last_one(article, settings):
    sweeper = Sweeper(every=60)
    first = crashed(article, age=3600)  # from long before the worker started
    assert sweeper.sweep() == 1
    later = crashed(article, email="later@example.org")  # stored just after the first look began
    assert sweeper.sweep() == 1
    assert TriageReport.objects.filter(comment__in=[first, later]).count() == 2
    assert sweeper.sweep() == 0


def test_serve_triages_at_start_up_when_there_is_no_worker(article, settings):
    from civility.web.management.commands.serve import _triage_recover

    comment = crashed(article)
    _triage_recover()  # the test settings run tasks inline: no queue, so serve does it
    assert TriageReport.objects.filter(comment=comment).exists()


def test_serve_leaves_it_to_the_workers_when_there_is_a_queue(article, settings):
    from civility.web.management.commands.serve import _triage_recover

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    comment = crashed(article)
    _triage_recover()
    assert not TriageReport.objects.filter(comment=comment).exists()


CREATE = """
from datetime import timedelta
from django.utils import timezone
from civility.comments.models import Comment
from civility.publishing.models import Article, Site
site, _ = Site.objects.get_or_create(slug="gazette", defaults={{"name": "Gazette"}})
article, _ = Article.objects.get_or_create(site=site, key="crash", defaults={{"title": "Crash"}})
c = Comment.objects.create(article=article, author_name="R", author_email="{email}", body={body!r})
Comment.objects.filter(pk=c.pk).update(created_at=timezone.now() - timedelta(seconds={age}))
print(c.pk)
"""


def _stored_without_report(environment: dict[str, str], *, email: str, age: float) -> int:
    out = subprocess.run([sys.executable, "-m", "civility.cli", "shell", "-c",
                          CREATE.format(email=email, body=RUDE, age=age)],
                         env=environment, cwd=ROOT, capture_output=True, text=True, check=True, timeout=60)
    return int(out.stdout.split()[-1])


@pytest.mark.django_db(transaction=False)
def test_a_real_worker_triages_at_start_and_then_periodically(tmp_path, env):  # noqa: F811 (the fixture)
    env = env | {"CIVILITY_TRIAGE_RECOVERY_EVERY": "1"}
    before = _stored_without_report(env, email="before@example.org", age=3600)
    reported = lambda pk: bool(query(tmp_path, "SELECT 1 FROM triage_triagereport WHERE comment_id = ?", pk))  # noqa: E731
    log = tmp_path / "worker.log"
    worker = start(["worker", "--interval", "0.2"], env, log)
    try:
        wait_for(lambda: reported(before), "the start-up look to triage the earlier comment", log)
        during = _stored_without_report(env, email="during@example.org", age=GRACE + 1)
        wait_for(lambda: reported(during), "a periodic look to triage the comment stored meanwhile", log)
    finally:
        stop(worker)
    [(risk,)] = query(tmp_path, "SELECT risk FROM comments_comment WHERE id = ?", during)
    assert risk > 0


def test_the_periodic_look_reads_a_range_of_the_created_at_index():
    """Every minute in every worker: it must not walk the whole queue (SQLite's plan)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the plan is checked on SQLite, which has no statistics to change its mind")
    now = timezone.now()
    sql, params = comments_untriaged(since=now - timedelta(minutes=3), before=now).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "SEARCH comments_comment USING INDEX comments_comment_created_at" in plan, plan
    assert "created_at>? AND created_at<?" in plan, plan
