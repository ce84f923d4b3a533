"""The cache's word on which version of an article's thread is current.

``Article.public_version`` in the database is the truth (``services._bump`` moves it on
in the same transaction as the change). The thread's WSGI fast path
(``civility.api.fastpath``) answers without the database, so it needs that number from the
cache instead, under one key per article:

- a bump *deletes* the key once its transaction commits (deleting is idempotent, so two
  bumps committing in either order leave no stale value behind);
- the view, having read the version from the database, writes it back and then reads the
  database again; if the version moved on in between, it deletes the key itself. Either the
  bump's delete comes after the write, or the second read sees the new version: a key never
  outlives the version it names, which closes the race of a slow render finishing after
  the change it missed;
- the key also expires after :data:`TTL_SECONDS`, which bounds what a lost delete (Redis
  unreachable at that moment) can cost.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable

from django.core.cache import cache

log = logging.getLogger(__name__)

#: a version key lives this long without a bump; the next read after it puts it back
TTL_SECONDS = 10


def version_key(article_key: str) -> str:
    return "civility:pubver:" + hashlib.sha256(article_key.encode()).hexdigest()[:40]


def forget(article_keys: Iterable[str]) -> None:
    """These articles changed: the fast path must not trust what it has of them."""
    keys = [version_key(k) for k in set(article_keys)]
    if not keys:
        return
    try:
        cache.delete_many(keys)
    except Exception:  # the cache is down; its keys expire within TTL_SECONDS
        log.warning("could not forget public versions of %d articles", len(keys), exc_info=True)


def current(article_key: str) -> tuple[int, int] | None:
    """(id, public_version) of the article as the database has it now; None if there is none."""
    from civility.publishing.models import Article

    return Article.objects.filter(key=article_key).values_list("pk", "public_version").first()


def remember(article_key: str, version: int) -> None:
    """Record ``version`` (just read from the database) as current, unless it already moved on."""
    key = version_key(article_key)
    try:
        cache.set(key, version, TTL_SECONDS)
    except Exception:
        log.warning("could not record a public version", exc_info=True)
        return
    now = current(article_key)
    if now is None or now[1] != version:
        forget([article_key])
