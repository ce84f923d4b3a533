"""No N+1: the number of queries of each list endpoint does not grow with the rows it shows."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.conftest import token_api
from tests.querycount import busy_history, busy_queue, busy_thread, same_queries

pytestmark = pytest.mark.django_db


def test_thread(client, article, moderator, django_assert_num_queries):
    def fetch():
        cache.clear()  # the page itself, not the cached copy
        r = client.get("/api/v1/articles/lachin-corridor/comments", {"limit": 100})
        assert r.status_code == 200
        fetch.shown = len(r.json()["comments"])

    n = same_queries(lambda k: busy_thread(article, moderator, k), fetch, few=3, many=30,
                 django_assert_num_queries=django_assert_num_queries)
    assert fetch.shown == 30
    assert n <= 4  # version, article with its count, top-level comments, their replies


@pytest.mark.parametrize(("path", "key", "build", "few", "many", "shown", "bound"), [
    ("/api/v1/moderation/queue", "comments", busy_queue, 8, 32, 32, 8),
    ("/api/v1/moderation/history", "decisions", busy_history, 3, 30, 40, 4),  # an undone approval is two rows
])
def test_moderation_lists(article, moderator, django_assert_num_queries, path, key, build, few, many, shown, bound):
    api = token_api(moderator)

    def fetch():
        status, body = api.get(path, limit=200)
        assert status == 200
        fetch.shown = len(body[key])

    n = same_queries(lambda k: build(article, moderator, k), fetch, few=few, many=many,
                 django_assert_num_queries=django_assert_num_queries)
    assert fetch.shown == shown
    assert n <= bound
