"""Claims: "Anna is on it", and a colleague's decision on a claimed comment is refused unless taken over."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from civility.accounts.models import Role
from civility.comments.models import Status
from civility.errors import Conflict, NotFound, PermissionDenied
from civility.moderation.claims import claim_release, claim_take, claims_on
from civility.moderation.models import Action, Claim, Decision, Reason
from civility.moderation.services import decision_record
from civility.people.services import person_reject_pending
from tests.conftest import make_user, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def bo(db):
    return make_user(Role.MODERATOR, "bo")


def test_a_claimed_comment_is_refused_to_a_colleague_unless_taken_over(article, anna, bo):
    c = submit(article, "Borderline.")
    claim_take(user=anna, comment_id=c.pk)
    with pytest.raises(Conflict) as held:
        claim_take(user=bo, comment_id=c.pk)
    assert held.value.code == "claimed" and held.value.status == 409
    assert held.value.message.startswith("Anna is on it")
    assert held.value.fields == {str(c.pk): "Anna"}
    with pytest.raises(Conflict) as refused:
        decision_record(user=bo, comment_ids=[c.pk], action=Action.APPROVE)
    assert refused.value.code == "claimed"
    c.refresh_from_db()
    assert c.status == Status.PENDING and not Decision.objects.exists()

    [decision] = decision_record(user=bo, comment_ids=[c.pk], action=Action.APPROVE, take_over=True)
    assert decision.actor == bo
    assert not Claim.objects.exists()  # a decided comment's claim is let go


def test_the_claimer_decides_and_the_claim_goes(article, anna):
    c = submit(article, "Mine.")
    claim_take(user=anna, comment_id=c.pk)
    claim_take(user=anna, comment_id=c.pk)  # renewing is fine
    decision_record(user=anna, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.OFF_TOPIC)
    assert not Claim.objects.exists()
    with pytest.raises(Conflict) as decided:
        claim_take(user=anna, comment_id=c.pk)
    assert decided.value.code == "decided"


def test_take_over_moves_the_claim_and_one_claim_per_moderator(article, anna, bo):
    first, second = submit(article, "One."), submit(article, "Two.")
    claim_take(user=anna, comment_id=first.pk)
    claim_take(user=bo, comment_id=first.pk, take_over=True)
    assert claims_on([first.pk])[first.pk].moderator == bo
    claim_take(user=bo, comment_id=second.pk)  # moving on lets the previous one go
    assert set(claims_on([first.pk, second.pk])) == {second.pk}
    claim_release(user=anna, comment_id=second.pk)  # not hers: nothing happens
    assert set(claims_on([second.pk])) == {second.pk}
    claim_release(user=bo, comment_id=second.pk)
    assert claims_on([second.pk]) == {}


def test_an_expired_claim_holds_nobody_back(article, anna, bo):
    c = submit(article, "Old claim.")
    claim_take(user=anna, comment_id=c.pk)
    Claim.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert claims_on([c.pk]) == {}
    assert claim_take(user=bo, comment_id=c.pk).moderator == bo


def test_bulk_and_person_decisions_respect_claims(article, anna, bo):
    mine, theirs = submit(article, "A.", email="p@example.org"), submit(article, "B.", email="p@example.org")
    claim_take(user=anna, comment_id=theirs.pk)
    with pytest.raises(Conflict):
        decision_record(user=bo, comment_ids=[mine.pk, theirs.pk], action=Action.APPROVE)
    with pytest.raises(Conflict):
        person_reject_pending(user=bo, email="p@example.org", reason=Reason.SPAM)
    assert not Decision.objects.exists()


def test_bad_claims(article, anna, author):
    c = submit(article, "x")
    with pytest.raises(NotFound):
        claim_take(user=anna, comment_id=c.pk + 100)
    with pytest.raises(PermissionDenied):
        claim_take(user=author, comment_id=c.pk)
