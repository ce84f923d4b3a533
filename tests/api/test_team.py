"""Claims, take-over, filters and "my articles" through the API."""

import json

import pytest

from civility.accounts.models import Role
from civility.comments.models import Status
from civility.publishing.models import Article
from tests.conftest import make_user, submit, token_api

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(db):
    return token_api(make_user(Role.MODERATOR, "anna")), token_api(make_user(Role.MODERATOR, "bo"))


def test_a_decision_on_a_colleagues_claim_is_409_unless_taken_over(two, article):
    anna, bo = two
    c = submit(article, "Borderline.")
    status, claim = anna.post(f"/api/v1/moderation/comments/{c.pk}/claim", {})
    assert status == 200 and claim["moderator"] == "anna" and claim["expires_at"]
    status, body = bo.post(f"/api/v1/moderation/comments/{c.pk}/claim", {})
    assert (status, body["error"]["code"], body["error"]["fields"]) == (409, "claimed", {str(c.pk): "anna"})
    status, body = bo.post(f"/api/v1/moderation/comments/{c.pk}/decision", {"action": "approve"})
    assert (status, body["error"]["code"]) == (409, "claimed")
    assert "anna is on it" in body["error"]["message"]
    status, body = bo.post(f"/api/v1/moderation/comments/{c.pk}/decision", {"action": "approve", "take_over": True})
    assert status == 200 and body["status"] == Status.APPROVED


def test_claim_without_a_body_release_and_errors(two, article):
    anna, bo = two
    c = submit(article, "x")
    r = anna.client.post(f"/api/v1/moderation/comments/{c.pk}/claim", "", content_type="application/json",
                         headers=anna.headers)
    assert r.status_code == 200
    r = anna.client.delete(f"/api/v1/moderation/comments/{c.pk}/claim", headers=anna.headers)
    assert r.status_code == 200 and r.json()["released"] is True
    assert bo.post(f"/api/v1/moderation/comments/{c.pk}/claim", {})[0] == 200
    status, body = anna.post("/api/v1/moderation/comments/99999/claim", {})
    assert (status, body["error"]["code"]) == (404, "comment_not_found")


def test_queue_filters_and_my_articles(two, site):
    anna, _bo = two
    arts = [Article.objects.create(site=site, key=k, title=k, section=s)
            for k, s in (("budget", "politics"), ("mayor", "politics"), ("derby", "sport"))]
    comments = {a.key: submit(a, f"On {a.key}.") for a in arts}
    def queue(**params):
        status, body = anna.get("/api/v1/moderation/queue", **params)
        assert status == 200, body
        return {c["id"] for c in body["comments"]}
    assert queue(article="budget,derby") == {comments["budget"].pk, comments["derby"].pk}
    assert queue(section="politics") == {comments["budget"].pk, comments["mayor"].pk}

    r = anna.client.put("/api/v1/moderation/my-articles", json.dumps({"articles": ["derby"], "section": "politics"}),
                        content_type="application/json", headers=anna.headers)
    assert r.status_code == 200 and r.json() == {"articles": ["derby"], "section": "politics"}
    assert anna.get("/api/v1/moderation/my-articles")[1] == {"articles": ["derby"], "section": "politics"}
    assert queue(mine="true") == {c.pk for c in comments.values()}
    status, body = anna.get("/api/v1/moderation/queue", article=",".join(f"a{i}" for i in range(101)))
    assert (status, body["error"]["fields"]) == (422, {"article": "At most 100 articles."})


def test_authors_cannot_claim(article, author):
    c = submit(article, "x")
    assert token_api(author).post(f"/api/v1/moderation/comments/{c.pk}/claim", {})[0] == 403
