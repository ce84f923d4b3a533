"""No N+1 on the staff pages: the queue and history pages cost the same for 3 comments or 30."""

from __future__ import annotations

import pytest

from tests.querycount import busy_history, busy_queue, same_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.mark.parametrize(("build", "path", "bound"), [
    (busy_queue, "/moderation/", 14),
    (busy_history, "/moderation/history/", 10),
])
def test_staff_page(mod_client, article, moderator, django_assert_num_queries, build, path, bound):
    def fetch():
        r = mod_client.get(path)
        assert r.status_code == 200

    # 8 first: every kind of item at least twice (a repeat needs an original); then 32 in all
    n = same_queries(lambda k: build(article, moderator, k), fetch, few=8, many=32,
                     django_assert_num_queries=django_assert_num_queries)
    assert n <= bound
