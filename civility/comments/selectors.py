"""Reading threads as readers see them: approved comments only."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from civility.comments.models import Comment, Status
from civility.errors import CivilityError, InvalidInput, NotFound
from civility.pagination import keyset_page
from civility.publishing import public_versions
from civility.publishing.models import Article, ThreadOrder

MAX_PAGE = 100
#: a reader's choice only (the site's default is newest or oldest): most replies first
MOST_REPLIES = "replies"
#: article keys per counts request: 100 keys of typical length fit the 8 KB request line proxies allow
MAX_COUNT_KEYS = 100


def _approved_count() -> Count:
    """An article's approved comments: the thread's comment_count and /counts say the same."""
    return Count("comments", filter=Q(comments__status=Status.APPROVED))


@dataclass(frozen=True)
class ThreadPage:
    article: Article
    comments: list[Comment]  # each top-level comment followed by its replies, oldest reply first
    approved_count: int
    next_cursor: str | None
    order: str


def article_get(*, key: str) -> Article:
    article = (
        Article.objects.select_related("site")
        .annotate(approved_count=_approved_count())
        .filter(key=key)
        .first()
    )
    if article is None:
        raise NotFound(_("There is no article with the key %(key)r.") % {"key": key}, code="article_not_found")
    return article


def article_public_version(*, key: str) -> tuple[int, int]:
    """(id, public_version) of an article: what a cached page of its thread is keyed on."""
    row = public_versions.current(key)
    if row is None:
        raise NotFound(_("There is no article with the key %(key)r.") % {"key": key}, code="article_not_found")
    return row


def thread_for_article(
    *, key: str, order: str | None = None, cursor: str | None = None, limit: int | None = None
) -> ThreadPage:
    """A page of top-level approved comments with all their approved replies.

    Pages are keyed by (created_at, id) so that new comments never shift them.
    A reply is shown only while every comment above it is approved.
    """
    article = article_get(key=key)
    order = order or article.site.default_order
    if order not in (*ThreadOrder.values, MOST_REPLIES):
        raise InvalidInput(_("order must be 'newest', 'oldest' or 'replies'."),
                           fields={"order": _("newest, oldest or replies")})
    limit = min(max(1, limit or article.site.page_size), MAX_PAGE)

    roots = Comment.objects.filter(article=article, status=Status.APPROVED, parent__isnull=True)
    if order == MOST_REPLIES:
        # the most discussed first (approved replies at any depth), then the newest
        replies = (Comment.objects.filter(root=OuterRef("pk"), status=Status.APPROVED).order_by()
                   .values("root").annotate(n=Count("id")).values("n"))
        roots = roots.annotate(reply_count=Coalesce(Subquery(replies), 0))
        sort = ["-reply_count", "-created_at", "-id"]
    else:
        sort = ["-created_at", "-id"] if order == ThreadOrder.NEWEST else ["created_at", "id"]
    page, next_cursor = keyset_page(roots.select_related("user"), order=sort, cursor=cursor, limit=limit)

    replies = (
        Comment.objects.filter(root__in=[c.pk for c in page], status=Status.APPROVED)
        .select_related("user")
        .order_by("created_at", "id")
    )
    children: dict[int, list[Comment]] = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)

    ordered: list[Comment] = []
    stack = list(reversed(page))
    while stack:  # depth-first, without recursion: reply chains can be long
        comment = stack.pop()
        ordered.append(comment)
        stack.extend(reversed(children.get(comment.pk, [])))
    return ThreadPage(
        article=article, comments=ordered, approved_count=article.approved_count,
        next_cursor=next_cursor, order=order,
    )


def approved_counts(*, keys: list[str]) -> dict[str, int]:
    """Approved comments per article key, in one query. Unknown keys are left out."""
    keys = list(dict.fromkeys(keys))
    if len(keys) > MAX_COUNT_KEYS:
        raise CivilityError(f"Ask for at most {MAX_COUNT_KEYS} articles at once (got {len(keys)}).",
                            code="too_many_articles", fields={"article": f"at most {MAX_COUNT_KEYS}"})
    if not keys:
        return {}
    rows = (Article.objects.filter(key__in=keys)
            .annotate(n=_approved_count())
            .values_list("key", "n"))
    return dict(rows)
