"""No N+1: the number of queries of each list endpoint does not grow with the rows it shows."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.conftest import token_api
from tests.querycount import busy_history, busy_queue, busy_thread, queries

pytestmark = pytest.mark.django_db


def _measure(build, fetch, *, few: int, many: int, django_assert_num_queries) -> int:
    """Queries for a page of ``few`` rows; a page of ``many`` must take exactly as many."""
    build(few)
    n = queries(fetch)
    build(many - few)
    with django_assert_num_queries(n):
        fetch()
    return n


def test_thread(client, article, moderator, django_assert_num_queries):
    def fetch():
        cache.clear()  # the page itself, not the cached copy
        r = client.get("/api/v1/articles/lachin-corridor/comments", {"limit": 100})
        assert r.status_code == 200
        fetch.shown = len(r.json()["comments"])

    n = _measure(lambda k: busy_thread(article, moderator, k), fetch, few=3, many=30,
                 django_assert_num_queries=django_assert_num_queries)
    assert fetch.shown == 30
    assert n <= 4  # version, article with its count, top-level comments, their replies


def test_moderation_queue(article, moderator, django_assert_num_queries):
    api = token_api(moderator)

    def fetch():
        status, body = api.get("/api/v1/moderation/queue", limit=200)
        assert status == 200
        fetch.shown = len(body["comments"])

    n = _measure(lambda k: busy_queue(article, moderator, k), fetch, few=8, many=32,
                 django_assert_num_queries=django_assert_num_queries)
    assert fetch.shown == 32
    assert n <= 8


def test_moderation_history(article, moderator, django_assert_num_queries):
    api = token_api(moderator)

    def fetch():
        status, body = api.get("/api/v1/moderation/history", limit=200)
        assert status == 200
        fetch.shown = len(body["decisions"])

    n = _measure(lambda k: busy_history(article, moderator, k), fetch, few=3, many=30,
                 django_assert_num_queries=django_assert_num_queries)
    assert fetch.shown == 40  # each undone approval is two rows
    assert n <= 4
