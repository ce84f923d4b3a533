"""Staff endpoints for a team sharing the queue: claims ("Anna is on it") and "my articles"."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema

from civility.api.auth import staff_auth
from civility.api.moderation import ERRORS
from civility.api.schemas import DbId
from civility.moderation import claims, queue_views

router = Router(tags=["moderation"], auth=staff_auth)


class ClaimIn(Schema):
    take_over: bool = Field(False, description="Take the comment from the colleague who holds it.")


class ClaimOut(Schema):
    comment_id: int
    moderator: str
    expires_at: datetime


class ReleasedOut(Schema):
    comment_id: int
    released: bool


class QueueViewIn(Schema):
    articles: list[str] = Field(default_factory=list, max_length=queue_views.MAX_KEYS)
    section: str = Field("", max_length=100)


class QueueViewOut(Schema):
    articles: list[str]
    section: str


@router.post("/comments/{comment_id}/claim", response={200: ClaimOut, **ERRORS}, url_name="claim",
             summary="Claim a pending comment for a few minutes")
def claim(request: HttpRequest, comment_id: Annotated[DbId, Path()], payload: ClaimIn | None = None):
    """What the queue page does when a moderator opens an item; again to renew. 409
    ``claimed`` (``fields``: the comment id → who) while a colleague holds it, unless
    ``take_over``; 409 ``decided`` once it is decided. A moderator holds one claim at a time."""
    c = claims.claim_take(user=request.auth, comment_id=comment_id, take_over=bool(payload and payload.take_over))
    return {"comment_id": c.comment_id, "moderator": c.moderator.public_name, "expires_at": c.expires_at}


@router.delete("/comments/{comment_id}/claim", response={200: ReleasedOut, **ERRORS}, summary="Let go of a claim")
def release(request: HttpRequest, comment_id: Annotated[DbId, Path()]):
    claims.claim_release(user=request.auth, comment_id=comment_id)
    return {"comment_id": comment_id, "released": True}


@router.put("/my-articles", response={200: QueueViewOut, **ERRORS}, summary="Save my articles")
def my_articles_save(request: HttpRequest, payload: QueueViewIn):
    """The articles (keys) and/or section of the caller's saved view; the queue with
    ``?mine=true`` shows only them. Empty lists and section forget it."""
    view = queue_views.queue_view_save(user=request.auth, articles=payload.articles, section=payload.section)
    return {"articles": view.article_keys, "section": view.section}


@router.get("/my-articles", response={200: QueueViewOut, **ERRORS}, summary="My saved articles")
def my_articles(request: HttpRequest):
    filters = queue_views.queue_view_filters(user=request.auth)
    return {"articles": filters.get("articles", []), "section": filters.get("section") or ""}
