"""Webhooks against a local HTTP receiver that checks every signature the way a receiver should."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time

import pytest
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from werkzeug import Request, Response

from civility.errors import InvalidInput
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record, decision_undo
from civility.notifications.models import DeliveryStatus, Event, Webhook, WebhookDelivery, WebhookFormat
from civility.notifications.webhooks import webhook_create, webhooks_retry
from civility.triage.registry import Signal, register
from civility.triage.types import Finding
from tests.conftest import submit

pytestmark = pytest.mark.django_db
SECRET = "a-shared-secret-of-some-length"
COPY = "Stop the biased coverage! This newspaper never mentions the refugees from the other side at all."


@register("test-threat.v1")
class Threat(Signal):
    """Stands in for the model: THREAT in a text is a sure threat."""

    labels = ("threat",)

    def __call__(self, doc):
        if "THREAT" in doc.subject.text:
            doc.add(Finding("threat", 0.95, "a test threat"))


class Receiver:
    """Accepts a POST only with a valid, fresh signature; ``answer`` sets the status it replies with."""

    def __init__(self, server, path: str = "/hook"):
        self.server, self.path = server, path
        self.got: list[dict] = []
        self.headers: list[dict] = []
        self.answer = 204
        server.expect_request(path, method="POST").respond_with_handler(self.handle)

    @property
    def url(self) -> str:
        return self.server.url_for(self.path)

    def handle(self, request: Request) -> Response:
        timestamp = request.headers["X-Civility-Timestamp"]
        body = request.get_data()
        expected = "sha256=" + hmac.new(SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers["X-Civility-Signature"]):
            return Response("bad signature", status=401)
        if abs(time.time() - int(timestamp)) > 300:
            return Response("stale", status=401)
        self.headers.append(dict(request.headers))
        self.got.append(json.loads(body))
        return Response("", status=self.answer)

    def events(self, name: str) -> list[dict]:
        return [g for g in self.got if g.get("event") == name]


@pytest.fixture
def receiver(httpserver):
    return Receiver(httpserver)


def hook(receiver, *events, fmt=WebhookFormat.JSON, secret=SECRET):
    return webhook_create(user=None, name="newsroom", url=receiver.url, events=list(events), secret=secret,
                          format=fmt)


def posted(article, text="A civil remark.", **kw):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return submit(article, text, **kw)


def decided(moderator, comment, action, reason=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return decision_record(user=moderator, comment_ids=[comment.pk], action=action, reason=reason)


def test_a_submitted_comment_is_posted_signed_without_personal_data(receiver, article):
    hook(receiver, Event.SUBMITTED)
    comment = posted(article, "Where is the bus to Goris?", name="Ana", email="ana@example.org")

    [payload] = receiver.got
    assert payload["event"] == "comment.submitted"
    assert payload["comment"]["id"] == comment.pk and payload["comment"]["status"] == "pending"
    assert payload["comment"]["article"]["key"] == article.key
    assert payload["comment"]["author_name"] == "Ana"
    assert "ana@example.org" not in json.dumps(payload)
    [headers] = receiver.headers
    assert headers["X-Civility-Event"] == "comment.submitted"
    assert headers["X-Civility-Delivery"] == payload["delivery"]
    assert headers["Content-Type"] == "application/json"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.SENT, 1, 204)


def test_a_wrong_secret_is_caught_by_the_receiver(receiver, article):
    hook(receiver, Event.SUBMITTED, secret="not-the-secret-they-share")
    posted(article)
    assert receiver.got == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_status) == (DeliveryStatus.QUEUED, 401)
    assert "401" in delivery.last_error


def test_decisions_and_undos_are_each_posted_once(receiver, article, moderator):
    hook(receiver, Event.DECIDED)
    comment = posted(article)
    [rejection] = decided(moderator, comment, Action.REJECT, Reason.OFF_TOPIC)
    with TestCase.captureOnCommitCallbacks(execute=True):
        decision_undo(user=moderator, decision_id=rejection.pk)

    got = receiver.events("comment.decided")
    assert [(g["decision"]["action"], g["decision"]["reason"], g["decision"]["to_status"]) for g in got] == [
        ("reject", "off_topic", "rejected"), ("undo", "", "pending")]
    assert got[0]["decision"]["actor"] == moderator.username
    assert receiver.events("comment.submitted") == []  # not subscribed


def test_slack_format_is_one_text_message(receiver, article, moderator):
    hook(receiver, Event.DECIDED, fmt=WebhookFormat.SLACK)
    comment = posted(article, "<b>Loud</b> & clear", name="Bo & Co")
    decided(moderator, comment, Action.REJECT, Reason.SPAM)
    [message] = receiver.got
    assert set(message) == {"text"}
    assert "Bo &amp; Co" in message["text"] and "reject (spam)" in message["text"]
    assert "&lt;b&gt;Loud&lt;/b&gt; &amp; clear" in message["text"]  # Slack's escapes
    assert "|Open the queue>" in message["text"]


def test_high_risk_comments_are_announced(receiver, article, settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "test-threat.v1"}]
    hook(receiver, Event.HIGH_RISK)
    posted(article, "A calm remark about roads.")
    risky = posted(article, "THREAT against the editor.")
    [payload] = receiver.got
    assert payload["event"] == "comment.high_risk"
    assert payload["comment"]["id"] == risky.pk
    assert payload["comment"]["risk"] >= 0.7 and payload["comment"]["flags"] == ["threat"]


def test_a_campaign_is_announced_once_when_detected(receiver, article, settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "duplicates.v1"}]
    hook(receiver, Event.CAMPAIGN)
    posted(article, COPY, email="one@example.org")
    assert receiver.got == []
    posted(article, COPY.upper(), email="two@example.org")
    posted(article, COPY + "!", email="three@example.org")
    [payload] = receiver.got
    assert payload["event"] == "campaign.detected"
    assert payload["campaign"]["size"] == 2 and payload["campaign"]["id"]


def test_a_failed_delivery_is_retried_with_the_same_id_and_a_fresh_signature(receiver, article):
    hook(receiver, Event.SUBMITTED)
    receiver.answer = 503
    posted(article)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.QUEUED, 1, 503)
    assert delivery.next_attempt_at > timezone.now()  # backoff
    assert webhooks_retry() == 0  # not due yet

    receiver.answer = 200
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    assert webhooks_retry() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (DeliveryStatus.SENT, 2, "")
    first, second = receiver.headers
    assert first["X-Civility-Delivery"] == second["X-Civility-Delivery"]


def test_an_unreachable_receiver_gives_up_after_the_last_attempt(settings, article):
    settings.CIVILITY_NOTIFY_MAX_ATTEMPTS = 2
    from tests.notifications.conftest import free_port

    webhook_create(user=None, name="gone", url=f"http://127.0.0.1:{free_port()}/hook",
                   events=[Event.SUBMITTED], secret=SECRET)
    comment = posted(article)
    delivery = WebhookDelivery.objects.get()
    assert delivery.attempts == 1 and "ConnectError" in delivery.last_error
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    webhooks_retry()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    comment.refresh_from_db()
    assert comment.status == "pending"  # the comment itself is untouched


@pytest.mark.parametrize(("url", "says"), [
    ("ftp://hooks.example.org/x", "must start with https://"),
    ("javascript:alert(1)", "must start with https://"),
    ("https://", "no host name"),
    ("https://user:pw@hooks.example.org/", "no user name or password"),
    ("https://hooks.example.org/x#part", "#…"),
    ("http://169.254.169.254/latest/meta-data", "link-local"),
    ("http://0.0.0.0:8000/", "unspecified"),
    ("https://hooks.example.org:99999/", "not a valid address"),
    ("https://hooks.example.org/a b", "without spaces"),
    ("", "without spaces"),
])
def test_obviously_bad_urls_are_refused_with_a_reason(url, says):
    with pytest.raises(InvalidInput) as caught:
        webhook_create(user=None, name="x", url=url, events=[Event.SUBMITTED], secret=SECRET)
    assert says in caught.value.fields["url"]


def test_short_secrets_and_unknown_events_are_refused():
    with pytest.raises(InvalidInput) as caught:
        webhook_create(user=None, name="x", url="https://hooks.example.org/", events=["comment.liked"], secret="short")
    assert "at least 16" in caught.value.fields["secret"]
    assert "comment.liked" in caught.value.fields["events"]


def test_nothing_is_queued_for_a_submission_when_no_webhook_listens(settings, receiver, article):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    hook(receiver, Event.DECIDED)  # listens to decisions only
    posted(article)
    assert not DBTaskResult.objects.filter(task_path__endswith="comment_arrived").exists()
    hook(receiver, Event.SUBMITTED)  # heard at once
    posted(article, "Another.")
    assert DBTaskResult.objects.filter(task_path__endswith="comment_arrived").count() == 1


def test_the_admin_registers_a_webhook_and_shows_its_delivery_log(client, admin_user, receiver, article):
    client.force_login(admin_user)
    bad = client.post("/admin/notifications/webhook/add/", {
        "name": "x", "url": "ftp://nope", "secret": SECRET, "events": [Event.SUBMITTED], "format": "json",
        "active": "on"})
    assert bad.status_code == 200 and "must start with https://" in bad.content.decode()
    ok = client.post("/admin/notifications/webhook/add/", {
        "name": "desk", "url": receiver.url, "secret": SECRET, "events": [Event.SUBMITTED, Event.DECIDED],
        "format": "json", "active": "on"})
    assert ok.status_code == 302
    posted(article)
    listing = client.get("/admin/notifications/webhook/").content.decode()
    assert "desk" in listing and "comment.submitted, comment.decided" in listing
    log = client.get("/admin/notifications/webhookdelivery/").content.decode()
    assert "comment.submitted" in log and "204" in log
    webhook = Webhook.objects.get(name="desk")
    edit = client.get(f"/admin/notifications/webhook/{webhook.pk}/change/").content.decode()
    assert re.search(r'value="comment\.decided" id="id_events_\d" checked', edit)
    assert not re.search(r'value="comment\.high_risk" id="id_events_\d" checked', edit)
