"""Moderators' alerts: high-risk arrivals, a queue that waits too long, the daily digest; their settings page."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.test import TestCase
from django.utils import timezone

from civility.accounts.models import Role
from civility.comments.models import Comment
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record
from civility.notifications import alerts
from civility.notifications.models import ModeratorAlerts
from civility.notifications.outbox import email_deliver
from civility.notifications.tasks import notifications_tick
from tests.conftest import make_user, submit
from tests.notifications.test_commenters import unsubscribe_link
from tests.notifications.test_webhooks import Threat  # noqa: F401  (registers test-threat.v1)

pytestmark = pytest.mark.django_db


def posted(article, text="A civil remark.", **kw):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return submit(article, text, **kw)


def send(emails) -> int:
    return email_deliver(email_ids=[e.pk for e in emails])


@pytest.fixture
def threats(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "test-threat.v1"}]


def test_moderators_who_asked_hear_of_a_high_risk_comment_at_once(smtp, threats, moderator, article, client):
    ModeratorAlerts.objects.create(user=moderator, high_risk=True)
    quiet = make_user(Role.MODERATOR, "quiet")
    ModeratorAlerts.objects.create(user=quiet)
    author = make_user(Role.AUTHOR, "writer")
    ModeratorAlerts.objects.create(user=author, high_risk=True)  # not a moderator: nothing

    posted(article, "A calm remark about roads.")
    risky = posted(article, "THREAT against the editor.", name="Rex")
    [alert] = smtp.inbox.messages
    assert alert["To"] == moderator.email
    assert "High-risk comment" in alert["Subject"] and "The corridor" in alert["Subject"]
    text = alert.get_content()
    assert "THREAT against the editor." in text and "from Rex" in text
    assert "https://comments.example.org/moderation/" in text

    # its unsubscribe link turns the alert off in the moderator's settings
    client.post(urlsplit(unsubscribe_link(alert)).path)
    assert not ModeratorAlerts.objects.get(user=moderator).high_risk
    posted(article, "THREAT again.")
    assert len(smtp.inbox.messages) == 1
    assert risky.pk


def test_the_oldest_pending_comment_waiting_too_long_alerts_once_per_limit(smtp, moderator, article):
    ModeratorAlerts.objects.create(user=moderator, waiting_minutes=30)
    comment = posted(article)
    now = timezone.now()
    assert alerts.waiting_alerts(now=now) == []  # it has just arrived
    Comment.objects.filter(pk=comment.pk).update(created_at=now - timedelta(minutes=45))

    assert send(alerts.waiting_alerts(now=now)) == 1
    [alert] = smtp.inbox.to(moderator.email)
    assert "waited 45 minutes" in alert["Subject"]
    assert "1 comment is waiting in all" in alert.get_content()
    assert alerts.waiting_alerts(now=now + timedelta(minutes=10)) == []  # at most one per 30 minutes
    assert len(alerts.waiting_alerts(now=now + timedelta(minutes=31))) == 1

    decision_record(user=moderator, comment_ids=[comment.pk], action=Action.APPROVE)
    assert alerts.waiting_alerts(now=now + timedelta(hours=3)) == []  # nothing waits any more


def test_the_daily_digest_comes_once_a_day_at_the_moderators_hour(smtp, moderator, article):
    ModeratorAlerts.objects.create(user=moderator, daily_digest=True, digest_hour=7)
    kept = posted(article, "Kept.")
    gone = posted(article, "Gone.")
    posted(article, "Still waiting.")
    decision_record(user=moderator, comment_ids=[kept.pk], action=Action.APPROVE)
    decision_record(user=moderator, comment_ids=[gone.pk], action=Action.REJECT, reason=Reason.SPAM)

    now = timezone.now()
    ModeratorAlerts.objects.filter(user=moderator).update(digest_hour=23)
    assert alerts.digests(now=now.replace(hour=22, minute=59)) == []  # not before the moderator's hour
    ModeratorAlerts.objects.filter(user=moderator).update(digest_hour=0)
    assert send(alerts.digests(now=now)) == 1
    [digest] = smtp.inbox.to(moderator.email)
    text = digest.get_content()
    assert "1 waiting" in digest["Subject"]
    for line in ("arrived: 3", "approved: 1", "rejected: 1", "Waiting now: 1, of which 0 high-risk"):
        assert line in text
    assert "The corridor: 1" in text
    assert alerts.digests(now=now) == []  # once a day
    assert len(alerts.digests(now=now + timedelta(days=1))) == 1  # and again the next day


def test_the_periodic_task_sends_what_is_due(smtp, moderator, article):
    ModeratorAlerts.objects.create(user=moderator, waiting_minutes=5)
    comment = posted(article)
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=20))
    assert notifications_tick.call() == 1
    assert notifications_tick.call() == 0
    assert len(smtp.inbox.to(moderator.email)) == 1


def test_a_moderator_sets_their_alerts_on_their_page(client, moderator):
    client.force_login(moderator)
    page = client.get("/notifications/alerts/")
    assert page.status_code == 200 and "high-risk comment arrives" in page.content.decode()
    bad = client.post("/notifications/alerts/", {"waiting_minutes": "2", "digest_hour": "25"})
    assert bad.status_code == 200
    assert not ModeratorAlerts.objects.exists()
    body = bad.content.decode()
    assert "greater than or equal to 5" in body and "less than or equal to 23" in body
    ok = client.post("/notifications/alerts/", {"high_risk": "on", "waiting_minutes": "20", "digest_hour": "8",
                                                "daily_digest": "on"}, follow=True)
    assert "Your alerts are saved." in ok.content.decode()
    prefs = ModeratorAlerts.objects.get(user=moderator)
    assert (prefs.high_risk, prefs.waiting_minutes, prefs.daily_digest, prefs.digest_hour) == (True, 20, True, 8)
    client.post("/notifications/alerts/", {"digest_hour": "8"})  # everything off
    prefs.refresh_from_db()
    assert (prefs.high_risk, prefs.waiting_minutes, prefs.daily_digest) == (False, None, False)


def test_only_moderators_have_an_alerts_page(client, author):
    assert client.get("/notifications/alerts/").status_code == 302  # to the log-in page
    client.force_login(author)
    assert client.get("/notifications/alerts/").status_code == 403
