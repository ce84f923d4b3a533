"""Export → import into an empty database → export again: the same articles, threads, statuses,
authors, dates, triage labels and audit log (ids aside, which a new database hands out anew)."""

import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from civility.comments.models import Comment
from civility.moderation.models import Action, Decision, Reason
from civility.moderation.services import decision_record, decision_undo
from civility.publishing.models import Article, Site
from civility.triage.models import Campaign
from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


def export() -> list[dict]:
    out = io.StringIO()
    call_command("export", stdout=out, stderr=io.StringIO())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def normalised(lines: list[dict]) -> list[dict]:
    """Ids replaced by positions (articles by key), so two databases' exports compare."""
    order = {kind: {line["id"]: n for n, line in enumerate(x for x in lines if x["type"] == kind)}
             for kind in ("article", "comment", "decision")}
    articles = {line["id"]: line["key"] for line in lines if line["type"] == "article"}
    out = []
    for line in lines:
        line = dict(line)
        if line["type"] == "article":
            line["id"] = line["key"]
        elif line["type"] == "comment":
            line["id"] = order["comment"][line["id"]]
            line["parent_id"] = order["comment"].get(line["parent_id"])
        else:
            line["id"] = order["decision"][line["id"]]
            line["comment_id"] = order["comment"][line["comment_id"]]
            line["undoes_id"] = order["decision"].get(line["undoes_id"])
            snap = dict(line["snapshot"])
            snap["article_id"] = articles.get(snap.get("article_id"))
            snap["parent_id"] = order["comment"].get(snap.get("parent_id"))
            line["snapshot"] = snap
        out.append(line)
    return out


def build(article, moderator, author):
    other = Article.objects.create(site=Site.objects.create(name="Bakı Xəbər", slug="baki"), key="xeber-1",
                                   title="Xəbərlər: “quotes” & <tags>", url="https://baki.example/xeber-1")
    top = submit(article, "Ganz schön mutig — das stimmt.\n\nZweiter Absatz.", name="Zoë Ağa",
                 email="zoe@example.org")
    approve(moderator, top)
    reply = submit(article, "Cavab: razıyam 👍", name="Əli", email="ali@example.az", parent=top, ui_lang="az")
    approve(moderator, reply)
    deeper = submit(article, "A reply to the reply.", parent=reply, email="third@example.org")
    decision_record(user=moderator, comment_ids=[deeper.pk], action=Action.REJECT, reason=Reason.OFF_TOPIC,
                    note="not about the corridor")
    [undone] = decision_record(user=moderator, comment_ids=[submit(other, "Spam spam buy now").pk],
                               action=Action.REJECT, reason=Reason.SPAM)
    decision_undo(user=moderator, decision_id=undone.pk, note="too hasty")
    submit(other, "Still waiting.", name="Ann")
    approve(moderator, submit(article, "From the newsroom.", user=author))
    Comment.objects.filter(pk=top.pk).update(created_at=datetime(2019, 2, 28, 23, 59, 59, 999999, tzinfo=UTC))


def empty_database():
    Decision.objects.filter(undoes__isnull=False).delete()
    Decision.objects.all().delete()
    Comment.objects.all().delete()
    Article.objects.all().delete()
    Site.objects.all().delete()
    Campaign.objects.all().delete()


def test_export_import_export_is_the_same(tmp_path, article, moderator, author,
                                          django_capture_on_commit_callbacks):
    build(article, moderator, author)
    first = export()
    assert sum(line["type"] == "decision" for line in first) == 6
    (tmp_path / "export.jsonl").write_text("".join(json.dumps(line) + "\n" for line in first))
    empty_database()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True) as queued:  # the background triage
        call_command("import", "civility", str(tmp_path / "export.jsonl"), stdout=out)
    assert queued
    assert "comments" in out.getvalue()
    again = export()
    assert len(again) == len(first)
    for before, after in zip(normalised(first), normalised(again), strict=True):
        assert after == before
    # and the threads are threads again: the reply's root is the top comment
    deeper = Comment.objects.get(body="A reply to the reply.")
    assert deeper.root_id == deeper.parent.parent_id and deeper.parent.root_id == deeper.parent.parent_id


def test_a_second_import_adds_nothing(tmp_path, article, moderator, author):
    build(article, moderator, author)
    (tmp_path / "export.jsonl").write_text("".join(json.dumps(line) + "\n" for line in export()))
    empty_database()
    for _ in range(2):
        call_command("import", "civility", str(tmp_path / "export.jsonl"), stdout=io.StringIO())
    assert Comment.objects.count() == 6 and Decision.objects.count() == 6 and Article.objects.count() == 2
