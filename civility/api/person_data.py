"""Staff endpoints for a commenter's data rights: export and erasure by email address.

Both are POSTs with the address in the body, so that it appears in no URL and no access log.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema

from civility.api.auth import staff_auth
from civility.api.schemas import ErrorOut
from civility.portability.person import person_erase, person_export

router = Router(tags=["people"], auth=staff_auth)
ERRORS = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut}


class PersonIn(Schema):
    email: str = Field(max_length=254, description="The address the commenter gave (or their account's).")


class PersonDataCommentOut(Schema):
    id: int
    article: str
    article_title: str
    parent_id: int | None
    body: str
    status: str
    author_name: str
    author_email: str
    user: str | None
    created_at: datetime
    ip_address: str | None
    user_agent: str
    lang: str
    risk: float
    ui_lang: str = Field(description="The language the commenter's widget showed (emails go out in it); "
                                     "empty when unknown.")
    labels: list[str]


class PersonDataDecisionOut(Schema):
    comment_id: int | None
    action: str
    reason: str
    note: str
    from_status: str
    to_status: str
    created_at: datetime


class PersonDataAccountOut(Schema):
    username: str
    role: str
    email: str
    date_joined: datetime
    last_login: datetime | None


class PersonDataNoteOut(Schema):
    text: str
    created_at: datetime


class PersonDataBanOut(Schema):
    kind: str
    value: str
    reason: str
    created_at: datetime
    expires_at: datetime | None
    lifted_at: datetime | None


class PersonDataOut(Schema):
    email: str
    exported_at: datetime
    comments: list[PersonDataCommentOut]
    decisions: list[PersonDataDecisionOut]
    accounts: list[PersonDataAccountOut]
    notes: list[PersonDataNoteOut] = Field(description="Moderators' notes about the person.")
    bans: list[PersonDataBanOut] = Field(description="Bans naming their address or its domain.")


class ErasedOut(Schema):
    email: str
    comments: int = Field(description="Comments whose personal data was replaced by placeholders.")
    notes: int = Field(description="Moderators' notes from which the address or names were taken out, "
                             "and notes about the person, deleted.")


@router.post("/export", response={200: PersonDataOut, **ERRORS}, summary="Everything about a commenter")
def export(request: HttpRequest, payload: PersonIn):
    """Their comments (with address, user agent and triage labels), the decisions about them,
    and any account with that address. For a reader's access request (GDPR article 15)."""
    return person_export(user=request.auth, email=payload.email)


@router.post("/erase", response={200: ErasedOut, **ERRORS}, summary="Erase a commenter's personal data")
def erase(request: HttpRequest, payload: PersonIn):
    """Replaces their comments' bodies, names, emails, addresses and user agents by
    placeholders; threads keep their shape and the audit log keeps its decisions, with one
    ``erase`` row per comment. Running it again erases nothing more (``comments`` is 0)."""
    done = person_erase(user=request.auth, email=payload.email)
    return {"email": payload.email.strip(), **done}
