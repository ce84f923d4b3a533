"""The one service that stores every format: site choice, clear errors, background triage, progress."""

from pathlib import Path

import pytest
from django.core.management.base import CommandError

from civility.comments.models import Comment
from civility.portability.importing import import_run
from civility.publishing.models import Site
from civility.triage.models import TriageReport
from tests.portability.helpers import SAMPLES, run_import

pytestmark = pytest.mark.django_db


def test_clear_errors_for_bad_arguments(site, tmp_path):
    with pytest.raises(CommandError, match="invalid choice"):
        run_import("blogger", SAMPLES / "disqus.xml")
    with pytest.raises(CommandError, match="no file"):
        run_import("disqus", tmp_path / "missing.xml")
    with pytest.raises(CommandError, match="no site with the slug 'elsewhere'"):
        run_import("disqus", SAMPLES / "disqus.xml", "--site", "elsewhere")
    Site.objects.create(name="Second", slug="second")
    with pytest.raises(CommandError, match="--site"):
        run_import("disqus", SAMPLES / "disqus.xml")
    run_import("disqus", SAMPLES / "disqus.xml", "--site", "second")
    assert set(Comment.objects.values_list("article__site__slug", flat=True)) == {"second"}


def test_no_site_yet(db):
    with pytest.raises(CommandError, match="no site yet"):
        run_import("wordpress", SAMPLES / "wordpress.xml")


def test_imported_comments_are_triaged_once_the_import_commits(site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        run_import("disqus", SAMPLES / "disqus.xml")
    assert not TriageReport.objects.exists()  # nothing before the commit …
    for callback in queued:
        callback()
    assert TriageReport.objects.count() == Comment.objects.count() == 6  # … then every comment, once
    pending = Comment.objects.get(body__startswith="Waiting")
    assert pending.lang == "en"


def test_triage_is_queued_for_the_worker(site, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        out = run_import("disqus", SAMPLES / "disqus.xml")
    assert "6 comments queued for triage" in out
    [task] = DBTaskResult.objects.all()
    assert task.task_path == "civility.portability.tasks.triage_imported"
    assert sorted(task.args_kwargs["args"][0]) == sorted(Comment.objects.values_list("pk", flat=True))


def test_progress_is_reported(site, tmp_path):
    lines = ['{"type":"article","key":"a1","title":"A","site":"gazette"}']
    lines += [f'{{"type":"comment","id":{i},"article":"a1","parent_id":null,"body":"c{i}","status":"approved",'
              f'"author_name":"N","author_email":"n@example.org","created_at":"2024-01-01T00:00:00Z"}}'
              for i in range(1, 600)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines))
    seen: list[int] = []
    summary = import_run(format="civility", path=Path(tmp_path / "many.jsonl"), site_slug="gazette",
                         progress=seen.append)
    assert seen == [250, 500] and summary.counts["comment", "created"] == 599


def test_only_admins_import(site, moderator, admin_user):
    from civility.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_run(user=moderator, format="disqus", path=SAMPLES / "disqus.xml")
    import_run(user=admin_user, format="disqus", path=SAMPLES / "disqus.xml")
    assert Comment.objects.count() == 6
