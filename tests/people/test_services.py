"""Notes, and "reject everything pending from this person" through the one decision path."""

import pytest

from civility.comments.models import Status
from civility.errors import InvalidInput, PermissionDenied
from civility.moderation.models import Action, Decision, Reason
from civility.people.models import PersonNote
from civility.people.services import person_note_add, person_reject_pending
from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


def test_reject_everything_pending_leaves_decided_comments_and_others_alone(article, moderator):
    approved = submit(article, "An old good one.", email="troll@example.org")
    approve(moderator, approved)
    pending = [submit(article, f"Spam {i}.", email="troll@example.org") for i in range(3)]
    someone_else = submit(article, "Hello.", email="other@example.org")

    decisions = person_reject_pending(user=moderator, email="Troll@example.org", reason=Reason.SPAM, note="flood")
    assert sorted(d.comment_id for d in decisions) == sorted(c.pk for c in pending)
    for c in pending:
        c.refresh_from_db()
        assert c.status == Status.REJECTED
    approved.refresh_from_db()
    someone_else.refresh_from_db()
    assert (approved.status, someone_else.status) == (Status.APPROVED, Status.PENDING)
    audit = Decision.objects.filter(action=Action.REJECT)
    assert audit.count() == 3 and {(d.actor_id, d.reason, d.note) for d in audit} == {(moderator.pk, "spam", "flood")}
    assert person_reject_pending(user=moderator, email="troll@example.org", reason=Reason.SPAM) == []


def test_reject_everything_needs_a_reason_and_a_moderator(article, moderator, author):
    submit(article, "x", email="troll@example.org")
    for reason in ("", "rude"):
        with pytest.raises(InvalidInput) as bad:
            person_reject_pending(user=moderator, email="troll@example.org", reason=reason)
        assert "reason" in bad.value.fields
    with pytest.raises(PermissionDenied):
        person_reject_pending(user=author, email="troll@example.org", reason=Reason.SPAM)
    assert not Decision.objects.exists()


def test_notes(moderator, author):
    note = person_note_add(user=moderator, email="Troll@Example.org", text="  Third account this week.  ")
    assert (note.email, note.text, note.author) == ("troll@example.org", "Third account this week.", moderator)
    for text in ("", "   ", "x" * 5001):
        with pytest.raises(InvalidInput):
            person_note_add(user=moderator, email="troll@example.org", text=text)
    with pytest.raises(InvalidInput):
        person_note_add(user=moderator, email="nope", text="x")
    with pytest.raises(PermissionDenied):
        person_note_add(user=author, email="troll@example.org", text="x")
    assert PersonNote.objects.count() == 1
