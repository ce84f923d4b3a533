"""POST /api/v1/articles/{key}/comments: the contract integrators rely on."""

import pytest
from django.test import override_settings

from civility.comments.models import Comment, Status

URL = "/api/v1/articles/lachin-corridor/comments"
GOOD = {"body": "The road mattered to everyone.", "author_name": "Ani", "author_email": "ani@example.org"}

pytestmark = pytest.mark.django_db


def test_submission_is_accepted_as_pending(anon_api, article):
    status, body = anon_api.post(URL, GOOD)
    assert status == 202
    assert body["status"] == "pending"
    assert "held for review" in body["message"]
    comment = Comment.objects.get(pk=body["id"])
    assert comment.status == Status.PENDING
    assert comment.body == GOOD["body"]
    assert comment.author_email == "ani@example.org"
    assert comment.ip_address == "127.0.0.1"


@pytest.mark.parametrize(("change", "field"), [
    ({"body": "   "}, "body"),
    ({"body": "x" * 5001}, "body"),
    ({"author_name": ""}, "author_name"),
    ({"author_name": "n" * 81}, "author_name"),
    ({"author_email": ""}, "author_email"),
    ({"author_email": "not-an-email"}, "author_email"),
    ({"parent_id": 999999}, "parent_id"),
])
def test_bad_fields_get_422_with_the_field_named(anon_api, article, change, field):
    status, body = anon_api.post(URL, {**GOOD, **change})
    assert status == 422
    assert body["error"]["code"] == "invalid"
    assert field in body["error"]["fields"]
    assert not Comment.objects.exists()


@pytest.mark.parametrize("payload", [{"body": 5}, {"body": ["a"]}, {}, {"author_name": "x"}, {"body": None}])
def test_wrong_types_are_422_not_500(anon_api, article, payload):
    status, body = anon_api.post(URL, payload)
    assert status == 422
    assert "body" in body["error"]["fields"]


def test_malformed_json_is_400(client, article):
    r = client.post(URL, "{not json", content_type="application/json")
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "bad_json"


def test_unknown_article_is_404(anon_api, db):
    status, body = anon_api.post("/api/v1/articles/no-such-thing/comments", GOOD)
    assert status == 404
    assert body["error"]["code"] == "article_not_found"


def test_closed_article_is_403_with_a_clear_message(anon_api, article):
    article.comments_open = False
    article.save()
    status, body = anon_api.post(URL, GOOD)
    assert status == 403
    assert body["error"] == {"code": "comments_closed", "message": "Comments are closed on this article.",
                             "fields": {}}


def test_reply_must_target_an_approved_comment_of_the_same_article(anon_api, article, site, moderator):
    from civility.publishing.models import Article
    from tests.conftest import approve, submit

    pending = submit(article)
    status, body = anon_api.post(URL, {**GOOD, "parent_id": pending.pk})
    assert status == 422 and "parent_id" in body["error"]["fields"]

    other = Article.objects.create(site=site, key="other", title="Other")
    elsewhere = submit(other)
    approve(moderator, elsewhere)
    status, _ = anon_api.post(URL, {**GOOD, "parent_id": elsewhere.pk})
    assert status == 422

    approve(moderator, pending)
    status, body = anon_api.post(URL, {**GOOD, "parent_id": pending.pk})
    assert status == 202
    reply = Comment.objects.get(pk=body["id"])
    assert reply.parent_id == pending.pk and reply.root_id == pending.pk


@override_settings(CIVILITY_SUBMIT_RATE_PER_IP="3/m", CIVILITY_SUBMIT_RATE_PER_EMAIL=None)
def test_per_ip_rate_limit_answers_429_with_retry_after(anon_api, article):
    for i in range(3):
        status, _ = anon_api.post(URL, {**GOOD, "author_email": f"r{i}@example.org"})
        assert status == 202
    status, body = anon_api.post(URL, {**GOOD, "author_email": "r9@example.org"})
    assert status == 429
    assert body["error"]["code"] == "rate_limited"
    assert 1 <= int(anon_api.last["Retry-After"]) <= 60
    assert Comment.objects.count() == 3


@override_settings(CIVILITY_SUBMIT_RATE_PER_IP=None, CIVILITY_SUBMIT_RATE_PER_EMAIL="2/h")
def test_per_email_rate_limit_counts_one_address_across_ips(client, article):
    from tests.conftest import Api

    api = Api(client)
    for ip in ("10.0.0.1", "10.0.0.2"):
        client.defaults["REMOTE_ADDR"] = ip
        assert api.post(URL, {**GOOD, "author_email": "Same@Example.org"})[0] == 202
    client.defaults["REMOTE_ADDR"] = "10.0.0.3"
    status, body = api.post(URL, {**GOOD, "author_email": "same@example.org"})
    assert status == 429
    assert "email" in body["error"]["message"]
    assert api.post(URL, {**GOOD, "author_email": "other@example.org"})[0] == 202


@override_settings(CIVILITY_SUBMIT_RATE_PER_IP=None, CIVILITY_SUBMIT_RATE_PER_EMAIL=None)
def test_off_disables_rate_limits(anon_api, article):
    for _ in range(30):
        assert anon_api.post(URL, GOOD)[0] == 202


@override_settings(CIVILITY_TRUSTED_PROXIES=1, CIVILITY_SUBMIT_RATE_PER_IP="1/m",
                   CIVILITY_SUBMIT_RATE_PER_EMAIL=None)
def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(anon_api, article):
    assert anon_api.post(URL, GOOD, **{"X-Forwarded-For": "203.0.113.7"})[0] == 202
    assert anon_api.post(URL, GOOD, **{"X-Forwarded-For": "203.0.113.8"})[0] == 202
    assert anon_api.post(URL, GOOD, **{"X-Forwarded-For": "203.0.113.7"})[0] == 429
    assert Comment.objects.filter(ip_address="203.0.113.8").exists()


def test_logged_in_author_comments_as_themselves_with_csrf(article, author):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    r = client.post(URL, {"body": "From the newsroom."}, content_type="application/json")
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "csrf_failed"

    token = client.get("/api/v1/session").json()["csrf_token"]
    r = client.post(URL, {"body": "From the newsroom.", "author_name": "Someone else"},
                    content_type="application/json", headers={"X-CSRFToken": token})
    assert r.status_code == 202
    comment = Comment.objects.get(pk=r.json()["id"])
    assert comment.user == author
    assert comment.author_name == author.public_name
    assert comment.is_author
    assert comment.status == Status.PENDING  # the site default: authors are moderated too


def test_an_author_can_post_from_an_allowed_embedding_origin(article, author, site):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    token = client.get("/api/v1/session").json()["csrf_token"]
    post = {"path": URL, "data": {"body": "From the newspaper's own page."}, "content_type": "application/json",
            "headers": {"X-CSRFToken": token, "Origin": "https://news.example.org"}}
    r = client.post(**post)
    assert r.status_code == 403
    assert "origin" in r.json()["error"]["message"].lower()
    site.allowed_origins = "https://news.example.org"
    site.save()
    assert client.post(**post).status_code == 202


def test_authors_skip_the_queue_on_their_own_article_when_the_site_allows(article, author, site):
    from civility.moderation.models import Decision
    from tests.conftest import submit

    site.authors_skip_queue = True
    site.save()
    assert submit(article, user=author).status == Status.PENDING  # not this article's author yet
    article.authors.add(author)
    comment = submit(article, user=author)
    assert comment.status == Status.APPROVED
    decision = Decision.objects.get(comment=comment)
    assert decision.actor is None and "skip" in decision.note
    # ...and only their own article:
    site.authors_skip_queue = False
    site.save()
    assert submit(article, user=author).status == Status.PENDING


def test_a_bad_bearer_token_is_401_not_anonymous(anon_api, article):
    status, body = anon_api.post(URL, GOOD, Authorization="Bearer civ_wrong")
    assert status == 401
    assert body["error"]["code"] == "unauthenticated"
    assert "bearer token is not valid" in body["error"]["message"]
    assert not Comment.objects.exists()


@pytest.mark.parametrize(("sent", "accept_language", "stored"), [
    ({"ui_lang": "ru"}, None, "ru"),
    ({"ui_lang": "ru-RU"}, None, "ru"),  # the widget's or browser's regional code: the language we speak
    ({"ui_lang": "hy"}, "tr", "hy"),  # the widget's own language wins over the header
    ({"ui_lang": "xx"}, None, ""),  # one we have no translations for is ignored, not refused
    ({"ui_lang": "x" * 200}, None, ""),
    ({"ui_lang": "de"}, "az", "az"),  # ignored: then the request's Accept-Language decides
    ({}, "tr-TR,tr;q=0.9", "tr"),
    ({}, None, ""),  # unknown: the site's default when an email is written, whatever it is by then
    ({}, "de", ""),  # not the middleware's fallback to the site's default either
])
def test_the_readers_language_is_kept_for_their_emails(client, article, sent, accept_language, stored):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    r = client.post(URL, {**GOOD, **sent}, content_type="application/json", headers=headers)
    assert r.status_code == 202
    assert Comment.objects.get(pk=r.json()["id"]).ui_lang == stored


def test_ui_lang_is_documented_in_openapi(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    field = spec["components"]["schemas"]["CommentIn"]["properties"]["ui_lang"]
    assert "emails" in field["description"] and "ignored" in field["description"]
