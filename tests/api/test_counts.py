"""GET /api/v1/counts: approved-comment counts of many articles in one request and one query."""

import pytest

from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record
from civility.publishing.models import Article
from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_articles(article, site, moderator):
    other = Article.objects.create(site=site, key="quiet-one", title="Nobody commented")
    approve(moderator, submit(article, "One."), submit(article, "Two."))
    submit(article, "Pending, not counted.")
    rejected = submit(article, "Rejected, not counted.")
    decision_record(user=moderator, comment_ids=[rejected.pk], action=Action.REJECT, reason=Reason.SPAM)
    return article, other


def test_counts_of_known_articles_unknown_ones_left_out(client, two_articles, django_assert_num_queries):
    with django_assert_num_queries(1):
        r = client.get("/api/v1/counts?article=lachin-corridor&article=quiet-one&article=no-such-thing")
    assert r.status_code == 200
    assert r.json() == {"counts": {"lachin-corridor": 2, "quiet-one": 0}}
    assert r["Cache-Control"] == "max-age=30"


def test_comma_separated_keys_work_too(client, two_articles):
    r = client.get("/api/v1/counts?articles=quiet-one,lachin-corridor,,quiet-one")
    assert r.json() == {"counts": {"lachin-corridor": 2, "quiet-one": 0}}


def test_no_keys_no_counts(client, db):
    assert client.get("/api/v1/counts").json() == {"counts": {}}


def test_the_number_of_keys_is_capped(client, db):
    keys = "&".join(f"article=a{i}" for i in range(101))
    r = client.get(f"/api/v1/counts?{keys}")
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "too_many_articles"
    assert set(r.json()["error"]["fields"]) == {"article"}
    assert client.get("/api/v1/counts?" + "&".join(f"article=a{i}" for i in range(100))).status_code == 200


def test_counts_are_open_to_embedding_origins(client, two_articles, site):
    site.allowed_origins = "https://news.example.org"
    site.save()
    r = client.get("/api/v1/counts?article=quiet-one", headers={"Origin": "https://news.example.org"})
    assert r.headers["access-control-allow-origin"] == "https://news.example.org"
    r = client.get("/api/v1/counts?article=quiet-one", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
