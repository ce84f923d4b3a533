"""Decisions, undo and the append-only audit log, through the service and the API."""

import pytest

from civility.comments.events import comment_status_changed
from civility.comments.models import Status
from civility.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from civility.moderation.models import Action, AppendOnlyError, Decision, Reason
from civility.moderation.services import decision_record, decision_undo
from tests.conftest import submit

pytestmark = pytest.mark.django_db


def test_reject_needs_a_policy_reason(article, moderator):
    c = submit(article)
    with pytest.raises(InvalidInput) as exc:
        decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT)
    assert "reason" in exc.value.fields
    with pytest.raises(InvalidInput):
        decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason="rude")
    c.refresh_from_db()
    assert c.status == Status.PENDING
    assert not Decision.objects.exists()


def test_every_decision_is_an_audit_row(article, moderator):
    c = submit(article)
    [d] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT,
                          reason=Reason.PERSONAL_ATTACK, note="  names a colleague  ")
    assert (d.actor, d.action, d.reason, d.note, d.from_status, d.to_status) == (
        moderator, "reject", "personal_attack", "names a colleague", "pending", "rejected")
    [d2] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
    assert (d2.from_status, d2.to_status) == ("rejected", "approved")
    assert list(Decision.objects.filter(comment=c).values_list("action", flat=True)) == ["approve", "reject"]


def test_audit_rows_cannot_be_changed_or_deleted(article, moderator):
    [d] = decision_record(user=moderator, comment_ids=[submit(article).pk], action=Action.APPROVE)
    d.note = "rewritten history"
    with pytest.raises(AppendOnlyError):
        d.save()
    with pytest.raises(AppendOnlyError):
        d.delete()
    assert Decision.objects.get(pk=d.pk).note == ""


def test_deciding_the_same_way_twice_writes_nothing(article, moderator):
    c = submit(article)
    decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
    assert decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE) == []
    assert Decision.objects.count() == 1


def test_bulk_decisions_share_a_batch_and_fail_whole(article, moderator):
    a, b = submit(article, "a"), submit(article, "b")
    with pytest.raises(NotFound):
        decision_record(user=moderator, comment_ids=[a.pk, 424242], action=Action.APPROVE)
    assert not Decision.objects.exists()
    decisions = decision_record(user=moderator, comment_ids=[a.pk, b.pk, a.pk], action=Action.REJECT,
                                reason=Reason.SPAM)
    assert [d.comment_id for d in decisions] == [a.pk, b.pk]
    assert len({d.batch for d in decisions}) == 1


def test_undo_restores_the_previous_state_and_is_logged(article, moderator):
    c = submit(article)
    [d] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.SPAM)
    undo = decision_undo(user=moderator, decision_id=d.pk, note="misread it")
    c.refresh_from_db()
    assert c.status == Status.PENDING
    assert (undo.action, undo.undoes_id, undo.from_status, undo.to_status) == ("undo", d.pk, "rejected", "pending")
    with pytest.raises(Conflict):
        decision_undo(user=moderator, decision_id=d.pk)  # already undone
    with pytest.raises(Conflict):
        decision_undo(user=moderator, decision_id=undo.pk)  # an undo is not undoable


def test_only_the_latest_decision_can_be_undone(article, moderator):
    c = submit(article)
    [first] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
    decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.OTHER)
    with pytest.raises(Conflict) as exc:
        decision_undo(user=moderator, decision_id=first.pk)
    assert exc.value.code == "superseded"


def test_authors_and_anonymous_cannot_decide(article, author):
    from django.contrib.auth.models import AnonymousUser

    c = submit(article)
    for user in (author, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            decision_record(user=user, comment_ids=[c.pk], action=Action.APPROVE)
    c.refresh_from_db()
    assert c.status == Status.PENDING


def test_status_changes_are_announced_after_commit(article, moderator, django_capture_on_commit_callbacks):
    seen = []

    def receiver(sender, comments, **kwargs):
        seen.extend(c.pk for c in comments)

    comment_status_changed.connect(receiver)
    try:
        c = submit(article)
        with django_capture_on_commit_callbacks(execute=True):
            decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
    finally:
        comment_status_changed.disconnect(receiver)
    assert seen == [c.pk]


# --- the same through the API ---

def test_api_decide_undo_and_history(mod_api, article, moderator):
    c = submit(article, "hello")
    status, body = mod_api.post(f"/api/v1/moderation/comments/{c.pk}/decision",
                                {"action": "reject", "reason": "off_topic", "note": "wrong article"})
    assert status == 200
    assert body["status"] == "rejected"
    assert body["decision"]["reason"] == "off_topic" and body["decision"]["actor"] == moderator.username

    status, body = mod_api.post(f"/api/v1/moderation/decisions/{body['decision']['id']}/undo", {})
    assert status == 200 and body["status"] == "pending"

    status, body = mod_api.get("/api/v1/moderation/history")
    assert status == 200
    assert [d["action"] for d in body["decisions"]] == ["undo", "reject"]
    assert body["decisions"][1]["undone"] is True
    assert body["decisions"][0]["comment_excerpt"] == "hello"


def test_api_reject_without_reason_is_422(mod_api, article):
    c = submit(article)
    status, body = mod_api.post(f"/api/v1/moderation/comments/{c.pk}/decision", {"action": "reject"})
    assert status == 422 and "reason" in body["error"]["fields"]
    status, body = mod_api.post(f"/api/v1/moderation/comments/{c.pk}/decision", {"action": "delete"})
    assert status == 422 and "action" in body["error"]["fields"]


def test_api_unknown_comment_is_404(mod_api, db):
    status, body = mod_api.post("/api/v1/moderation/comments/9999/decision", {"action": "approve"})
    assert status == 404 and body["error"]["code"] == "comment_not_found"


def test_api_bulk_decision(mod_api, article):
    a, b = submit(article, "a"), submit(article, "b")
    status, body = mod_api.post("/api/v1/moderation/decisions",
                                {"ids": [a.pk, b.pk], "action": "reject", "reason": "spam"})
    assert status == 200
    assert [(d["id"], d["status"]) for d in body["decided"]] == [(a.pk, "rejected"), (b.pk, "rejected")]


def test_api_queue_is_oldest_first_with_context(mod_api, article, moderator):
    from tests.conftest import approve

    parent = submit(article, "the parent")
    approve(moderator, parent)
    first = submit(article, "first", name="Ara", email="ara@example.org")
    reply = submit(article, "the reply", parent=parent)
    status, body = mod_api.get("/api/v1/moderation/queue")
    assert status == 200
    assert body["count"] == 2
    assert [c["id"] for c in body["comments"]] == [first.pk, reply.pk]
    item = body["comments"][1]
    assert item["parent"]["id"] == parent.pk and "the parent" in item["parent"]["body_html"]
    assert item["article"] == {"key": article.key, "title": article.title, "url": article.url}
    assert body["comments"][0]["author"]["email"] == "ara@example.org"


def test_api_queue_pages_and_filters(mod_api, article, site):
    from civility.publishing.models import Article

    other = Article.objects.create(site=site, key="other", title="Other")
    mine = [submit(article, f"c{i}") for i in range(3)]
    submit(other, "elsewhere")
    seen, url = [], "/api/v1/moderation/queue?limit=2&article=lachin-corridor"
    while url:
        body = mod_api.get(url.replace("http://testserver", ""))[1]
        seen += [c["id"] for c in body["comments"]]
        url = body["next"]
    for c in mine:
        c.refresh_from_db()
    assert seen == [c.pk for c in sorted(mine, key=lambda c: (-c.risk, c.created_at, c.pk))]
