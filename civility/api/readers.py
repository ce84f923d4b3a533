"""Readers change their own comments: edit or delete, with the token they got when posting."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja import Status as Respond

from civility.api.auth import caller
from civility.api.schemas import DbId, ErrorOut
from civility.comments.models import Comment
from civility.comments.services import MAX_BODY
from civility.errors import NotFound
from civility.ratelimit import client_ip, report_check
from civility.readers.models import RevisionStatus
from civility.readers.reports import report_create, reporter_key
from civility.readers.services import own_comment_delete, own_comment_edit

router = Router(tags=["threads"])


class OwnEditIn(Schema):
    token: str = Field(max_length=500, description="The edit_token the submission answered with.")
    body: str = Field(max_length=MAX_BODY + 1000)


class OwnDeleteIn(Schema):
    token: str = Field(max_length=500, description="The edit_token the submission answered with.")


class OwnChangedOut(Schema):
    id: int
    change: str = Field(description="applied: done; pending: an approved comment's edit waits for a moderator.")
    message: str


def _on_article(key: str, comment_id: int) -> None:
    if not Comment.objects.filter(pk=comment_id, article__key=key).exists():
        raise NotFound(_("There is no such comment."), code="comment_not_found")


@router.patch("/articles/{key}/comments/{comment_id}",
              response={200: OwnChangedOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut,
                        422: ErrorOut},
              summary="Edit your own comment (within the edit window)")
def edit(request: HttpRequest, key: str, comment_id: DbId, payload: OwnEditIn):
    """With the ``edit_token`` from the submission, for ``CIVILITY_READER_EDIT_WINDOW`` seconds.
    A pending comment changes at once and is triaged again; an approved one keeps its
    approved text until a moderator approves the edit (``change: "pending"``)."""
    caller(request)
    _on_article(key, comment_id)
    revision = own_comment_edit(token=payload.token, comment_id=comment_id, body=payload.body)
    if revision.status == RevisionStatus.PENDING:
        message = _("Thank you. Your edit is held for review; until a moderator approves it, "
                    "readers see the comment as it was.")
    else:
        message = _("Your comment is changed. It is held for review like every comment.")
    return {"id": comment_id, "change": revision.status, "message": message}


@router.delete("/articles/{key}/comments/{comment_id}",
               response={200: OwnChangedOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut,
                         422: ErrorOut},
               summary="Delete your own comment (within the edit window)")
def delete(request: HttpRequest, key: str, comment_id: DbId, payload: OwnDeleteIn):
    """With the ``edit_token`` from the submission: the comment leaves the thread at once
    (logged as a decision by its author)."""
    caller(request)
    _on_article(key, comment_id)
    revision = own_comment_delete(token=payload.token, comment_id=comment_id)
    return {"id": comment_id, "change": revision.status, "message": _("Your comment is deleted.")}


class ReportIn(Schema):
    reason: str = Field(description="One of the policy's reasons: hate_speech, obscenity, personal_attack, spam, "
                                    "off_topic, other.", max_length=32)
    note: str = Field("", max_length=500)


class ReportedOut(Schema):
    message: str


@router.post("/articles/{key}/comments/{comment_id}/report",
             response={201: ReportedOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut, 429: ErrorOut},
             summary="Report a published comment")
def report(request: HttpRequest, key: str, comment_id: DbId, payload: ReportIn):
    """A reason from the policy and an optional note; one report per reader (address) and
    comment (``409 already_reported``); rate-limited per address (``CIVILITY_REPORT_RATE_PER_IP``)."""
    caller(request)
    report_check(request)
    report_create(article_key=key, comment_id=comment_id, reason=payload.reason, note=payload.note,
                  reporter=reporter_key(client_ip(request)))
    return Respond(201, {"message": _("Thank you. A moderator will look at this comment again.")})
