"""Staff endpoints about people: bans, the person page, notes, "reject all pending"."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from ninja import Status as Respond

from civility.api.auth import staff_auth
from civility.api.moderation import ERRORS, PageQuery, _next
from civility.api.schemas import DbId
from civility.people import sanctions
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
