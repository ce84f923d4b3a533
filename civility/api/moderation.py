"""Staff endpoints: the queue, decisions, undo and history."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from ninja import Field, Path, Query, Router, Schema

from civility.api.auth import staff_auth
from civility.api.schemas import (
    BulkDecidedOut,
    BulkDecisionIn,
    DbId,
    DecidedOut,
    DecisionIn,
    ErrorOut,
    HistoryOut,
    QueueOut,
    UndoIn,
)
from civility.comments.models import Comment
from civility.comments.names import name_clean
from civility.comments.rendering import body_to_html
from civility.moderation import queue_views, selectors, services
from civility.moderation.models import Decision

router = Router(tags=["moderation"], auth=staff_auth)
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class PageQuery(Schema):
    cursor: str | None = None
    limit: int = 50


class QueueQuery(PageQuery):
    article: str | None = Field(None, description="One article key, or several separated by commas.")
    section: str | None = Field(None, description="Articles of this section.")
    mine: bool = Field(False, description="The caller's saved articles (PUT /moderation/my-articles).")
    label: str | None = None
    lang: str | None = None


def _next(request: HttpRequest, name: str, cursor: str | None, **params) -> str | None:
    if not cursor:
        return None
    query = urlencode({**{k: v for k, v in params.items() if v}, "cursor": cursor})
    return request.build_absolute_uri(f"{reverse(name)}?{query}")


def decision_out(d: Decision, *, undone: bool | None = None) -> dict:
    """``undone``: pass False for a decision just written (saves a query per row)."""
    return {
        "id": d.pk, "comment_id": d.comment_id, "action": d.action, "reason": d.reason, "note": d.note,
        "from_status": d.from_status, "to_status": d.to_status,
        "actor": d.actor.username if d.actor else None, "created_at": d.created_at,
        "undoes_id": d.undoes_id, "undone": hasattr(d, "undone_by") if undone is None else undone,
    }


def triage_out(c: Comment) -> dict | None:
    report = getattr(c, "triage", None)
    if report is None:
        return None
    data = report.report
    keys = ("scores", "flags", "lang", "duplicate_of", "campaign", "risk", "complete")
    out = {k: data.get(k) for k in keys}
    if report.campaign is not None:  # the size grows after this report was written
        out["campaign"] = {"id": report.campaign.pk, "size": report.campaign.size}
    return out


def queue_item(c: Comment, history: dict[str, int] | None = None) -> dict:
    return {
        "id": c.pk, "status": c.status, "body": c.body, "body_html": body_to_html(c.body),
        "created_at": c.created_at,
        "article": {"key": c.article.key, "title": c.article.title, "url": c.article.url},
        "parent": {"id": c.parent.pk, "author_name": name_clean(c.parent.author_name),
                   "body_html": body_to_html(c.parent.body)} if c.parent else None,
        "author": {"name": name_clean(c.author_name), "email": c.author_email,
                   "username": c.user.username if c.user else None, "is_author": c.is_author,
                   "ip_address": c.ip_address},
        "triage": triage_out(c),
        "history": history or {"approved": 0, "rejected": 0, "pending": 0},
    }


@router.get("/queue", response={200: QueueOut, **ERRORS}, url_name="queue", summary="Pending comments")
def queue(request: HttpRequest, q: Query[QueueQuery]):
    """Comments waiting for a decision, riskiest first (then oldest), each with its triage
    report, article, parent, author and the author's history. Filter with ``label``,
    ``lang``, ``article`` (one key or several, comma-separated), ``section``, and ``mine``
    (the caller's saved articles); articles and sections add up."""
    scope = queue_views.queue_view_filters(user=request.auth) if q.mine else {}
    page = selectors.queue_list(user=request.auth, cursor=q.cursor, limit=q.limit, label=q.label, lang=q.lang,
                                articles=[*queue_views.article_keys(q.article), *scope.get("articles", [])],
                                section=q.section or scope.get("section"))
    return {
        "count": page.total or 0,
        "comments": [queue_item(c, page.history.get(c.pk)) for c in page.items],
        "next": _next(request, "api-1:queue", page.next_cursor, article=q.article, section=q.section,
                      mine="true" if q.mine else None, label=q.label, lang=q.lang, limit=q.limit),
    }


@router.post("/comments/{comment_id}/decision", response={200: DecidedOut, **ERRORS},
             summary="Approve or reject one comment")
def decide(request: HttpRequest, comment_id: Annotated[DbId, Path()], payload: DecisionIn):
    """A rejection needs a ``reason`` from the policy. Every decision is written to the audit log.
    A comment a colleague has claimed is 409 ``claimed`` unless ``take_over`` is true."""
    decisions = services.decision_record(
        user=request.auth, comment_ids=[comment_id], action=payload.action, reason=payload.reason,
        note=payload.note, take_over=payload.take_over,
    )
    comment = Comment.objects.only("status").get(pk=comment_id)
    return {"id": comment_id, "status": comment.status,
            "decision": decision_out(decisions[0]) if decisions else None}


@router.post("/decisions", response={200: BulkDecidedOut, **ERRORS}, summary="Decide many comments at once")
def decide_many(request: HttpRequest, payload: BulkDecisionIn):
    decisions = {d.comment_id: d for d in services.decision_record(
        user=request.auth, comment_ids=payload.ids, action=payload.action, reason=payload.reason,
        note=payload.note, take_over=payload.take_over,
    )}
    statuses = dict(Comment.objects.filter(pk__in=payload.ids).values_list("id", "status"))
    return {"decided": [
        {"id": i, "status": statuses[i], "decision": decision_out(decisions[i]) if i in decisions else None}
        for i in dict.fromkeys(payload.ids)
    ]}


@router.post("/campaigns/{campaign_id}/decision", response={200: BulkDecidedOut, **ERRORS},
             summary="Decide every pending comment of a campaign")
def decide_campaign(request: HttpRequest, campaign_id: Annotated[DbId, Path()], payload: DecisionIn):
    """One action for a copy-paste campaign: all its pending comments (however many), one
    audit batch. ``decided`` lists the comments this action changed."""
    decisions = services.campaign_decide(
        user=request.auth, campaign_id=campaign_id, action=payload.action, reason=payload.reason,
        note=payload.note,
    )
    return {"decided": [
        {"id": d.comment_id, "status": d.to_status, "decision": decision_out(d, undone=False)}
        for d in decisions
    ]}


@router.post("/decisions/{decision_id}/undo", response={200: DecidedOut, **ERRORS},
             summary="Undo a decision (the undo is logged too)")
def undo(request: HttpRequest, decision_id: Annotated[DbId, Path()], payload: UndoIn | None = None):
    """The body (a ``note``) is optional: an empty body undoes without one."""
    note = payload.note if payload is not None else ""
    d = services.decision_undo(user=request.auth, decision_id=decision_id, note=note)
    return {"id": d.comment_id, "status": d.to_status, "decision": decision_out(d)}


@router.get("/history", response={200: HistoryOut, **ERRORS}, url_name="history",
            summary="The audit log, newest first")
def history(request: HttpRequest, q: Query[PageQuery]):
    page = selectors.history_list(user=request.auth, cursor=q.cursor, limit=q.limit)
    return {
        "decisions": [
            {**decision_out(d), **_comment_out(d)}
            for d in page.items
        ],
        "next": _next(request, "api-1:history", page.next_cursor, limit=q.limit),
    }


def _comment_out(d: Decision) -> dict:
    """The comment a history row is about; from the decision's snapshot when it was deleted."""
    if d.comment is None:
        return {"article_key": d.snapshot.get("article_key", ""), "comment_author": "", "comment_excerpt": "",
                "comment_deleted": True}
    return {"article_key": d.comment.article.key, "comment_author": d.comment.author_name,
            "comment_excerpt": d.comment.body[:200], "comment_deleted": False}
