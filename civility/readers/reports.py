"""Readers report published comments; moderators withdraw approval or dismiss the reports.

One report per reader and comment (the reader is a keyed hash of their address, never the
address itself); a reason from the published policy and an optional note. Reported comments
appear on the queue page under *Reported*, with how many reports and why.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.comments.models import Comment, Status
from civility.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record
from civility.readers.models import Report, ReportStatus


def reporter_key(address: str | None) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"report:{address or ''}".encode(), hashlib.sha256).hexdigest()


def report_create(*, article_key: str, comment_id: int, reason: str, note: str, reporter: str) -> Report:
    if reason not in Reason.values:
        raise InvalidInput(_("Please correct the highlighted fields."),
                           fields={"reason": _("Choose one of the policy's reasons.")})
    comment = Comment.objects.filter(pk=comment_id, article__key=article_key, status=Status.APPROVED).first()
    if comment is None:
        raise NotFound(_("There is no such comment."), code="comment_not_found")
    try:
        with transaction.atomic():
            return Report.objects.create(comment=comment, reason=reason, note=note.strip()[:500], reporter=reporter)
    except IntegrityError as exc:
        raise Conflict(_("You have already reported this comment."), code="already_reported") from exc


@dataclass(frozen=True)
class Reported:
    comment: Comment
    count: int
    reasons: list[tuple[str, int]]  # (reason label, how many), most first
    notes: list[str]


def reported_list(*, user: Any, limit: int = 50) -> list[Reported]:
    """Published comments with open reports, the most reported first."""
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can open the moderation queue."))
    rows = (Report.objects.filter(status=ReportStatus.OPEN, comment__status=Status.APPROVED)
            .values("comment_id", "reason").annotate(n=Count("id")))
    by_comment: dict[int, dict[str, int]] = {}
    for row in rows:
        by_comment.setdefault(row["comment_id"], {})[row["reason"]] = row["n"]
    ranked = sorted(by_comment, key=lambda cid: -sum(by_comment[cid].values()))[:limit]
    comments = Comment.objects.select_related("article").in_bulk(ranked)
    notes: dict[int, list[str]] = {}
    for cid, note in Report.objects.filter(status=ReportStatus.OPEN, comment_id__in=ranked).exclude(note="") \
            .values_list("comment_id", "note"):
        notes.setdefault(cid, []).append(note)
    labels = dict(Reason.choices)
    return [Reported(comment=comments[cid], count=sum(by_comment[cid].values()),
                     reasons=sorted(((str(labels.get(r, r)), n) for r, n in by_comment[cid].items()),
                                    key=lambda pair: -pair[1]),
                     notes=notes.get(cid, []))
            for cid in ranked if cid in comments]


def reported_total() -> int:
    """How many published comments have open reports (the queue's *Reported* link)."""
    return (Report.objects.filter(status=ReportStatus.OPEN, comment__status=Status.APPROVED)
            .values("comment_id").distinct().count())


def reports_decide(*, user: Any, comment_id: int, withdraw: bool, reason: str = "", note: str = "") -> int:
    """Withdraw the comment's approval (a rejection with a reason, audit-logged; the thread
    updates at once) or dismiss its reports. Returns how many reports were closed."""
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can decide on comments."))
    with transaction.atomic():
        if withdraw:
            decision_record(user=user, comment_ids=[comment_id], action=Action.REJECT, reason=reason or None,
                            note=note or "Approval withdrawn after readers' reports.")
        return Report.objects.filter(comment_id=comment_id, status=ReportStatus.OPEN).update(
            status=ReportStatus.UPHELD if withdraw else ReportStatus.DISMISSED)
