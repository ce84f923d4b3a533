"""Readers edit and delete their own comments with the token they got when posting."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import signing

from civility.comments.models import Comment, Status
from civility.moderation.models import Decision
from civility.readers.models import Kind, Revision, RevisionStatus
from civility.readers.services import SALT, revision_decide
from tests.conftest import approve

pytestmark = pytest.mark.django_db


def post(client, article, body="A first thought, written in haste.", **headers):
    r = client.post(f"/api/v1/articles/{article.key}/comments", json.dumps(
        {"body": body, "author_name": "Ani", "author_email": "ani@example.org"}),
        content_type="application/json", headers=headers)
    assert r.status_code == 202
    return r.json()


def change(client, method, article, comment_id, payload, **headers):
    r = getattr(client, method)(f"/api/v1/articles/{article.key}/comments/{comment_id}", json.dumps(payload),
                                content_type="application/json", headers=headers)
    return r.status_code, r.json()


def thread_bodies(client, article) -> list[str]:
    return [c["body_html"] for c in client.get(f"/api/v1/articles/{article.key}/comments").json()["comments"]]


def test_submission_answers_with_a_token_and_its_deadline(client, article):
    data = post(client, article)
    comment = Comment.objects.get(pk=data["id"])
    assert signing.loads(data["edit_token"], salt=SALT) == {"c": comment.pk}
    assert data["edit_until"].startswith(str((comment.created_at + timedelta(minutes=15)).date()))


def test_editing_a_pending_comment_changes_it_and_triages_it_again(client, article):
    data = post(client, article, "Thank you for this careful report on the corridor.")
    status, body = change(client, "patch", article, data["id"], {
        "token": data["edit_token"], "body": "You are a stupid idiot and a disgusting pig."})
    assert status == 200 and body["change"] == "applied"
    comment = Comment.objects.get(pk=data["id"])
    assert comment.body == "You are a stupid idiot and a disgusting pig."
    assert "insult" in comment.triage.flag_labels and comment.risk > 0.5
    assert Revision.objects.get(comment=comment).before.startswith("Thank you")


def test_editing_an_approved_comment_waits_for_a_moderator(client, article, moderator):
    data = post(client, article, "The road was opened in 1992.")
    comment = Comment.objects.get(pk=data["id"])
    approve(moderator, comment)
    status, body = change(client, "patch", article, comment.pk, {"token": data["edit_token"],
                                                                 "body": "The road was opened in 1993."},
                          **{"Accept-Language": "ru"})
    assert status == 200 and body["change"] == "pending" and body["message"].startswith("Спасибо")
    assert thread_bodies(client, article) == ["<p>The road was opened in 1992.</p>"]  # never unreviewed text

    revision = Revision.objects.get(comment=comment, status=RevisionStatus.PENDING)
    revision_decide(user=moderator, revision_id=revision.pk, approve=True)
    assert thread_bodies(client, article) == ["<p>The road was opened in 1993.</p>"]


def test_a_rejected_edit_leaves_the_approved_text(client, article, moderator):
    data = post(client, article, "Original words.")
    approve(moderator, Comment.objects.get(pk=data["id"]))
    change(client, "patch", article, data["id"], {"token": data["edit_token"], "body": "Worse words."})
    revision = Revision.objects.get(status=RevisionStatus.PENDING)
    revision_decide(user=moderator, revision_id=revision.pk, approve=False)
    assert thread_bodies(client, article) == ["<p>Original words.</p>"]
    with pytest.raises(Exception, match="already decided"):
        revision_decide(user=moderator, revision_id=revision.pk, approve=True)


def test_delete_removes_the_comment_from_the_thread_at_once_and_is_logged(client, article, moderator):
    data = post(client, article, "I regret this one.")
    approve(moderator, Comment.objects.get(pk=data["id"]))
    assert len(thread_bodies(client, article)) == 1
    status, body = change(client, "delete", article, data["id"], {"token": data["edit_token"]})
    assert status == 200 and body["change"] == "applied"
    assert thread_bodies(client, article) == []
    decision = Decision.objects.filter(comment_id=data["id"]).latest("id")
    assert decision.actor is None and decision.to_status == Status.REJECTED and "author" in decision.note
    assert Revision.objects.get(comment_id=data["id"]).kind == Kind.DELETE
    # and it cannot be changed any more
    status, body = change(client, "patch", article, data["id"], {"token": data["edit_token"], "body": "Back!"})
    assert status == 409 and body["error"]["code"] == "comment_gone"


def test_another_comments_token_is_refused(client, article):
    mine, theirs = post(client, article, "Mine."), post(client, article, "Theirs.")
    status, body = change(client, "delete", article, theirs["id"], {"token": mine["edit_token"]})
    assert status == 403 and body["error"]["code"] == "not_your_comment"
    status, body = change(client, "patch", article, theirs["id"], {"token": "forged", "body": "x"})
    assert status == 403 and body["error"]["code"] == "not_your_comment"
    assert Comment.objects.get(pk=theirs["id"]).body == "Theirs."


def test_the_window_closes(client, article, settings):
    data = post(client, article, "Quickly now.")
    settings.CIVILITY_READER_EDIT_WINDOW = -1  # already past
    status, body = change(client, "patch", article, data["id"], {"token": data["edit_token"], "body": "Late."},
                          **{"Accept-Language": "hy"})
    assert status == 403 and body["error"]["code"] == "edit_window_closed"
    assert body["error"]["message"] == "Այս մեկնաբանությունը փոխելու ժամանակն անցել է։"


def test_wrong_article_empty_body_and_unknown_comment(client, article, site):
    from civility.publishing.models import Article

    other = Article.objects.create(site=site, key="another", title="Another")
    data = post(client, article, "Right place.")
    assert change(client, "patch", other, data["id"], {"token": data["edit_token"], "body": "x"})[0] == 404
    status, body = change(client, "patch", article, data["id"], {"token": data["edit_token"], "body": "   "})
    assert status == 422 and "body" in body["error"]["fields"]
    assert change(client, "delete", article, 999999, {"token": data["edit_token"]})[0] == 404
    assert change(client, "delete", article, data["id"], {})[0] == 422


def test_queue_shows_a_waiting_edit_with_its_diff_and_publishes_it(client, article, moderator):
    data = post(client, article, "The road was opened in 1992 by the army.")
    approve(moderator, Comment.objects.get(pk=data["id"]))
    change(client, "patch", article, data["id"], {"token": data["edit_token"],
                                                  "body": "The road was opened in 1993 by the <b>army</b>."})
    client.force_login(moderator)
    html = client.get("/moderation/", headers={"Accept-Language": "tr"}).content.decode()
    assert "Okurların yayımlanmış yorumlardaki düzenlemeleri" in html
    assert "<del>1992</del> <ins>1993</ins>" in html and "&lt;b&gt;army&lt;/b&gt;" in html
    revision = Revision.objects.get(status=RevisionStatus.PENDING)
    r = client.post(f"/moderation/edits/{revision.pk}/decide", {"action": "approve"})
    assert r.status_code == 302
    assert Comment.objects.get(pk=data["id"]).body.startswith("The road was opened in 1993")
    assert "Okurların" not in client.get("/moderation/").content.decode()


def test_only_moderators_decide_edits(client, article, author, moderator):
    data = post(client, article, "Words.")
    approve(moderator, Comment.objects.get(pk=data["id"]))
    change(client, "patch", article, data["id"], {"token": data["edit_token"], "body": "Other words."})
    revision = Revision.objects.get(status=RevisionStatus.PENDING)
    client.force_login(author)
    assert client.post(f"/moderation/edits/{revision.pk}/decide", {"action": "approve"}).status_code == 403
    assert Revision.objects.get(pk=revision.pk).status == RevisionStatus.PENDING
