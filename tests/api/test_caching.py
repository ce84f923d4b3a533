"""The thread endpoint from the cache: ETag, 304, and a new version the moment readers' view changes."""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.test import RequestFactory, override_settings

from civility.comments.admin import CommentAdmin
from civility.comments.models import Comment
from civility.comments.services import comment_delete
from civility.moderation.models import Action, Reason
from civility.moderation.services import comment_staff_edit, decision_record, decision_undo
from civility.publishing.models import Article
from civility.publishing.services import article_save, article_set_open, site_save
from tests.conftest import approve, make_user, submit

URL = "/api/v1/articles/lachin-corridor/comments"
pytestmark = pytest.mark.django_db


def etag_of(client, url=URL, **headers):
    r = client.get(url, headers=headers)
    assert r.status_code == 200
    return r["ETag"]


def test_the_thread_has_an_etag_and_answers_304_to_if_none_match(client, article, moderator):
    approve(moderator, submit(article, "First."))
    r = client.get(URL)
    assert r.status_code == 200
    assert r["ETag"].startswith('"') and len(r["ETag"]) > 10
    assert "no-cache" in r["Cache-Control"]
    again = client.get(URL, headers={"If-None-Match": r["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == r["ETag"]
    assert client.get(URL, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_a_cached_page_costs_one_query(client, article, moderator, django_assert_num_queries):
    approve(moderator, *[submit(article, f"Comment {i}.") for i in range(5)])
    first = client.get(URL)
    with django_assert_num_queries(1):  # the article's version; the page comes from the cache
        second = client.get(URL)
    assert second.content == first.content
    with django_assert_num_queries(1):
        assert client.get(URL, headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_approving_changes_the_page_at_once(client, article, moderator):
    c = submit(article, "Soon visible.")
    before = etag_of(client)
    approve(moderator, c)
    r = client.get(URL, headers={"If-None-Match": before})
    assert r.status_code == 200
    assert [x["id"] for x in r.json()["comments"]] == [c.pk]


def test_rejecting_a_pending_comment_keeps_the_page(client, article, moderator):
    c = submit(article, "Never visible.")
    version = Article.objects.get(pk=article.pk).public_version
    before = etag_of(client)
    decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.SPAM)
    assert Article.objects.get(pk=article.pk).public_version == version
    assert client.get(URL, headers={"If-None-Match": before}).status_code == 304


@pytest.mark.parametrize("change", ["reject", "undo"])
def test_taking_an_approved_comment_down_changes_the_page(client, article, moderator, change):
    c = submit(article, "Visible for a while.")
    [d] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
    before = etag_of(client)
    if change == "reject":
        decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.OTHER)
    else:
        decision_undo(user=moderator, decision_id=d.pk)
    r = client.get(URL, headers={"If-None-Match": before})
    assert r.status_code == 200 and r.json()["comments"] == []


def test_an_author_skipping_the_queue_shows_at_once(client, article, site):
    site.authors_skip_queue = True
    site.save()
    author = make_user("author", "columnist")
    article.authors.add(author)
    before = etag_of(client)
    c = submit(article, "From the author.", user=author)
    r = client.get(URL, headers={"If-None-Match": before})
    assert r.status_code == 200 and [x["id"] for x in r.json()["comments"]] == [c.pk]


def test_closing_and_editing_the_article_change_the_page(client, article):
    before = etag_of(client)
    article_set_open(key=article.key, is_open=False)
    r = client.get(URL, headers={"If-None-Match": before})
    assert r.status_code == 200 and r.json()["article"]["comments_open"] is False
    closed = r["ETag"]
    article.refresh_from_db()
    stale_version = article.public_version
    Article.objects.filter(pk=article.pk).update(public_version=stale_version + 5)  # a decision meanwhile
    article.title = "A new title"
    article_save(article=article)
    r = client.get(URL, headers={"If-None-Match": closed})
    assert r.status_code == 200 and r.json()["article"]["title"] == "A new title"
    # saving never writes back the version it read: it only ever moves forward
    assert Article.objects.get(pk=article.pk).public_version == stale_version + 6


def test_a_site_policy_edit_changes_its_pages(client, article, site):
    before = etag_of(client)
    site.policy_text = "Be kind."
    site_save(site=site)
    r = client.get(URL, headers={"If-None-Match": before})
    assert r.status_code == 200 and r.json()["article"]["policy"] == "Be kind."


def test_comment_edits_and_deletions_in_the_admin_change_the_page(client, article, moderator, admin_user):
    c = submit(article, "Typo here.")
    approve(moderator, c)
    before = etag_of(client)
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    form = CommentAdmin(Comment, admin_site).get_form(request, c)(instance=c, data={
        "body": "Typo fixed.", "author_name": c.author_name, "author_email": c.author_email})
    assert form.is_valid(), form.errors
    CommentAdmin(Comment, admin_site).save_model(request, form.save(commit=False), form=form, change=True)
    r = client.get(URL, headers={"If-None-Match": before})
    assert r.status_code == 200 and "Typo fixed." in r.json()["comments"][0]["body_html"]
    edited = r["ETag"]
    CommentAdmin(Comment, admin_site).delete_queryset(request, Comment.objects.filter(pk=c.pk))
    r = client.get(URL, headers={"If-None-Match": edited})
    assert r.status_code == 200 and r.json()["comments"] == []


def test_deleting_authors_in_bulk_in_the_admin_takes_their_badge_off_the_page(client, article, moderator,
                                                                               admin_user):
    from civility.accounts.admin import CivilityUserAdmin
    from civility.accounts.models import User

    writer = make_user("author", "columnist")
    approve(moderator, submit(article, "From the newsroom.", user=writer))
    assert client.get(URL).json()["comments"][0]["is_author"] is True
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    CivilityUserAdmin(User, admin_site).delete_queryset(request, User.objects.filter(pk=writer.pk))
    assert client.get(URL).json()["comments"][0]["is_author"] is False


def test_editing_a_pending_comment_keeps_the_page(client, article, moderator):
    c = submit(article, "Not public.")
    before = etag_of(client)
    c.body = "Still not public."
    comment_staff_edit(user=moderator, comment=c, fields=["body"])
    assert client.get(URL, headers={"If-None-Match": before}).status_code == 304
    version = Article.objects.get(pk=article.pk).public_version
    comment_delete(comments=[c])  # a new version whatever its status (hidden replies go with it) …
    assert Article.objects.get(pk=article.pk).public_version == version + 1
    # … yet the ETag hashes the page, which is the same: still 304
    assert client.get(URL, headers={"If-None-Match": before}).status_code == 304


def test_staff_get_the_same_public_page_as_everyone(client, article, moderator):
    approve(moderator, submit(article, "Public."))
    pending = submit(article, "Pending.")
    anonymous = client.get(URL)
    client.force_login(moderator)
    staff = client.get(URL)
    assert staff.content == anonymous.content and staff["ETag"] == anonymous["ETag"]
    assert pending.pk not in [x["id"] for x in staff.json()["comments"]]
    assert "Cookie" not in staff.get("Vary", "")  # nothing in it depends on who asks


def test_each_host_gets_its_own_next_links(client, article, moderator):
    approve(moderator, *[submit(article, f"Comment {i}.") for i in range(3)])
    here = client.get(URL, {"limit": 1}, HTTP_HOST="localhost").json()["next"]
    there = client.get(URL, {"limit": 1}, HTTP_HOST="127.0.0.1").json()["next"]
    assert here.startswith("http://localhost/") and there.startswith("http://127.0.0.1/")


def test_pages_and_orders_are_cached_apart(client, article, moderator):
    approve(moderator, *[submit(article, f"Comment {i}.") for i in range(3)])
    newest = client.get(URL, {"order": "newest"}).json()["comments"]
    oldest = client.get(URL, {"order": "oldest"}).json()["comments"]
    assert [c["id"] for c in newest] == [c["id"] for c in reversed(oldest)]
    assert len(client.get(URL, {"limit": 2}).json()["comments"]) == 2


def test_errors_are_not_cached(client, article):
    r = client.get(URL, {"cursor": "garbage"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_cursor"
    assert "ETag" not in r
    r = client.get("/api/v1/articles/nope/comments")
    assert r.status_code == 404 and r.json()["error"]["code"] == "article_not_found"


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                       "LOCATION": "redis://127.0.0.1:1/0"}})
def test_without_a_cache_pages_come_from_the_database(client, article, moderator):
    approve(moderator, c := submit(article, "Still served."))
    r = client.get(URL)
    assert r.status_code == 200 and [x["id"] for x in r.json()["comments"]] == [c.pk]
    assert client.get(URL, headers={"If-None-Match": r["ETag"]}).status_code == 304
