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
from civility.moderation.models import Action, Decision, Reason
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
) -> list[Decision]:
    """Approve or reject comments. A rejection needs a reason from the policy.

    Deciding a comment already in the wanted state records nothing for it.
    Returns the decisions written, in ``comment_ids`` order.
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
    comments = Comment.objects.select_for_update().in_bulk(ids)
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
        decision = Decision.objects.select_related("comment").filter(pk=decision_id).first()
        if decision is None:
            raise NotFound(f"No decision with id {decision_id}.", code="decision_not_found")
        comment = Comment.objects.select_for_update().get(pk=decision.comment_id)
        latest = comment.decisions.order_by("-created_at", "-id").first()
        if decision.action == Action.UNDO:
            raise Conflict("An undo cannot be undone; decide the comment again instead.", code="not_undoable")
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


def _apply(
    *, comment: Comment, actor: Any, action: Action, to_status: str, reason: str = "",
    note: str = "", batch: uuid.UUID | None = None, undoes: Decision | None = None,
) -> Decision:
    decision = Decision.objects.create(
        comment=comment, actor=actor, action=action, reason=reason, note=note.strip()[:2000],
        from_status=comment.status, to_status=to_status, undoes=undoes, batch=batch or uuid.uuid4(),
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
