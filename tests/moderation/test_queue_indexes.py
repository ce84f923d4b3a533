"""The queue at scale: each variant of its query walks a partial index in the queue's order.

PostgreSQL only (skipped on SQLite). The table gets 60,000 comments (a fifth pending, ten
articles, ten languages) and fresh statistics, so the planner chooses as it would in
production; a plan that sorts or scans the whole table fails the test.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civility.moderation.selectors import queue_list
from civility.publishing.models import Article

pytestmark = pytest.mark.django_db

ROWS = 60_000


@pytest.fixture
def big_queue(site, moderator):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are checked on PostgreSQL only (DATABASE_URL=postgres://…)")
    articles = [Article.objects.create(site=site, key=f"a{i}", title=f"A{i}") for i in range(10)]
    ids = [a.pk for a in articles]
    with connection.cursor() as cursor:
        cursor.execute(f"""
            INSERT INTO comments_comment (article_id, author_name, author_email, body, status, created_at,
                                          user_agent, risk, lang)
            SELECT (ARRAY{ids})[1 + n % 10], 'Reader', 'r' || n || '@example.org', 'Comment ' || n,
                   CASE WHEN n % 5 = 0 THEN 'pending' WHEN n % 5 = 1 THEN 'rejected' ELSE 'approved' END,
                   now() - n * interval '1 second', '', (n * 7919 % 1000) / 1000.0,
                   (ARRAY['en','ru','hy','az','tr','ka','de','fr','es','uk'])[1 + (n / 10) % 10]
            FROM generate_series(1, {ROWS}) AS n
        """)  # noqa: S608 (integers we made)
        cursor.execute("ANALYZE comments_comment")
        cursor.execute("ANALYZE publishing_article")
    return moderator


def _explained(fn) -> dict[str, str]:
    """{sql: plan} of the queries on comments that ``fn`` runs, in this database's EXPLAIN."""
    sqlite = connection.vendor == "sqlite"
    explain, sep = ("EXPLAIN QUERY PLAN ", " | ") if sqlite else ("EXPLAIN ", "\n")
    with CaptureQueriesContext(connection) as ctx:
        fn()
    plans = {}
    with connection.cursor() as cursor:
        for q in ctx.captured_queries:
            if q["sql"].startswith("SELECT") and 'FROM "comments_comment"' in q["sql"]:
                cursor.execute(explain + q["sql"])
                plans[q["sql"]] = sep.join(row[-1] for row in cursor.fetchall())
    return plans


def _plans(fn) -> list[str]:
    """EXPLAIN of the page, rows and count queries that ``fn`` runs (not the history's)."""
    return [plan for sql, plan in _explained(fn).items() if "GROUP BY" not in sql]


@pytest.mark.parametrize(("filters", "index"), [
    ({}, "queue_pending_idx"),
    ({"lang": "hy"}, "queue_pending_lang_idx"),
    ({"article_key": "a5"}, "queue_pending_article_idx"),
])
def test_queue_pages_walk_a_partial_index_in_order(big_queue, filters, index):
    first = queue_list(user=big_queue, limit=50, **filters)
    assert first.total and first.next_cursor
    page, rows, count = _plans(lambda: queue_list(user=big_queue, limit=50, cursor=first.next_cursor, **filters))
    # the page's ids only: an index-only scan where the visibility map allows
    assert re.search(f"Index (Only )?Scan using {index} ", page), page
    assert "Sort" not in page and "Seq Scan on comments_comment" not in page, page
    assert "comments_comment_pkey" in rows and "Seq Scan on comments_comment" not in rows, rows
    assert "queue_pending" in count and "Seq Scan on comments_comment" not in count, count


@pytest.fixture
def sqlite_queue(site, moderator):
    """SQLite as it runs: no ANALYZE, so no statistics to steer the planner."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own plans")
    article = Article.objects.create(site=site, key="a0", title="A0")
    with connection.cursor() as cursor:
        cursor.execute(f"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS // 6})
            INSERT INTO comments_comment (article_id, author_name, author_email, body, status, created_at,
                                          user_agent, risk, lang)
            SELECT {article.pk}, 'Reader', 'r' || (i % 3000) || '@example.org', 'Comment ' || i,
                   CASE WHEN i % 5 = 0 THEN 'approved' ELSE 'pending' END, datetime('now', '-' || i || ' seconds'),
                   '', (i * 7919 % 1000) / 1000.0, 'en'
            FROM n
        """)  # noqa: S608 (integers we made)
    return moderator


def test_sqlite_walks_the_queue_index_and_the_email_index_without_statistics(sqlite_queue):
    pages = []
    plans = _explained(lambda: pages.append(queue_list(user=sqlite_queue, limit=50)))
    assert len(pages[0].items) == 50 and pages[0].history
    page_plan = next(p for s, p in plans.items() if "ORDER BY" in s and "GROUP BY" not in s)
    history_plan = next(p for s, p in plans.items() if "GROUP BY" in s)
    assert "queue_pending_idx" in page_plan and "TEMP B-TREE" not in page_plan, page_plan
    assert "comment_author_email_idx" in history_plan, history_plan


@pytest.fixture
def analyzed_sqlite_queue(site, moderator):
    """SQLite as it runs since connections run PRAGMA optimize as they close (civility/db/sqlite3):
    with sampled statistics. 20 articles, 60,000 comments (4 in 5 pending), reports for all."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own plans")
    ids = [Article.objects.create(site=site, key=f"a{i}", title=f"A{i}").pk for i in range(20)]
    with connection.cursor() as cursor:
        cursor.execute(f"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS})
            INSERT INTO comments_comment (article_id, author_name, author_email, body, status, created_at,
                                          user_agent, risk, lang)
            SELECT {ids[0]} + i % 20, 'Reader', 'r' || (i % 3000) || '@example.org', 'Comment ' || i,
                   CASE WHEN i % 5 = 0 THEN 'approved' ELSE 'pending' END, datetime('now', '-' || i || ' seconds'),
                   '', (i * 7919 % 1000) / 1000.0, CASE WHEN i % 3 = 0 THEN 'ru' ELSE 'en' END
            FROM n
        """)  # noqa: S608 (integers we made)
        cursor.execute("""
            INSERT INTO triage_triagereport (comment_id, report, flag_labels, complete, text_hash, updated_at)
            SELECT id, '{}', CASE WHEN id % 2 = 0 THEN ',insult,' ELSE '' END, 1, '', datetime('now')
            FROM comments_comment
        """)
        cursor.execute("PRAGMA analysis_limit = 1000")
        cursor.execute("ANALYZE")
    assert ids == list(range(ids[0], ids[0] + 20))
    return moderator


@pytest.mark.parametrize(("filters", "index"), [
    ({}, "queue_pending_idx"),
    ({"lang": "ru"}, "queue_pending_lang_idx"),
    ({"article_key": "a3"}, "queue_pending_article_idx"),
    ({"label": "insult"}, "queue_pending_idx"),
])
def test_sqlite_walks_the_queue_index_with_statistics(analyzed_sqlite_queue, filters, index):
    """With statistics, the joins of the page's rows once tempted SQLite into scanning every
    article's comments through thread_idx and sorting the whole queue (~400 ms at 100,000)."""
    page = queue_list(user=analyzed_sqlite_queue, limit=50, **filters)
    assert len(page.items) == 50 and page.next_cursor
    plans = _explained(lambda: queue_list(user=analyzed_sqlite_queue, limit=50, cursor=page.next_cursor,
                                             **filters))
    ordered = next(p for s, p in plans.items() if "ORDER BY" in s and "GROUP BY" not in s)
    assert index in ordered and "TEMP B-TREE" not in ordered, ordered
    rows = next(p for s, p in plans.items() if "ORDER BY" not in s and "COUNT(" not in s and "GROUP BY" not in s)
    assert rows.startswith("SEARCH comments_comment USING INTEGER PRIMARY KEY"), rows
