"""Readers edit and delete their own comments, from the browser they posted from.

Posting a comment answers with an ``edit_token`` (``token_for``): the comment's id, signed
with the site's secret and a timestamp. For ``CIVILITY_READER_EDIT_WINDOW`` seconds (15
minutes by default) that token lets the widget that holds it:

- **edit** the comment: a pending one changes at once and is triaged again; an approved one
  keeps its approved text for readers, and the new text waits as a pending revision until a
  moderator approves it (``revision_decide``);
- **delete** it: it leaves the thread at once (a decision by its author in the audit log).

No account is needed and nothing else identifies the reader: whoever holds the token may act,
as with Isso's signed cookies.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.comments.models import Comment, Status
from civility.comments.services import MAX_BODY
from civility.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from civility.moderation.services import decision_by_author
from civility.publishing.services import article_public_changed
from civility.readers.models import Kind, Revision, RevisionStatus
from civility.triage.services import triage_comment

SALT = "civility.readers.own-comment"


def token_for(comment: Comment) -> str:
    return signing.dumps({"c": comment.pk}, salt=SALT)


def _own(*, token: str, comment_id: int) -> Comment:
    """The comment the token was given for, while its window is open; else PermissionDenied."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.CIVILITY_READER_EDIT_WINDOW)
    except signing.SignatureExpired as exc:
        raise PermissionDenied(_("The time to change this comment is over."), code="edit_window_closed") from exc
    except signing.BadSignature as exc:
        raise PermissionDenied(_("This browser may not change this comment."), code="not_your_comment") from exc
    if not isinstance(data, dict) or data.get("c") != comment_id:
        raise PermissionDenied(_("This browser may not change this comment."), code="not_your_comment")
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None:
        raise NotFound(_("There is no such comment."), code="comment_not_found")
    if comment.status == Status.REJECTED:
        raise Conflict(_("This comment is no longer shown, so it cannot be changed."), code="comment_gone")
    return comment


def own_comment_edit(*, token: str, comment_id: int, body: str, user: Any = None) -> Revision:
    """Change a reader's own comment (see the module's docstring); returns the revision."""
    comment = _own(token=token, comment_id=comment_id)
    text = body.strip()
    if not text:
        raise InvalidInput(_("Please correct the highlighted fields."), fields={"body": _("The comment is empty.")})
    if len(text) > MAX_BODY or "\x00" in text:
        raise InvalidInput(_("Please correct the highlighted fields."), fields={
            "body": _("Comments can be at most %(max)s characters (this one has %(length)s).") % {
                "max": MAX_BODY, "length": len(text)} if len(text) > MAX_BODY
            else _("The comment contains a NUL character.")})
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.status == Status.APPROVED:
            # one waiting edit a comment: a newer one replaces it
            Revision.objects.filter(comment=comment, kind=Kind.EDIT, status=RevisionStatus.PENDING).update(
                status=RevisionStatus.REJECTED, decided_at=timezone.now())
            return Revision.objects.create(comment=comment, kind=Kind.EDIT, status=RevisionStatus.PENDING,
                                           before=comment.body, after=text)
        revision = Revision.objects.create(comment=comment, kind=Kind.EDIT, status=RevisionStatus.APPLIED,
                                           before=comment.body, after=text, decided_at=timezone.now())
        comment.body = text
        comment.save(update_fields=["body"])
    triage_comment(comment)  # a pending comment is judged on what it now says
    return revision


def own_comment_delete(*, token: str, comment_id: int) -> Revision:
    """Take a reader's own comment out of the thread at once (audit-logged)."""
    comment = _own(token=token, comment_id=comment_id)
    with transaction.atomic():
        revision = Revision.objects.create(comment=comment, kind=Kind.DELETE, status=RevisionStatus.APPLIED,
                                           before=comment.body, decided_at=timezone.now())
        Revision.objects.filter(comment=comment, kind=Kind.EDIT, status=RevisionStatus.PENDING).update(
            status=RevisionStatus.REJECTED, decided_at=timezone.now())
        decision_by_author(comment=comment, note="Deleted by its author.")
    return revision


def revision_decide(*, user: Any, revision_id: int, approve: bool) -> Revision:
    """A moderator approves a waiting edit of an approved comment (readers see the new text at
    once) or rejects it (the approved text stays)."""
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can decide on comments."))
    with transaction.atomic():
        revision = Revision.objects.select_for_update().select_related("comment").filter(pk=revision_id).first()
        if revision is None:
            raise NotFound(_("There is no such edit."), code="revision_not_found")
        if revision.status != RevisionStatus.PENDING:
            raise Conflict(_("This edit was already decided."), code="revision_decided")
        revision.status = RevisionStatus.APPLIED if approve else RevisionStatus.REJECTED
        revision.decided_by, revision.decided_at = user, timezone.now()
        revision.save(update_fields=["status", "decided_by", "decided_at"])
        comment = revision.comment
        if approve:
            comment.body = revision.after
            comment.save(update_fields=["body"])
            if comment.status == Status.APPROVED:
                article_public_changed(article_ids=[comment.article_id])
    if approve:
        triage_comment(comment)
    return revision
