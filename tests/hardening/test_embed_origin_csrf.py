"""Defect 1 of the hardening issue: a page on an allowed embed origin acting for a moderator.

The widget's pages are trusted to post readers' comments with the session's token;
they must never reach a staff endpoint, and no API write may arrive as a "simple"
cross-origin request (form-encoded or text/plain body) that skips the CORS preflight.
"""

import json

import pytest
from django.test import Client

from civility.accounts.models import Role
from civility.comments.models import Comment, Status
from civility.moderation.models import Decision
from tests.conftest import make_user, submit

pytestmark = pytest.mark.django_db

EMBED = "https://news.example.org"


@pytest.fixture
def embedding_site(site):
    site.allowed_origins = EMBED
    site.save()
    return site


@pytest.fixture
def moderator_browser(embedding_site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(Role.MODERATOR, "mod-browser"))
    token = client.get("/api/v1/session", headers={"Origin": EMBED}).json()["csrf_token"]
    return client, token


def test_a_form_encoded_body_that_is_also_json_cannot_approve(article, moderator_browser):
    client, token = moderator_browser
    comment = submit(article)
    # What a no-cors <form> or fetch can send: form-encoded, yet the whole body parses as JSON.
    body = json.dumps({"action": "approve", "note": f"&csrfmiddlewaretoken={token}&"})
    r = client.post(f"/api/v1/moderation/comments/{comment.pk}/decision", body,
                    content_type="application/x-www-form-urlencoded", headers={"Origin": EMBED})
    assert r.status_code == 415
    assert r.json()["error"]["code"] == "unsupported_media_type"
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not Decision.objects.exists()


@pytest.mark.parametrize("content_type", ["text/plain", "multipart/form-data; boundary=x", ""])
def test_api_writes_with_a_simple_content_type_are_415(article, content_type):
    r = Client().post(f"/api/v1/articles/{article.key}/comments",
                      json.dumps({"body": "A fine comment.", "author_name": "A", "author_email": "a@example.org"}),
                      content_type=content_type)
    assert r.status_code == 415
    assert set(r.json()["error"]) == {"code", "message", "fields"}
    assert not Comment.objects.exists()


def test_json_with_a_charset_is_still_json(article):
    r = Client().post(f"/api/v1/articles/{article.key}/comments",
                      json.dumps({"body": "A fine comment.", "author_name": "A", "author_email": "a@example.org"}),
                      content_type="application/json; charset=utf-8")
    assert r.status_code == 202


def test_staff_endpoints_never_trust_an_embed_origin(article, moderator_browser):
    client, token = moderator_browser
    comment = submit(article)
    url = f"/api/v1/moderation/comments/{comment.pk}/decision"
    r = client.post(url, {"action": "approve"}, content_type="application/json",
                    headers={"X-CSRFToken": token, "Origin": EMBED})
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "csrf_failed"
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    # The same request from the moderation pages' own origin goes through.
    r = client.post(url, {"action": "approve"}, content_type="application/json",
                    headers={"X-CSRFToken": token, "Origin": "http://testserver"})
    assert r.status_code == 200


def test_undo_with_an_empty_body_needs_no_content_type(article, moderator_browser):
    from civility.moderation.models import Action
    from civility.moderation.services import decision_record

    client, token = moderator_browser
    [d] = decision_record(user=make_user(Role.ADMIN, "a"), comment_ids=[submit(article).pk], action=Action.APPROVE)
    r = client.post(f"/api/v1/moderation/decisions/{d.pk}/undo", "", content_type="",
                    headers={"X-CSRFToken": token, "Origin": "http://testserver"})
    assert r.status_code == 200, r.content
