"""What moderators read: the pending queue and the decision history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from civility.accounts.permissions import can_moderate
from civility.comments.models import Comment, Status
from civility.comments.selectors import decode_cursor, encode_cursor
from civility.errors import PermissionDenied
from civility.moderation.models import Decision

MAX_PAGE = 200


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None
    total: int | None = None


def _require(user: Any) -> None:
    if not can_moderate(user):
        raise PermissionDenied("Only moderators can see the moderation queue.")


def _keyset(qs: QuerySet, *, cursor: str | None, limit: int, newest_first: bool) -> tuple[list, str | None]:
    if cursor:
        stamp, pk = decode_cursor(cursor)
        if newest_first:
            qs = qs.filter(Q(created_at__lt=stamp) | Q(created_at=stamp, id__lt=pk))
        else:
            qs = qs.filter(Q(created_at__gt=stamp) | Q(created_at=stamp, id__gt=pk))
    sort = ("-created_at", "-id") if newest_first else ("created_at", "id")
    rows = list(qs.order_by(*sort)[: limit + 1])
    nxt = encode_cursor(rows[limit - 1].created_at, rows[limit - 1].pk) if len(rows) > limit else None
    return rows[:limit], nxt


def queue_list(
    *, user: Any, cursor: str | None = None, limit: int = 50, article_key: str | None = None
) -> Page:
    """Pending comments, oldest first, with their article, parent and author."""
    _require(user)
    qs = Comment.objects.filter(status=Status.PENDING).select_related("article", "parent", "user")
    if article_key:
        qs = qs.filter(article__key=article_key)
    limit = min(max(1, limit), MAX_PAGE)
    items, nxt = _keyset(qs, cursor=cursor, limit=limit, newest_first=False)
    return Page(items=items, next_cursor=nxt, total=qs.count())


def history_list(*, user: Any, cursor: str | None = None, limit: int = 50) -> Page:
    """Every decision, newest first, with who decided, when and why."""
    _require(user)
    qs = Decision.objects.select_related("comment", "comment__article", "actor", "undone_by")
    limit = min(max(1, limit), MAX_PAGE)
    items, nxt = _keyset(qs, cursor=cursor, limit=limit, newest_first=True)
    return Page(items=items, next_cursor=nxt)
