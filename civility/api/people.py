"""Staff endpoints about people: bans, the person page, notes, "reject all pending"."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from ninja import Status as Respond

from civility.api.auth import staff_auth
from civility.api.moderation import ERRORS, PageQuery, _next, decision_out, triage_out
from civility.api.schemas import BulkDecidedOut, DbId
from civility.moderation.models import Reason
from civility.people import sanctions, selectors, services
from civility.people.models import Ban

router = Router(tags=["people"], auth=staff_auth)


class BanIn(Schema):
    email: str | None = Field(None, max_length=254)
    email_domain: str | None = Field(None, max_length=253, description="Also covers its subdomains.")
    ip: str | None = Field(None, max_length=64, description="An address or a CIDR network, e.g. 203.0.113.0/24.")
    username: str | None = Field(None, max_length=150)
    reason: str = Field(max_length=sanctions.MAX_REASON)
    expires_at: datetime | None = Field(None, description="Empty: until lifted.")


class BanOut(Schema):
    id: int
    kind: str
    value: str
    reason: str
    expires_at: datetime | None
    created_by: str
    created_at: datetime
    lifted_by: str | None
    lifted_at: datetime | None
    active: bool


class BansOut(Schema):
    bans: list[BanOut]
    next: str | None


class BanQuery(PageQuery):
    include_past: bool = Field(False, description="Also the lifted and expired bans.")


class LiftIn(Schema):
    note: str = Field("", max_length=sanctions.MAX_REASON)


def ban_out(ban: Ban) -> dict:
    from django.utils import timezone

    return {
        "id": ban.pk, "kind": ban.kind, "value": ban.value, "reason": ban.reason, "expires_at": ban.expires_at,
        "created_by": ban.created_by.username, "created_at": ban.created_at,
        "lifted_by": ban.lifted_by.username if ban.lifted_by else None, "lifted_at": ban.lifted_at,
        "active": ban.lifted_at is None and (ban.expires_at is None or ban.expires_at > timezone.now()),
    }


@router.post("/bans", response={201: BanOut, **ERRORS}, summary="Ban an email, a domain, an IP network or an account")
def ban_create(request: HttpRequest, payload: BanIn):
    """Exactly one target. A banned person's submissions and draft checks get 403 ``banned``
    at once on every app server; nothing of theirs is stored. Audited."""
    ban = sanctions.ban_create(user=request.auth, reason=payload.reason, email=payload.email,
                               email_domain=payload.email_domain, ip=payload.ip, username=payload.username,
                               expires_at=payload.expires_at)
    return Respond(201, ban_out(ban))


@router.get("/bans", response={200: BansOut, **ERRORS}, url_name="bans", summary="Bans, newest first")
def ban_list(request: HttpRequest, q: Query[BanQuery]):
    items, nxt = sanctions.ban_list(user=request.auth, cursor=q.cursor, limit=q.limit, include_past=q.include_past)
    return {"bans": [ban_out(b) for b in items],
            "next": _next(request, "api-1:bans", nxt, limit=q.limit, include_past=q.include_past)}


@router.delete("/bans/{ban_id}", response={200: BanOut, **ERRORS}, summary="Lift a ban")
def ban_lift(request: HttpRequest, ban_id: Annotated[DbId, Path()], payload: LiftIn | None = None):
    """The body (a ``note``) is optional. Audited."""
    ban = sanctions.ban_lift(user=request.auth, ban_id=ban_id, note=payload.note if payload else "")
    return ban_out(ban)


class PersonCommentOut(Schema):
    id: int
    status: str
    body: str
    created_at: datetime
    article: dict
    ip_address: str | None
    triage: dict | None


class PersonDecisionOut(Schema):
    id: int
    comment_id: int
    action: str
    reason: str
    note: str
    actor: str | None
    created_at: datetime


class AddressOut(Schema):
    ip_address: str
    comments: int
    first_seen: datetime
    last_seen: datetime


class NoteOut(Schema):
    id: int
    author: str
    text: str
    created_at: datetime


class CampaignOut(Schema):
    id: int
    size: int
    article_count: int


class PersonOut(Schema):
    email: str
    names: list[str]
    accounts: list[str]
    counts: dict[str, int]
    comments: list[PersonCommentOut]
    decisions: list[PersonDecisionOut]
    campaigns: list[CampaignOut]
    addresses: list[AddressOut]
    notes: list[NoteOut]
    bans: list[BanOut]


class NoteIn(Schema):
    text: str = Field(max_length=5000)


class PersonDecisionIn(Schema):
    action: Literal["reject"]
    reason: Reason
    note: str = Field("", max_length=2000)


def note_out(note) -> dict:
    return {"id": note.pk, "author": note.author.username, "text": note.text, "created_at": note.created_at}


@router.get("/people/{email}", response={200: PersonOut, **ERRORS}, summary="Everything known about one commenter")
def person(request: HttpRequest, email: str):
    """Their comments (newest 200, with status and triage), the decisions on them, the
    campaigns they joined, the addresses they posted from, moderators' notes and the bans
    that cover them. ``counts`` covers all their comments. 404 ``person_not_found``."""
    p = selectors.person_detail(user=request.auth, email=email)
    return {
        "email": p.email, "names": p.names, "accounts": [a.username for a in p.accounts], "counts": p.counts,
        "comments": [{"id": c.pk, "status": c.status, "body": c.body, "created_at": c.created_at,
                      "article": {"key": c.article.key, "title": c.article.title}, "ip_address": c.ip_address,
                      "triage": triage_out(c) if selectors.triage_of(c) is not None else None} for c in p.comments],
        "decisions": [{"id": d.pk, "comment_id": d.comment_id, "action": d.action, "reason": d.reason,
                       "note": d.note, "actor": d.actor.username if d.actor else None, "created_at": d.created_at}
                      for d in p.decisions],
        "campaigns": [{"id": c.pk, "size": c.size, "article_count": c.article_count} for c in p.campaigns],
        "addresses": [vars(a) for a in p.addresses],
        "notes": [note_out(n) for n in p.notes],
        "bans": [ban_out(b) for b in p.bans],
    }


@router.post("/people/{email}/notes", response={201: NoteOut, **ERRORS}, summary="Add a note about a commenter")
def person_note(request: HttpRequest, email: str, payload: NoteIn):
    """``{"text"}``: for colleagues only; the commenter never sees it."""
    return Respond(201, note_out(services.person_note_add(user=request.auth, email=email, text=payload.text)))


@router.post("/people/{email}/decision", response={200: BulkDecidedOut, **ERRORS},
             summary="Reject everything pending from one commenter")
def person_decide(request: HttpRequest, email: str, payload: PersonDecisionIn):
    """``{"action": "reject", "reason", "note"?}``: every comment of theirs still waiting, all
    or nothing, each decision in the audit log. ``decided`` lists the comments it changed."""
    decisions = services.person_reject_pending(user=request.auth, email=email, reason=payload.reason,
                                               note=payload.note)
    return {"decided": [{"id": d.comment_id, "status": d.to_status, "decision": decision_out(d, undone=False)}
                        for d in decisions]}
