"""The thread's WSGI fast path: repeat requests answered from the cache, never a stale page."""

from __future__ import annotations

import io
import sys
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from civility.api import fastpath
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record
from civility.publishing import public_versions
from civility.publishing.cors import ORIGINS_CACHE_KEY
from civility.publishing.models import Article, Site
from civility.wsgi import application
from tests.conftest import approve, submit

PATH = "/api/v1/articles/lachin-corridor/comments"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_cache(settings, tmp_path):
    """A cache every process shares, as with Redis (the fast path's condition)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": str(tmp_path / "cache")}}


def call(path=PATH, query="", method="GET", **headers):
    """One request through the real WSGI application, as gunicorn makes it."""
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": True,
        "wsgi.run_once": False, "wsgi.version": (1, 0),
    }
    environ.update({"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()})
    got = {}

    def start_response(status, headers, exc_info=None):
        # (without X-Request-ID, which is each request's own: tests/observability/test_logs.py)
        got["status"], got["headers"] = status, {k.lower(): v for k, v in headers if k.lower() != "x-request-id"}

    # as Django's test client does: the test's transaction must survive the request signals
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        body = b"".join(result)
        getattr(result, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return got["status"], got["headers"], body


@pytest.fixture
def thread(article, moderator):
    approve(moderator, *[submit(article, f"Comment number {i}.") for i in range(3)])
    return article


def test_a_repeat_is_answered_without_the_database_with_the_same_bytes(thread, django_assert_num_queries):
    status, headers, body = call()
    assert status == "200 OK" and b"Comment number 2" in body
    with django_assert_num_queries(0):
        again = call()
    assert again == (status, headers, body)  # every header the middleware added, too
    assert "x-content-type-options" in headers and "no-cache" in headers["cache-control"]


def test_if_none_match_gets_304_from_the_fast_path(thread, django_assert_num_queries):
    _, headers, _ = call()
    call()
    with django_assert_num_queries(0):
        status, h304, body = call(If_None_Match=headers["etag"])
    assert status == "304 Not Modified" and body == b""
    assert h304["etag"] == headers["etag"] and "content-type" not in h304
    with django_assert_num_queries(0):
        assert call(If_None_Match='"other"')[0] == "200 OK"


def test_a_decision_is_seen_by_the_very_next_request(thread, moderator, django_capture_on_commit_callbacks):
    call(), call()
    late = submit(thread, "Approved just now.")
    with django_capture_on_commit_callbacks(execute=True):
        approve(moderator, late)
    _, _, body = call()
    assert b"Approved just now." in body
    with django_capture_on_commit_callbacks(execute=True):
        decision_record(user=moderator, comment_ids=[late.pk], action=Action.REJECT, reason=Reason.OTHER)
    assert b"Approved just now." not in call()[2]


def test_a_bump_only_forgets_once_committed(thread, moderator, django_capture_on_commit_callbacks):
    call()
    key = public_versions.version_key(thread.key)
    assert cache.get(key) is not None
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        approve(moderator, submit(thread, "Pending commit."))
    assert cache.get(key) is not None  # not yet: the transaction has not committed
    for callback in callbacks:
        callback()
    assert cache.get(key) is None


def test_a_render_that_missed_a_change_does_not_leave_its_version_behind(thread):
    old = Article.objects.get(pk=thread.pk).public_version
    Article.objects.filter(pk=thread.pk).update(public_version=old + 1)  # committed meanwhile
    public_versions.remember(thread.key, old)
    assert cache.get(public_versions.version_key(thread.key)) is None
    public_versions.remember(thread.key, old + 1)
    assert cache.get(public_versions.version_key(thread.key)) == old + 1


def test_query_string_and_host_are_part_of_the_key(thread, moderator, django_assert_num_queries):
    approve(moderator, *[submit(thread, f"More {i}.") for i in range(3)])
    first = call(query="limit=2")
    second = call(query="limit=2&order=oldest")
    assert first[2] != second[2]
    with django_assert_num_queries(0):
        assert call(query="limit=2") == first
        assert call(query="limit=2&order=oldest") == second
    other_host = call(Host="evil.example")
    assert other_host[0].startswith("400")  # Django's host check still runs for a new key


def test_an_embedding_origin_is_checked_again_on_every_hit(thread, site, django_assert_num_queries):
    origin = "https://news.example.org"
    _, headers, _ = call(Origin=origin)
    assert "access-control-allow-origin" not in headers
    with django_assert_num_queries(0):
        assert "access-control-allow-origin" not in call(Origin=origin)[1]
    # the site now allows it (the same as an admin edit, without its version bump)
    Site.objects.filter(pk=site.pk).update(allowed_origins=origin)
    cache.delete(ORIGINS_CACHE_KEY)
    assert call(Origin=origin)[1]["access-control-allow-origin"] == origin
    with django_assert_num_queries(0):
        assert call(Origin=origin)[1]["access-control-allow-origin"] == origin


def test_without_the_cache_django_answers(thread):
    expected = call()
    with mock.patch.object(fastpath.cache, "get_many", side_effect=ConnectionError("down")):
        assert call()[0] == "200 OK"
        assert call()[2] == expected[2]


def test_other_requests_pass_through(thread):
    call(), call()
    assert call(method="HEAD")[0] == "405 Method Not Allowed"  # Django's answer, as before
    assert call(method="POST")[0].startswith("4")  # an empty POST: never the cached page
    assert call(path="/api/v1/articles/nope/comments")[0].startswith("404")
    assert call(path="/api/v1/articles/nope/comments")[0].startswith("404")  # 404s are never stored


def test_with_a_cache_of_its_own_the_process_reads_the_version_every_time(thread, settings,
                                                                           django_assert_max_num_queries):
    """The embedded setup: another process (a command in a terminal) cannot clear this
    process's memory cache, so nothing is served on the cache's word alone."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert not fastpath.enabled()
    first = call()
    with django_assert_max_num_queries(1) as queries:  # the version, read from the database
        assert call() == first
    assert len(queries) == 1


def test_a_new_release_does_not_serve_the_old_code_s_pages(thread, monkeypatch, django_assert_num_queries):
    call()
    with django_assert_num_queries(0):
        call()
    monkeypatch.setattr(fastpath.release, "fingerprint", lambda: "another release")
    with CaptureQueriesContext(connection) as queries:
        call()
    # built again from the comments: the version-keyed page cache is keyed on the code too
    assert any("comments_comment" in q["sql"] for q in queries.captured_queries)
    with django_assert_num_queries(0):  # and then it is served fast again
        call()


def test_the_code_fingerprint_changes_with_a_source_file(tmp_path):
    from civility.release import fingerprint

    (tmp_path / "views.py").write_text("x = 1\n")
    (tmp_path / "weights.npz").write_bytes(b"big data, not code")
    before = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == before
    (tmp_path / "weights.npz").write_bytes(b"other data")
    fingerprint.cache_clear()
    assert fingerprint(tmp_path) == before
    (tmp_path / "views.py").write_text("x = 2\n")
    fingerprint.cache_clear()
    assert fingerprint(tmp_path) != before
