"""GET /api/v1/articles/{key}/comments: readers only ever see approved comments."""

import pytest

from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record, decision_undo
from tests.conftest import approve, submit

URL = "/api/v1/articles/lachin-corridor/comments"
pytestmark = pytest.mark.django_db


def ids(body):
    return [c["id"] for c in body["comments"]]


def test_pending_and_rejected_comments_are_invisible(anon_api, article, moderator):
    pending = submit(article, "waiting")
    rejected = submit(article, "nasty")
    shown = submit(article, "fine")
    decision_record(user=moderator, comment_ids=[rejected.pk], action=Action.REJECT, reason=Reason.OBSCENITY)
    approve(moderator, shown)

    status, body = anon_api.get(URL)
    assert status == 200
    assert ids(body) == [shown.pk]
    assert body["article"]["comment_count"] == 1
    assert pending.pk not in ids(body) and rejected.pk not in ids(body)
    assert set(body["comments"][0]) == {"id", "parent_id", "author_name", "is_author", "body_html", "lang",
                                        "created_at"}
    assert "author_email" not in str(body)


def test_undoing_an_approval_hides_the_comment_again(anon_api, article, moderator):
    c = submit(article)
    [d] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
    assert ids(anon_api.get(URL)[1]) == [c.pk]
    decision_undo(user=moderator, decision_id=d.pk)
    assert ids(anon_api.get(URL)[1]) == []


def test_threads_nest_replies_under_their_parents(anon_api, article, moderator):
    a = submit(article, "a")
    b = submit(article, "b")
    approve(moderator, a, b)
    a1 = submit(article, "a1", parent=a)
    approve(moderator, a1)
    a1x = submit(article, "a1x", parent=a1)
    a2 = submit(article, "a2", parent=a)
    pending_reply = submit(article, "pending", parent=a)
    approve(moderator, a1x, a2)

    body = anon_api.get(URL, order="oldest")[1]
    assert ids(body) == [a.pk, a1.pk, a1x.pk, a2.pk, b.pk]
    assert pending_reply.pk not in ids(body)
    parents = {c["id"]: c["parent_id"] for c in body["comments"]}
    assert parents[a1x.pk] == a1.pk and parents[a2.pk] == a.pk and parents[b.pk] is None

    newest = anon_api.get(URL, order="newest")[1]
    assert ids(newest) == [b.pk, a.pk, a1.pk, a1x.pk, a2.pk]


def test_a_reply_under_an_unpublished_parent_is_hidden(anon_api, article, moderator):
    a = submit(article, "a")
    [d] = decision_record(user=moderator, comment_ids=[a.pk], action=Action.APPROVE)
    reply = submit(article, "reply", parent=a)
    approve(moderator, reply)
    decision_undo(user=moderator, decision_id=d.pk)
    assert ids(anon_api.get(URL)[1]) == []


def test_pages_follow_next_until_every_comment_was_seen_once(anon_api, article, moderator):
    comments = [submit(article, f"c{i}") for i in range(7)]
    approve(moderator, *comments)
    seen, url, pages = [], f"{URL}?order=oldest&limit=3", 0
    while url:
        status, body = anon_api.get(url.replace("http://testserver", ""))
        assert status == 200
        seen += ids(body)
        url, pages = body["next"], pages + 1
    assert pages == 3
    assert seen == [c.pk for c in comments]


def test_a_new_comment_does_not_shift_the_next_page(anon_api, article, moderator):
    comments = [submit(article, f"c{i}") for i in range(4)]
    approve(moderator, *comments)
    first = anon_api.get(URL, limit=2)[1]
    approve(moderator, submit(article, "late arrival"))
    second = anon_api.get(first["next"].replace("http://testserver", ""))[1]
    assert ids(second) == [comments[1].pk, comments[0].pk]


@pytest.mark.parametrize(("params", "field"), [({"order": "sideways"}, "order"), ({"cursor": "%%%"}, "cursor"),
                                              ({"limit": "many"}, "limit")])
def test_bad_query_parameters_are_422(anon_api, article, params, field):
    status, body = anon_api.get(URL, **params)
    assert status == 422
    assert field in body["error"]["fields"]


def test_unknown_article_is_404(anon_api, db):
    status, body = anon_api.get("/api/v1/articles/missing/comments")
    assert status == 404 and body["error"]["code"] == "article_not_found"


def test_closed_articles_still_show_approved_comments(anon_api, article, moderator):
    c = submit(article)
    approve(moderator, c)
    article.comments_open = False
    article.save()
    body = anon_api.get(URL)[1]
    assert body["article"]["comments_open"] is False
    assert ids(body) == [c.pk]


def test_author_badge_and_site_policy(anon_api, article, author, moderator, site):
    c = submit(article, user=author)
    r = submit(article, "reader")
    approve(moderator, c, r)
    body = anon_api.get(URL)[1]
    badges = {x["id"]: x["is_author"] for x in body["comments"]}
    assert badges == {c.pk: True, r.pk: False}
    assert body["article"]["policy"] == site.policy_text
    assert "moderator" in body["article"]["policy"]


def test_embedding_origins_come_from_the_site(client, article, site):
    headers = {"Origin": "https://news.example.org"}
    r = client.get(URL, headers=headers)
    assert "access-control-allow-origin" not in r.headers
    site.allowed_origins = "https://news.example.org\nhttps://other.example.org/"
    site.save()
    r = client.get(URL, headers=headers)
    assert r.headers["access-control-allow-origin"] == "https://news.example.org"
    assert r.headers["access-control-allow-credentials"] == "true"
    preflight = client.options(URL, headers={**headers, "Access-Control-Request-Method": "POST",
                                            "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    # staff endpoints are never opened to other origins
    r = client.get("/api/v1/moderation/queue", headers=headers)
    assert "access-control-allow-origin" not in r.headers
