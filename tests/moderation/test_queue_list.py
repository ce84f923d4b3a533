"""queue_list loads what the queue page and API read of each item, and not more."""

from __future__ import annotations

import pytest

from civility.api.moderation import queue_item
from civility.moderation.selectors import queue_list
from civility.web.queue import queue_rows
from tests.querycount import busy_queue

pytestmark = pytest.mark.django_db


def test_items_leave_out_columns_nobody_reads(article, moderator, django_assert_num_queries):
    article.body = "A long article text. " * 500
    article.save()
    busy_queue(article, moderator, 8)
    page = queue_list(user=moderator)
    reply = next(c for c in page.items if c.parent_id)
    by_author = next(c for c in page.items if c.user_id)
    assert {"body", "site_id"} <= reply.article.get_deferred_fields()
    assert {"user_agent", "root_id"} <= reply.get_deferred_fields()
    assert {"user_agent", "ip_address"} <= reply.parent.get_deferred_fields()
    assert "password" in by_author.user.get_deferred_fields()
    assert "text_hash" in reply.triage.get_deferred_fields()
    with django_assert_num_queries(0):  # everything the API and the page read is there
        for c in page.items:
            queue_item(c, page.history.get(c.pk))
        queue_rows(page.items, history=page.history, originals={})
