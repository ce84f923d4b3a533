"""What moderators read: the queue (riskiest first), the decision history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, Exists, F, Min, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce

from civility.accounts.permissions import can_moderate
from civility.comments.models import Comment, Status
from civility.errors import InvalidInput, NotFound, PermissionDenied
from civility.moderation.models import Decision
from civility.pagination import keyset_page
from civility.publishing.models import Article
from civility.triage.models import TriageReport
from civility.triage.types import LABELS

MAX_PAGE = 200
#: a section filter covers at most this many articles (the newest sections' are what matter)
MAX_ARTICLES = 1000
QUEUE_ORDER = ["-risk", "created_at", "id"]
#: What the queue page and API read of each item and its relations, nothing more: not the
#: article's body, the parent's or the user's other columns, the report's bookkeeping. Fewer
#: columns to read and convert (SQLite datetimes are parsed in Python) for 50 rows and 5 joins.
#: Reading a field left out costs one query per item; tests/api/test_query_counts.py and
#: tests/web/test_query_counts.py would fail.
QUEUE_FIELDS = [
    "article_id", "parent_id", "user_id", "author_name", "author_email", "body", "status", "created_at",
    "ip_address", "risk", "lang",
    "article__key", "article__title", "article__url",
    "parent__author_name", "parent__body",
    "user__username", "user__role",
    "triage__report", "triage__duplicate_of_id", "triage__campaign_id",
    "triage__campaign__size", "triage__campaign__article_count",
]


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None
    total: int | None = None
    #: commenter history per item id: how their earlier comments fared, {"approved": n, "rejected": n, "pending": n}
    history: dict[int, dict[str, int]] = field(default_factory=dict)


def _require(user: Any) -> None:
    if not can_moderate(user):
        raise PermissionDenied("Only moderators can see the moderation queue.")


def queue_list(
    *, user: Any, cursor: str | None = None, limit: int = 50, article_key: str | None = None,
    label: str | None = None, lang: str | None = None, articles: Sequence[str] | None = None,
    section: str | None = None, ids_only: bool = False,
) -> Page:
    """Pending comments, riskiest first (then oldest), with article, parent, author,
    triage report and what the commenter wrote before.

    ``articles`` (keys) and ``section`` narrow it to some articles; with both, an article
    in either counts. ``ids_only``: the page's comments with their ids and order alone, and
    the count (what an open queue polls for news)."""
    _require(user)
    keys = list(dict.fromkeys([*([article_key] if article_key else []), *(articles or [])]))
    bad = [name for name, value in (("article", ",".join(keys)), ("label", label), ("lang", lang),
                                    ("section", section)) if value and "\x00" in value]
    if bad:  # PostgreSQL cannot even compare text with a NUL in it
        raise InvalidInput("A filter contains a NUL character.", fields=dict.fromkeys(bad, "contains NUL"))
    qs = Comment.objects.filter(status=Status.PENDING)
    if keys or section:
        # By id, not through a join on the key: only then can PostgreSQL plan the walk of
        # queue_pending_article_idx instead of filtering the whole queue for one article.
        wanted = Q(key__in=keys) if keys else Q(pk__in=[])
        if section:
            wanted |= Q(section=section)
        article_ids = list(Article.objects.filter(wanted).values_list("pk", flat=True)[:MAX_ARTICLES])
        if len(article_ids) == 1:
            qs = qs.filter(article_id=article_ids[0])
        else:
            qs = qs.filter(article_id__in=article_ids) if article_ids else qs.none()
    if label:
        if label not in LABELS:
            raise InvalidInput(f"label must be one of {', '.join(LABELS)}.", fields={"label": "unknown label"})
        # EXISTS, not a join: a correlated subquery cannot be reordered, so the page stays a walk
        # of the queue's index that checks each comment's report (see below).
        qs = qs.filter(Exists(TriageReport.objects.filter(comment=OuterRef("pk"),
                                                          flag_labels__contains=f",{label},")))
    if lang:
        qs = qs.filter(lang=lang)
    limit = min(max(1, limit), MAX_PAGE)
    # Two steps. First the page's ids, from the comments table alone: its only plan that needs
    # no sort is the walk of a queue_pending partial index, which stops after limit + 1 rows.
    # Then those rows with their article, parent, user and report, by primary key. In one query,
    # the joins gave SQLite's planner other orders to try, and once it has statistics (PRAGMA
    # optimize, civility/db/sqlite3) it picked one that scans every article's comments
    # through thread_idx and sorts the whole queue: ~400 ms a page at 100,000 pending instead
    # of ~1 ms (tests/moderation/test_queue_indexes.py).
    page, nxt = keyset_page(qs.only(*(f.lstrip("-") for f in QUEUE_ORDER)), order=QUEUE_ORDER, cursor=cursor,
                            limit=limit)
    if ids_only:
        return Page(items=page, next_cursor=nxt, total=qs.count())
    rows = (Comment.objects.select_related("article", "parent", "user", "triage", "triage__campaign")
            .only(*QUEUE_FIELDS).in_bulk([c.pk for c in page]))
    items = [rows[c.pk] for c in page if c.pk in rows]  # one deleted in between is left out
    return Page(items=items, next_cursor=nxt, total=qs.count(), history=commenter_history(items))


def commenter_history(comments: list[Comment]) -> dict[int, dict[str, int]]:
    """How each commenter's *earlier* comments fared (those written before this one), in one
    query for a whole page: three correlated counts per item, each a walk of the commenter's
    earlier rows in an index (their email's, or their account's).

    A commenter is their account when logged in, else their email address.
    """
    if not comments:
        return {}
    earlier = Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))

    def count(status: str, *, key: str) -> Coalesce:
        # "anonymous" goes into the count, not the WHERE clause: there it would tempt SQLite (no
        # statistics) to walk every anonymous comment by the user_id index instead of the e-mail one.
        also = Q(user__isnull=True) if key == "author_email" else Q()
        rows = (Comment.objects.filter(earlier, **{key: OuterRef(key)}).order_by().values(key)
                .annotate(n=Count("id", filter=Q(status=status) & also)).values("n"))
        return Coalesce(Subquery(rows[:1]), 0)

    names = {"approved": Status.APPROVED, "rejected": Status.REJECTED, "pending": Status.PENDING}
    annotations = {name: Case(When(user__isnull=True, then=count(status, key="author_email")),
                              default=count(status, key="user_id"))
                   for name, status in names.items()}
    rows = Comment.objects.filter(pk__in=[c.pk for c in comments]).annotate(**annotations).values_list(
        "pk", *names)
    return {pk: dict(zip(names, counts, strict=True)) for pk, *counts in rows}


def comments_by_id(ids: set[int]) -> dict[int, Comment]:
    """A few comments by id (e.g. the originals that queued comments repeat), in one query."""
    return Comment.objects.in_bulk(list(ids)) if ids else {}


def campaign_pending_ids(*, user: Any, campaign_id: int) -> list[int]:
    """The pending comments of a campaign, oldest first (what "decide the cluster" acts on)."""
    _require(user)
    from civility.triage.models import Campaign

    if not Campaign.objects.filter(pk=campaign_id).exists():
        raise NotFound(f"No campaign with id {campaign_id}.", code="campaign_not_found")
    return list(Comment.objects.filter(status=Status.PENDING, triage__campaign_id=campaign_id)
                .order_by("created_at", "id").values_list("id", flat=True))


def history_list(*, user: Any, cursor: str | None = None, limit: int = 50) -> Page:
    """Every decision, newest first, with who decided, when and why."""
    _require(user)
    qs = Decision.objects.select_related("comment", "comment__article", "actor", "undone_by")
    limit = min(max(1, limit), MAX_PAGE)
    items, nxt = keyset_page(qs, order=["-created_at", "-id"], cursor=cursor, limit=limit)
    return Page(items=items, next_cursor=nxt)


@dataclass(frozen=True)
class Decided:
    """A comment as a moderator left it: the decision that put it where it is now."""

    comment_id: int
    status: str  #: approved or rejected
    reason: str
    decided_at: Any
    actor: str
    created_at: Any
    site: str
    lang: str
    #: ",hate,spam," — the report's flagged labels ("" when none or no report)
    flag_labels: str
    report: dict[str, Any] | None
    body: str = ""

    @property
    def labels(self) -> list[str]:
        """The flagged labels, as a list."""
        return [label for label in self.flag_labels.split(",") if label]


def decided_list(*, since: Any = None, until: Any = None, site: str | None = None,
                 with_body: bool = False) -> list[Decided]:
    """Comments a moderator approved or rejected in ``[since, until)``, each once, oldest decision first.

    Only decisions still in force count: an undone decision, one a later decision replaced, and
    decisions made by a site rule (no moderator) are left out. This is what learning reads as
    labels (civility.learning); it is not a view for a user, so it checks no permission.
    """
    qs = Decision.objects.filter(action__in=["approve", "reject"], actor__isnull=False,
                                 undone_by__isnull=True, comment__status=F("to_status"))
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    if until is not None:
        qs = qs.filter(created_at__lt=until)
    if site:
        qs = qs.filter(comment__article__site__slug=site)
    fields = ["comment_id", "to_status", "reason", "created_at", "actor__username", "comment__created_at",
              "comment__article__site__slug", "comment__lang", "comment__triage__flag_labels",
              "comment__triage__report"]
    if with_body:
        fields.append("comment__body")
    latest: dict[int, Decided] = {}
    for row in qs.order_by("created_at", "id").values(*fields).iterator(chunk_size=2000):
        latest.pop(row["comment_id"], None)  # a later decision replaces it (and moves it to the end)
        latest[row["comment_id"]] = Decided(
            comment_id=row["comment_id"], status=row["to_status"], reason=row["reason"],
            decided_at=row["created_at"], actor=row["actor__username"], created_at=row["comment__created_at"],
            site=row["comment__article__site__slug"], lang=row["comment__lang"] or "",
            flag_labels=row["comment__triage__flag_labels"] or "", report=row["comment__triage__report"],
            body=row.get("comment__body", ""))
    return list(latest.values())


def queue_backlog(*, since: Any, until: Any, site: str | None = None) -> list[tuple[Any, Any]]:
    """(stored at, first decided at or None) of every comment that waited in the queue at some
    point of ``[since, until)``: what queue sizes and waiting times over a period are made of."""
    qs = Comment.objects.filter(created_at__lt=until)
    if site:
        qs = qs.filter(article__site__slug=site)
    qs = qs.annotate(first_decided=Min("decisions__created_at")).filter(
        Q(first_decided__isnull=True, status=Status.PENDING) | Q(first_decided__gte=since))
    return list(qs.values_list("created_at", "first_decided"))
