"""Defect 3 of the hardening issue: a campaign larger than one bulk action.

Deciding a campaign with more than ``MAX_BULK`` pending comments was a 500 in the API
and "The decision is incomplete." on the queue page: the campaign action passed every id
to the bulk action, whose limit is 500. Large campaigns are when the button matters most.
"""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from civility.comments.models import Comment, Status
from civility.moderation.models import Action, Decision
from civility.moderation.services import MAX_BULK
from civility.triage.models import Campaign, TriageReport
from tests.conftest import submit

pytestmark = pytest.mark.django_db

SIZE = MAX_BULK + 137


@pytest.fixture
def big_campaign(article):
    """SIZE pending copies of one text in a campaign, plus one already approved member."""
    campaign = Campaign.objects.create(size=SIZE + 1)
    comments = Comment.objects.bulk_create(
        Comment(article=article, author_name=f"Copier {i}", author_email=f"copier{i}@example.org",
                body="Everyone must read the same talking point today.", status=Status.PENDING)
        for i in range(SIZE)
    )
    approved = submit(article, "An earlier copy.")
    Comment.objects.filter(pk=approved.pk).update(status=Status.APPROVED)
    TriageReport.objects.bulk_create(TriageReport(comment=c, campaign=campaign) for c in comments)
    TriageReport.objects.update_or_create(comment=approved, defaults={"campaign": campaign})
    return campaign, [c.pk for c in comments], approved


def test_the_api_decides_every_pending_comment_of_a_large_campaign(big_campaign, mod_api):
    campaign, ids, approved = big_campaign
    status, body = mod_api.post(f"/api/v1/moderation/campaigns/{campaign.pk}/decision",
                                {"action": "reject", "reason": "spam", "note": "copy-paste"})
    assert status == 200, body
    assert sorted(d["id"] for d in body["decided"]) == sorted(ids)
    assert {d["status"] for d in body["decided"]} == {"rejected"}
    assert Comment.objects.filter(pk__in=ids, status=Status.REJECTED).count() == SIZE
    approved.refresh_from_db()
    assert approved.status == Status.APPROVED  # only pending members are decided
    decisions = Decision.objects.filter(comment_id__in=ids)
    assert decisions.count() == SIZE
    assert decisions.values("batch").distinct().count() == 1  # one audit batch
    assert set(decisions.values_list("note", flat=True)) == {"copy-paste"}


def test_the_queue_page_decides_a_large_campaign(big_campaign, moderator):
    campaign, ids, _ = big_campaign
    client = Client()
    client.force_login(moderator)
    r = client.post(reverse("moderation-campaign", args=[campaign.pk]), {"action": "approve"})
    assert r.status_code == 302
    shown = [str(m) for m in get_messages(r.wsgi_request)]
    assert shown == [f"Approved {SIZE} comments of campaign {campaign.pk}."]
    assert Comment.objects.filter(pk__in=ids, status=Status.APPROVED).count() == SIZE


def test_all_or_nothing(big_campaign, moderator, monkeypatch):
    """A failure in a later chunk leaves the earlier chunks undecided too."""
    from civility.moderation import services
    from civility.moderation.services import campaign_decide

    campaign, ids, _ = big_campaign
    real, calls = services._apply, []

    def failing(**kwargs):
        calls.append(1)
        if len(calls) > MAX_BULK:
            raise RuntimeError("the database went away")
        return real(**kwargs)

    monkeypatch.setattr(services, "_apply", failing)
    with pytest.raises(RuntimeError):
        campaign_decide(user=moderator, campaign_id=campaign.pk, action=Action.APPROVE)
    assert Comment.objects.filter(pk__in=ids, status=Status.PENDING).count() == SIZE
    assert not Decision.objects.exists()


def test_a_campaign_that_does_not_exist(moderator, mod_api):
    status, body = mod_api.post("/api/v1/moderation/campaigns/999999/decision", {"action": "approve"})
    assert status == 404 and body["error"]["code"] == "campaign_not_found"
