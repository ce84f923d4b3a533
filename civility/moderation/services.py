"""Moderation actions — one path for the queue page, the API, bulk actions and the CLI.

Every action goes: check permission → change state → write the audit row → mark the
article's public page stale when readers' view changed (in the same transaction) →
tell the rest of Civility (``comment_status_changed``). For example::

    decisions = decision_record(user=moderator, comment_ids=[41, 42],
                                action=Action.REJECT, reason=Reason.SPAM)
    decision_undo(user=moderator, decision_id=decisions[0].pk)
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from civility.accounts.permissions import can_moderate
from civility.comments.events import comment_status_changed
from civility.comments.models import Comment, Status
from civility.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from civility.moderation.claims import claims_check
from civility.moderation.models import STATUS_ACTIONS, Action, Decision, Reason, snapshot_of
from civility.publishing.services import article_public_changed

MAX_BULK = 500
_TARGET = {Action.APPROVE: Status.APPROVED, Action.REJECT: Status.REJECTED}


def _require_moderator(user: Any) -> None:
    if not can_moderate(user):
        raise PermissionDenied("Only moderators can decide on comments.")


def decision_record(
    *,
    user: Any,
    comment_ids: Sequence[int],
    action: Action | str,
    reason: Reason | str | None = None,
    note: str = "",
    take_over: bool = False,
) -> list[Decision]:
    """Approve or reject comments. A rejection needs a reason from the policy.

    Deciding a comment already in the wanted state records nothing for it. A comment a
    colleague has claimed (civility.moderation.claims) is refused with Conflict ``claimed``
    unless ``take_over``. Returns the decisions written, in ``comment_ids`` order.
    """
    _require_moderator(user)
    ids = list(dict.fromkeys(int(i) for i in comment_ids))
    errors = _decision_errors(action, reason)
    if not ids:
        errors["ids"] = "Select at least one comment."
    elif len(ids) > MAX_BULK:
        errors["ids"] = f"At most {MAX_BULK} comments per action."
    if errors:
        raise InvalidInput("The decision is incomplete.", fields=errors)
    with transaction.atomic():
        claims_check(user=user, comment_ids=ids, take_over=take_over)
        decisions = _decide(ids, actor=user, action=Action(action), reason=reason or "", note=note,
                            batch=uuid.uuid4())
        _public_changed(decisions)
    _announce(decisions)
    return decisions


def campaign_decide(
    *,
    user: Any,
    campaign_id: int,
    action: Action | str,
    reason: Reason | str | None = None,
    note: str = "",
) -> list[Decision]:
    """Approve or reject every pending comment of a copy-paste campaign, however many.

    All or nothing, one ``batch`` in the audit log; the comments are locked and decided
    :data:`MAX_BULK` at a time. A comment another moderator decided meanwhile is left
    as they decided it. Returns the decisions written, oldest comment first.
    """
    from civility.moderation.selectors import campaign_pending_ids

    _require_moderator(user)
    errors = _decision_errors(action, reason)
    if errors:
        raise InvalidInput("The decision is incomplete.", fields=errors)
    batch = uuid.uuid4()
    decisions: list[Decision] = []
    with transaction.atomic():
        ids = campaign_pending_ids(user=user, campaign_id=campaign_id)
        for start in range(0, len(ids), MAX_BULK):
            decisions += _decide(ids[start:start + MAX_BULK], actor=user, action=Action(action),
                                 reason=reason or "", note=note, batch=batch, pending_only=True)
        _public_changed(decisions)
    _announce(decisions)
    return decisions


def _decision_errors(action: Action | str, reason: Reason | str | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if action not in (Action.APPROVE, Action.REJECT):
        errors["action"] = "Choose approve or reject."
    if reason and reason not in Reason.values:
        errors["reason"] = "Choose one of: " + ", ".join(Reason.values) + "."
    elif action == Action.REJECT and not reason:
        errors["reason"] = "A rejection needs a reason from the policy."
    return errors


def _decide(ids: list[int], *, actor: Any, action: Action, reason: str, note: str, batch: uuid.UUID,
            pending_only: bool = False) -> list[Decision]:
    """Lock ``ids`` and move each to ``action``'s status (inside the caller's transaction)."""
    target = _TARGET[action]
    # the article for each decision's snapshot; only the comments are locked
    comments = Comment.objects.select_related("article").select_for_update(of=("self",)).in_bulk(ids)
    missing = [i for i in ids if i not in comments]
    if missing:
        raise NotFound(f"No comment with id {', '.join(map(str, missing))}.", code="comment_not_found")
    return [
        _apply(comment=comments[i], actor=actor, action=action, to_status=target, reason=reason, note=note,
               batch=batch)
        for i in ids
        if comments[i].status != target and (not pending_only or comments[i].status == Status.PENDING)
    ]


def decision_undo(*, user: Any, decision_id: int, note: str = "") -> Decision:
    """Put a comment back where a decision found it; the undo is itself logged."""
    _require_moderator(user)
    with transaction.atomic():
        decision = Decision.objects.filter(pk=decision_id).first()
        if decision is None:
            raise NotFound(f"No decision with id {decision_id}.", code="decision_not_found")
        if decision.action not in STATUS_ACTIONS or decision.action == Action.UNDO:
            raise Conflict(f"A decision of the kind {decision.action!r} cannot be undone; decide the comment "
                           f"again instead.", code="not_undoable")
        comment = Comment.objects.select_for_update().filter(pk=decision.comment_id).first()
        if comment is None:
            raise Conflict("The comment of this decision has been deleted.", code="comment_deleted")
        latest = comment.decisions.filter(action__in=STATUS_ACTIONS).order_by("-created_at", "-id").first()
        if latest is None or latest.pk != decision.pk or comment.status != decision.to_status:
            raise Conflict(
                "A later decision on this comment replaced this one; undo that one instead.",
                code="superseded",
            )
        undo = _apply(comment=comment, actor=user, action=Action.UNDO, to_status=decision.from_status,
                      note=note, undoes=decision)
        _public_changed([undo])
    _announce([undo])
    return undo


def decision_by_policy(*, comment: Comment, note: str) -> Decision:
    """Approve without a moderator because a site rule says so (logged with no actor)."""
    with transaction.atomic():
        decision = _apply(comment=comment, actor=None, action=Action.APPROVE, to_status=Status.APPROVED, note=note)
        _public_changed([decision])
    _announce([decision])
    return decision


def comment_staff_edit(*, user: Any, comment: Comment, fields: Sequence[str], note: str = "") -> Decision | None:
    """Save a staff edit of a comment (the admin) with an "edited by staff" row in the audit log.

    ``comment`` carries the new values; ``fields`` names the ones that changed (only their
    names are logged, never the old text). Readers see a published comment changed at once.
    Returns the audit row, or None when nothing changed.
    """
    _require_moderator(user)
    fields = [f for f in dict.fromkeys(fields) if f in EDITABLE]
    if not fields:
        return None
    with transaction.atomic():
        comment.save(update_fields=fields)
        decision = Decision.objects.create(
            comment=comment, actor=user, action=Action.EDIT, from_status=comment.status,
            to_status=comment.status, note=(note.strip() or "Changed: " + ", ".join(fields))[:2000],
            snapshot=snapshot_of(comment),
        )
        if comment.status == Status.APPROVED:
            article_public_changed(article_ids=[comment.article_id])
    return decision


#: what staff may change in a comment (its status only changes by decisions)
EDITABLE = ("body", "author_name", "author_email")




def decision_by_author(*, comment: Comment, note: str) -> Decision:
    """Take a comment out of the thread because its own author deleted it (logged with no
    actor, reason "other" and ``note``): readers stop seeing it at once."""
    with transaction.atomic():
        decision = _apply(comment=comment, actor=None, action=Action.REJECT, to_status=Status.REJECTED,
                          reason=Reason.OTHER, note=note)
        _public_changed([decision])
    _announce([decision])
    return decision


def _apply(
    *, comment: Comment, actor: Any, action: Action, to_status: str, reason: str = "",
    note: str = "", batch: uuid.UUID | None = None, undoes: Decision | None = None,
) -> Decision:
    decision = Decision.objects.create(
        comment=comment, actor=actor, action=action, reason=reason, note=note.strip()[:2000],
        from_status=comment.status, to_status=to_status, undoes=undoes, batch=batch or uuid.uuid4(),
        snapshot=snapshot_of(comment),
    )
    comment.status = to_status
    comment.save(update_fields=["status"])
    return decision


def _public_changed(decisions: list[Decision]) -> None:
    """Readers only see approved comments: a decision into or out of ``approved`` changes their page."""
    article_public_changed(article_ids={
        d.comment.article_id for d in decisions if Status.APPROVED in (d.from_status, d.to_status)})


def _announce(decisions: list[Decision]) -> None:
    if decisions:
        transaction.on_commit(
            lambda: comment_status_changed.send(sender=Decision, comments=[d.comment for d in decisions],
                                                decisions=decisions)
        )
