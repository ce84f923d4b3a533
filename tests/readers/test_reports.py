"""Readers report published comments; moderators withdraw approval or dismiss the reports."""

from __future__ import annotations

import json

import pytest

from civility.comments.models import Status
from civility.moderation.models import Decision
from civility.readers.models import Report, ReportStatus
from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


def report(client, article, comment_id, reason="personal_attack", note="", addr="203.0.113.5", **headers):
    r = client.post(f"/api/v1/articles/{article.key}/comments/{comment_id}/report",
                    json.dumps({"reason": reason, "note": note}), content_type="application/json",
                    REMOTE_ADDR=addr, headers=headers)
    return r.status_code, r.json()


@pytest.fixture
def published(article, moderator):
    comment = submit(article, "You people are all the same, go away.")
    approve(moderator, comment)
    return comment


def test_a_reader_reports_once(client, article, published):
    status, body = report(client, article, published.pk, note="Insults everyone", **{"Accept-Language": "az"})
    assert status == 201 and body["message"].startswith("Təşəkkür edirik")
    status, body = report(client, article, published.pk, reason="spam")
    assert status == 409 and body["error"]["code"] == "already_reported"
    assert report(client, article, published.pk, addr="198.51.100.7")[0] == 201  # another reader
    stored = Report.objects.get(note="Insults everyone")
    assert "203.0.113.5" not in stored.reporter and len(stored.reporter) == 64


def test_only_published_comments_with_a_policy_reason(client, article, moderator):
    pending = submit(article, "Not yet public.")
    assert report(client, article, pending.pk)[0] == 404
    approve(moderator, pending)
    status, body = report(client, article, pending.pk, reason="boring")
    assert status == 422 and "reason" in body["error"]["fields"]
    assert report(client, article, 999999)[0] == 404


def test_reports_are_rate_limited(client, article, moderator, settings):
    settings.CIVILITY_REPORT_RATE_PER_IP = "2/h"
    comments = [submit(article, f"Published remark number {n}.") for n in range(3)]
    approve(moderator, *comments)
    assert [report(client, article, c.pk)[0] for c in comments] == [201, 201, 429]


def test_queue_lists_reported_comments_and_withdraws_approval(client, article, published, moderator):
    report(client, article, published.pk, note="Insults everyone")
    report(client, article, published.pk, reason="hate_speech", addr="198.51.100.7")
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert "Reported (1)" in html
    html = client.get("/moderation/", {"show": "reported"}).content.decode()
    assert "2 reports:" in html and "Personal attack <b>1</b>" in html and "Insults everyone" in html

    r = client.post(f"/moderation/reported/{published.pk}/decide",
                    {"action": "withdraw", "reason": "personal_attack", "note": "Readers were right"})
    assert r.status_code == 302
    published.refresh_from_db()
    assert published.status == Status.REJECTED
    decision = Decision.objects.filter(comment=published).latest("id")
    assert decision.actor == moderator and decision.reason == "personal_attack"
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.UPHELD}
    assert client.get(f"/api/v1/articles/{article.key}/comments").json()["comments"] == []
    assert "Reported (0)" in client.get("/moderation/").content.decode()


def test_withdrawing_needs_a_reason_and_dismissing_keeps_the_comment(client, article, published, moderator):
    report(client, article, published.pk)
    client.force_login(moderator)
    client.post(f"/moderation/reported/{published.pk}/decide", {"action": "withdraw"})
    published.refresh_from_db()
    assert published.status == Status.APPROVED and Report.objects.get().status == ReportStatus.OPEN
    client.post(f"/moderation/reported/{published.pk}/decide", {"action": "dismiss"})
    published.refresh_from_db()
    assert published.status == Status.APPROVED and Report.objects.get().status == ReportStatus.DISMISSED


def test_only_moderators_see_and_decide_reports(client, article, published, author):
    report(client, article, published.pk)
    client.force_login(author)
    assert client.post(f"/moderation/reported/{published.pk}/decide", {"action": "dismiss"}).status_code == 403
    assert Report.objects.get().status == ReportStatus.OPEN
