"""The audit log survives deletions, and staff edits are in it (models, services, history, admin)."""

import pytest
from django.db.models import ProtectedError

from civility.accounts.models import Role
from civility.comments.models import Comment, Status
from civility.comments.services import comment_delete
from civility.errors import Conflict
from civility.moderation.models import Action, Decision, Reason
from civility.moderation.services import comment_staff_edit, decision_record, decision_undo
from civility.publishing.models import Article, Site
from tests.conftest import approve, make_user, submit

pytestmark = pytest.mark.django_db


def decided(article, moderator, n: int = 1) -> list[Comment]:
    comments = [submit(article, f"Remark number {i}.", email=f"r{i}@example.org") for i in range(n)]
    approve(moderator, *comments)
    return comments


def test_deleting_a_comment_keeps_its_decisions_and_snapshot(article, moderator):
    [c] = decided(article, moderator)
    reply = submit(article, "A reply.", parent=c)
    decision_record(user=moderator, comment_ids=[reply.pk], action=Action.REJECT, reason=Reason.OFF_TOPIC)
    comment_delete(comments=[c])  # the reply goes with it (a thread cannot float)
    assert not Comment.objects.filter(pk__in=[c.pk, reply.pk]).exists()
    rows = {d.comment_id: d for d in Decision.objects.all()}
    assert set(rows) == {c.pk, reply.pk}
    assert rows[c.pk].snapshot["article_key"] == article.key
    assert rows[reply.pk].snapshot["parent_id"] == c.pk
    assert "Remark" not in str(rows[c.pk].snapshot) and "example.org" not in str(rows[c.pk].snapshot)


@pytest.mark.parametrize("gone", ["article", "site"])
def test_deleting_an_article_or_site_keeps_the_decisions(article, moderator, gone):
    decided(article, moderator, 3)
    (Article.objects.filter(pk=article.pk) if gone == "article" else Site.objects.filter(pk=article.site_id)).delete()
    assert not Comment.objects.exists()
    assert Decision.objects.count() == 3
    assert {d.snapshot["article_title"] for d in Decision.objects.all()} == {article.title}


def test_deleting_people_keeps_the_decisions(article, moderator):
    reader = make_user(Role.AUTHOR, "columnist")
    c = submit(article, "Signed comment.", user=reader)
    approve(moderator, c)
    reader.delete()  # the commenter: their comment stays, anonymous, with its decision
    assert Decision.objects.get().comment_id == c.pk
    with pytest.raises(ProtectedError):  # the moderator: deactivate instead, the log names them
        moderator.delete()
    assert Decision.objects.get().actor_id == moderator.pk


def test_history_shows_decisions_of_deleted_comments(client, article, moderator, mod_api):
    [c, kept] = decided(article, moderator, 2)
    comment_delete(comments=[c])
    status, body = mod_api.get("/api/v1/moderation/history")
    assert status == 200
    rows = {d["comment_id"]: d for d in body["decisions"]}
    assert rows[c.pk]["comment_deleted"] is True and rows[c.pk]["article_key"] == article.key
    assert rows[c.pk]["comment_author"] == ""
    assert rows[kept.pk]["comment_deleted"] is False and rows[kept.pk]["comment_author"] == "Reader"
    client.force_login(moderator)
    page = client.get("/moderation/history/").content.decode()
    assert f"#{c.pk} on {article.key}" in page and "comment deleted" in page


def test_undoing_a_decision_of_a_deleted_comment_is_a_conflict(article, moderator, mod_api):
    [c] = decided(article, moderator)
    d = Decision.objects.get()
    comment_delete(comments=[c])
    with pytest.raises(Conflict, match="deleted"):
        decision_undo(user=moderator, decision_id=d.pk)
    status, body = mod_api.post(f"/api/v1/moderation/decisions/{d.pk}/undo", {})
    assert status == 409 and body["error"]["code"] == "comment_deleted"


def test_a_staff_edit_is_an_audit_row_and_undo_still_reaches_the_decision(article, moderator):
    [c] = decided(article, moderator)
    approval = Decision.objects.get()
    c.body = "Remark number 0, without the typo."
    edit = comment_staff_edit(user=moderator, comment=c, fields=["body", "status"])
    assert edit.action == Action.EDIT and edit.actor == moderator and edit.note == "Changed: body"
    assert edit.from_status == edit.to_status == Status.APPROVED
    assert Comment.objects.get(pk=c.pk).body.endswith("without the typo.")
    assert comment_staff_edit(user=moderator, comment=c, fields=[]) is None
    with pytest.raises(Conflict):
        decision_undo(user=moderator, decision_id=edit.pk)
    undo = decision_undo(user=moderator, decision_id=approval.pk)  # an edit does not supersede it
    assert undo.to_status == Status.PENDING


def test_admin_edit_of_a_published_comment_is_logged_and_shown(client, article, moderator, admin_user):
    [c] = decided(article, moderator)
    client.force_login(admin_user)
    url = f"/admin/comments/comment/{c.pk}/change/"
    assert client.get(url).status_code == 200
    r = client.post(url, {"body": "Edited by the desk.", "author_name": "Reader",
                          "author_email": "r0@example.org"})
    assert r.status_code == 302, r.content[:2000]
    edit = Decision.objects.get(action=Action.EDIT)
    assert edit.comment_id == c.pk and edit.actor == admin_user and edit.note == "Changed: body"
    assert Comment.objects.get(pk=c.pk).body == "Edited by the desk."
    page = client.get("/moderation/history/").content.decode()
    assert "Edited by staff" in page


def test_admin_has_no_add_comment(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/comments/comment/add/").status_code == 403
    assert "/admin/comments/comment/add/" not in client.get("/admin/comments/comment/").content.decode()


def test_the_admin_can_delete_a_decided_comment(client, article, moderator, admin_user):
    [c] = decided(article, moderator)
    client.force_login(admin_user)
    r = client.post(f"/admin/comments/comment/{c.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302
    assert not Comment.objects.filter(pk=c.pk).exists() and Decision.objects.filter(comment_id=c.pk).exists()


def test_the_admin_lists_and_shows_decisions_of_deleted_comments(client, article, moderator, admin_user):
    [c, kept] = decided(article, moderator, 2)
    comment_delete(comments=[c])
    client.force_login(admin_user)
    page = client.get("/admin/moderation/decision/")
    assert page.status_code == 200
    assert f"#{c.pk} (deleted) on {article.key}" in page.content.decode()
    assert str(kept) in page.content.decode()
    for d in Decision.objects.all():
        assert client.get(f"/admin/moderation/decision/{d.pk}/change/").status_code == 200
