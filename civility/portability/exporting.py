"""Civility's own export: JSON Lines, one object per line, articles, then comments, then decisions.

Every line has a ``type`` (``article``, ``comment`` or ``decision``); docs/portability.md lists
the fields. ``civility import civility FILE`` reads it back, so an export is also the way to
move a newsroom's comments from one Civility to another::

    with open("out.jsonl", "w") as out:
        counts = export_write(out=out, site_slug="gazette", since=None)

Rows are read in chunks from the database and written as they come: memory stays flat
whatever the size of the export.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import Any, TextIO

from django.db.models import Q

from civility.comments.models import Comment
from civility.errors import NotFound
from civility.moderation.models import Decision
from civility.publishing.models import Article, Site

#: bumped when a field changes meaning or goes away (adding fields keeps it)
VERSION = 1
CHUNK = 2000


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _labels(flag_labels: str | None) -> list[str]:
    return [label for label in (flag_labels or "").split(",") if label]


def article_line(a: Article) -> dict[str, Any]:
    return {"type": "article", "id": a.pk, "key": a.key, "title": a.title, "url": a.url, "body": a.body,
            "site": a.site.slug, "site_name": a.site.name, "comments_open": a.comments_open,
            "created_at": _when(a.created_at)}


def comment_line(c: Comment) -> dict[str, Any]:
    report = getattr(c, "triage", None)
    return {"type": "comment", "id": c.pk, "article": c.article.key, "parent_id": c.parent_id, "body": c.body,
            "status": c.status, "author_name": c.author_name, "author_email": c.author_email,
            "user": c.user.username if c.user else None, "created_at": _when(c.created_at),
            "ip_address": c.ip_address, "user_agent": c.user_agent, "lang": c.lang, "risk": c.risk,
            "ui_lang": c.ui_lang, "labels": _labels(report.flag_labels) if report else []}


def decision_line(d: Decision) -> dict[str, Any]:
    return {"type": "decision", "id": d.pk, "comment_id": d.comment_id, "action": d.action, "reason": d.reason,
            "note": d.note, "from_status": d.from_status, "to_status": d.to_status,
            "actor": d.actor.username if d.actor else d.snapshot.get("actor"), "undoes_id": d.undoes_id,
            "batch": str(d.batch), "created_at": _when(d.created_at), "snapshot": d.snapshot}


def export_lines(*, site_slug: str | None = None, since: datetime | None = None) -> Iterator[dict[str, Any]]:
    """The export's objects, in the order they are written."""
    site = None
    if site_slug:
        site = Site.objects.filter(slug=site_slug).first()
        if site is None:
            raise NotFound(f"There is no site with the slug {site_slug!r}.", code="site_not_found")
    comments = Comment.objects.select_related("article", "user", "triage").order_by("pk")
    articles = Article.objects.select_related("site").order_by("pk")
    decisions = Decision.objects.select_related("actor").order_by("pk")
    if site is not None:
        comments = comments.filter(article__site=site)
        articles = articles.filter(site=site)
        # (a decision whose comment was deleted is in site-wide exports only)
        decisions = decisions.filter(comment__article__site=site)
    if since is not None:
        comments = comments.filter(created_at__gte=since)
        articles = articles.filter(Q(created_at__gte=since) | Q(pk__in=comments.values("article_id")))
        decisions = decisions.filter(created_at__gte=since)
    for article in articles.iterator(chunk_size=CHUNK):
        yield article_line(article)
    for comment in comments.iterator(chunk_size=CHUNK):
        yield comment_line(comment)
    for decision in decisions.iterator(chunk_size=CHUNK):
        yield decision_line(decision)


def export_write(*, out: TextIO, site_slug: str | None = None, since: datetime | None = None) -> Counter:
    """Write the export to ``out``; how many lines of each type."""
    counts: Counter = Counter()
    for line in export_lines(site_slug=site_slug, since=since):
        out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        counts[line["type"]] += 1
    return counts
