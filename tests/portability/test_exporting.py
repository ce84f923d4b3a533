"""`civility export`: JSON Lines of articles, comments and decisions."""

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from civility.comments.models import Comment
from civility.comments.services import comment_delete
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record
from civility.publishing.models import Article, Site
from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


def export(*args: str) -> list[dict]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_every_line_is_typed_and_comments_carry_the_documented_fields(article, moderator):
    top = submit(article, "Ganz schön, Çox sağ olun!", name="Zoë Ağa", email="zoe@example.org")
    approve(moderator, top)
    reply = submit(article, "Replying.", parent=top)
    decision_record(user=moderator, comment_ids=[reply.pk], action=Action.REJECT, reason=Reason.SPAM, note="ads")
    lines = export()
    assert [line["type"] for line in lines] == ["article", "comment", "comment", "decision", "decision"]
    art, c1, c2, approval, d2 = lines
    assert approval["action"] == "approve" and approval["to_status"] == "approved"
    assert art["key"] == article.key and art["site"] == article.site.slug
    for field in ("id", "article", "parent_id", "body", "status", "author_name", "author_email", "created_at",
                  "labels"):
        assert field in c1
    assert (c1["id"], c1["body"], c1["author_name"], c1["status"]) == (top.pk, top.body, "Zoë Ağa", "approved")
    assert c2["parent_id"] == top.pk and c2["status"] == "rejected" and isinstance(c2["labels"], list)
    assert datetime.fromisoformat(c1["created_at"]) == Comment.objects.get(pk=top.pk).created_at
    assert (d2["comment_id"], d2["action"], d2["reason"], d2["note"], d2["actor"]) == (
        reply.pk, "reject", "spam", "ads", moderator.username)


def test_site_and_since_narrow_the_export(article, moderator):
    other_site = Site.objects.create(name="Other", slug="other")
    other = Article.objects.create(site=other_site, key="elsewhere", title="Elsewhere")
    old = submit(article, "Old remark.")
    Comment.objects.filter(pk=old.pk).update(created_at=datetime(2020, 1, 1, tzinfo=UTC))
    new = submit(article, "New remark.")
    third = submit(other, "Other site's remark.")
    assert {(line["type"], line.get("key") or line.get("body")) for line in export("--site", "gazette")} == {
        ("article", article.key), ("comment", "Old remark."), ("comment", "New remark.")}
    recent = export("--since", (datetime.now(UTC) - timedelta(days=1)).date().isoformat())
    assert {line["id"] for line in recent if line["type"] == "comment"} == {new.pk, third.pk}
    assert {line["key"] for line in recent if line["type"] == "article"} == {article.key, other.key}


def test_decisions_of_deleted_comments_stay_in_a_site_wide_export(article, moderator):
    c = submit(article)
    approve(moderator, c)
    comment_delete(comments=[c])
    [decision] = [line for line in export() if line["type"] == "decision"]
    assert decision["comment_id"] == c.pk and decision["snapshot"]["article_key"] == article.key


def test_output_file_and_clear_errors(tmp_path, article):
    submit(article)
    target = tmp_path / "out.jsonl"
    call_command("export", "--output", str(target), stdout=io.StringIO(), stderr=io.StringIO())
    assert [json.loads(line)["type"] for line in target.read_text().splitlines()] == ["article", "comment"]
    with pytest.raises(CommandError, match="not a date"):
        export("--since", "last tuesday")
    with pytest.raises(CommandError, match="no site"):
        export("--site", "nowhere")
    with pytest.raises(CommandError, match="cannot write"):
        export("--output", str(tmp_path / "missing" / "out.jsonl"))


def test_a_decision_by_a_site_rule_has_no_actor(article, author):
    article.site.authors_skip_queue = True
    article.site.save()
    article.authors.add(author)
    submit(article, "From the author.", user=author)
    [decision] = [line for line in export() if line["type"] == "decision"]
    assert decision["actor"] is None and decision["action"] == Action.APPROVE
