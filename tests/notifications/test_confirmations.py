"""Confirmed emails: a first-time address waits out of the queue until its owner follows the link."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from django.test import Client, TestCase

from civility.comments.models import Comment, Status
from civility.notifications.confirmations import confirm_token
from civility.notifications.models import ConfirmedAddress, Event, SiteNotifications, WebhookDelivery
from civility.notifications.webhooks import webhook_create
from tests.conftest import Api
from tests.notifications.test_webhooks import SECRET, Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirming(article):
    return SiteNotifications.objects.create(site=article.site, confirm_email=True)


def post(api, article, body="A first remark.", email="nia@example.org"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return api.post(f"/api/v1/articles/{article.key}/comments",
                        {"body": body, "author_name": "Nia", "author_email": email})


def confirm(path: str):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return Client(enforce_csrf_checks=True).post(path)


def link_in(message) -> str:
    return urlsplit(re.search(r"https://\S+/notifications/confirm/\S+", message.get_content()).group(0)).path


def queue_count(mod_api) -> int:
    status, body = mod_api.get("/api/v1/moderation/queue")
    assert status == 200
    return body["count"]


def test_a_first_time_address_waits_until_confirmed_then_joins_the_queue(smtp, confirming, article, anon_api,
                                                                          mod_api):
    status, body = post(anon_api, article)
    assert status == 202
    assert body["status"] == "unconfirmed"
    assert "confirm your email" in body["message"]  # what the widget shows its author
    assert queue_count(mod_api) == 0

    [message] = smtp.inbox.to("nia@example.org")
    assert "confirm your email" in message["Subject"]
    assert "/unsubscribe/" in str(message["List-Unsubscribe"])
    path = link_in(message)
    assert Client().get(path).status_code == 200  # a mail scanner confirms nothing
    assert Comment.objects.get(pk=body["id"]).status == Status.UNCONFIRMED

    done = confirm(path)
    assert done.status_code == 200 and "now with the moderators" in done.content.decode()
    assert Comment.objects.get(pk=body["id"]).status == Status.PENDING
    assert queue_count(mod_api) == 1
    assert ConfirmedAddress.objects.filter(email="nia@example.org").exists()

    # remembered: the next comment goes straight to the queue, and no new link is sent
    _status, again = post(anon_api, article, "A second remark.", email="NIA@example.org")
    assert again["status"] == "pending"
    assert len(smtp.inbox.to("nia@example.org")) == 1


def test_one_link_a_day_releases_every_waiting_comment(smtp, confirming, article, anon_api):
    ids = [post(anon_api, article, f"Remark {n}.")[1]["id"] for n in range(3)]
    [message] = smtp.inbox.to("nia@example.org")  # one link, not three
    confirm(link_in(message))
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {Status.PENDING}


def test_sites_that_do_not_ask_and_logged_in_people_are_not_held(smtp, article, anon_api, author, client):
    SiteNotifications.objects.create(site=article.site, confirm_email=False)
    assert post(anon_api, article)[1]["status"] == "pending"
    SiteNotifications.objects.filter(site=article.site).update(confirm_email=True)
    client.force_login(author)
    token = client.get("/api/v1/session").json()["csrf_token"]
    r = client.post(f"/api/v1/articles/{article.key}/comments", {"body": "From the newsroom."},
                    content_type="application/json", headers={"X-CSRFToken": token})
    assert r.status_code == 202 and r.json()["status"] == "pending"
    assert smtp.inbox.messages == []


def test_a_site_turning_confirmation_on_takes_effect_at_once(smtp, article, admin_user, client):
    client.force_login(admin_user)
    r = client.post("/admin/notifications/sitenotifications/add/", {
        "site": article.site.pk, "email_on_approval": "on", "email_on_rejection": "on", "email_on_reply": "on",
        "confirm_email": "on"})
    assert r.status_code == 302
    assert post(Api(Client()), article)[1]["status"] == "unconfirmed"  # a reader, not the admin


def test_bad_and_expired_links_are_refused(confirming, article, anon_api, monkeypatch):
    post(anon_api, article)
    assert Client().post("/notifications/confirm/not-a-token").status_code == 404
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() - 8 * 24 * 3600)
    old = confirm_token("nia@example.org")
    monkeypatch.setattr(time, "time", real)
    r = Client().post(f"/notifications/confirm/{old}")
    assert r.status_code == 404 and "expired" in r.content.decode()
    assert Comment.objects.get().status == Status.UNCONFIRMED


def test_webhooks_hear_of_the_comment_when_it_joins_the_queue(httpserver, smtp, confirming, article, anon_api):
    receiver = Receiver(httpserver)
    webhook_create(user=None, name="desk", url=receiver.url, events=[Event.SUBMITTED], secret=SECRET)
    post(anon_api, article)
    assert not WebhookDelivery.objects.exists()
    confirm(link_in(smtp.inbox.to("nia@example.org")[0]))
    [payload] = receiver.got
    assert payload["comment"]["status"] == "pending"


def test_the_link_is_sent_in_the_language_the_widget_showed(smtp, confirming, article, anon_api):
    with TestCase.captureOnCommitCallbacks(execute=True):
        status, _ = anon_api.post(f"/api/v1/articles/{article.key}/comments", {
            "body": "Yol hamı üçün vacibdir.", "author_name": "Nigar", "author_email": "nigar@example.org",
            "ui_lang": "az"})
    assert status == 202
    [message] = smtp.inbox.to("nigar@example.org")
    assert "e-poçt ünvanınızı təsdiqləyin" in message["Subject"]
    assert "confirm" not in message.get_content().split("/notifications/confirm/")[0].lower()
