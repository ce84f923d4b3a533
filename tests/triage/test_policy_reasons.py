"""Rejection reasons map to triage labels in the policy module, and threat is a reason everywhere."""

import pytest

from civility.moderation.models import Decision, Reason
from civility.triage.policy import REASON_LABELS, REASONS_WITHOUT_LABEL, reason_label
from civility.triage.types import LABELS
from tests.conftest import submit


def test_threat_came_last_so_the_queue_keys_of_the_others_did_not_move():
    assert Reason.values == ["hate_speech", "obscenity", "personal_attack", "spam", "off_topic", "other", "threat"]


def test_every_reason_is_mapped_or_deliberately_left_out():
    assert set(REASON_LABELS) | set(REASONS_WITHOUT_LABEL) == set(Reason.values)
    assert not set(REASON_LABELS) & set(REASONS_WITHOUT_LABEL)
    assert set(REASON_LABELS.values()) <= set(LABELS)


@pytest.mark.parametrize(("reason", "label"), [
    ("hate_speech", "hate"), ("obscenity", "obscene"), ("personal_attack", "insult"), ("threat", "threat"),
    ("spam", "spam"), ("off_topic", None), ("other", None), ("", None), (None, None),
])
def test_reason_label(reason, label):
    assert reason_label(reason) == label


@pytest.mark.django_db
def test_a_threat_can_be_rejected_as_such_through_the_api(article, mod_api):
    c = submit(article, "You will regret writing this, I know where you live.")
    status, body = mod_api.post(f"/api/v1/moderation/comments/{c.pk}/decision",
                                {"action": "reject", "reason": "threat"})
    assert status == 200 and body["decision"]["reason"] == "threat" and body["status"] == "rejected"
    assert Decision.objects.get(comment=c).get_reason_display() == "Threat or incitement to violence"


@pytest.mark.django_db
def test_the_queue_offers_threat_and_accepts_it(article, moderator, client):
    c = submit(article, "Someone should burn their office down.")
    client.force_login(moderator)
    page = client.get("/moderation/").content.decode()
    assert 'value="threat"' in page and "Threat or incitement to violence" in page
    r = client.post("/moderation/decide", {"ids": [c.pk], "action": "reject", "reason": Reason.THREAT})
    assert r.status_code == 302
    assert Decision.objects.get(comment=c).reason == "threat"
