"""Claims: two moderators never decide the same comment at once.

Opening or focusing a queue item claims it for :data:`CLAIM_SECONDS`; colleagues see
"Anna is on it". A decision on a comment someone else holds is refused (409 ``claimed``)
unless the decider takes it over. A moderator holds one claim at a time: claiming the
next item lets the previous one go.

    claim_take(user=anna, comment_id=42)               # Anna is on it
    claim_take(user=bo, comment_id=42)                 # Conflict: Anna is on it
    claim_take(user=bo, comment_id=42, take_over=True)  # now Bo is

Claims are rows in the shared database, so every app server sees the same ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.comments.models import Comment, Status
from civility.errors import Conflict, NotFound, PermissionDenied
from civility.moderation.models import Claim

#: how long a claim lasts without being renewed (the queue page renews it while the item is open)
CLAIM_SECONDS = 180


def _require(user: Any) -> None:
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can claim comments."))


def _claimed(claim: Claim) -> Conflict:
    return Conflict(_("%(name)s is on it: they opened this comment a moment ago. Take it over to decide it.")
                    % {"name": claim.moderator.public_name}, code="claimed",
                    fields={str(claim.comment_id): claim.moderator.public_name})


def claim_take(*, user: Any, comment_id: int, take_over: bool = False) -> Claim:
    """Claim a pending comment (or renew one's own claim). Conflict when a colleague holds it."""
    _require(user)
    now = timezone.now()
    with transaction.atomic():
        comment = Comment.objects.select_for_update().only("status").filter(pk=comment_id).first()
        if comment is None:
            raise NotFound(_("No comment with id %(id)s.") % {"id": comment_id}, code="comment_not_found")
        if comment.status != Status.PENDING:
            raise Conflict(_("This comment was decided already."), code="decided")
        held = Claim.objects.select_related("moderator").filter(comment_id=comment_id, expires_at__gt=now).first()
        if held is not None and held.moderator_id != user.pk and not take_over:
            raise _claimed(held)
        Claim.objects.filter(moderator=user).exclude(comment_id=comment_id).delete()
        claim, _created = Claim.objects.update_or_create(
            comment_id=comment_id, defaults={"moderator": user, "expires_at": now + timedelta(seconds=CLAIM_SECONDS)})
    return claim


def claim_release(*, user: Any, comment_id: int) -> None:
    """Let go of one's own claim (nothing happens to a colleague's)."""
    _require(user)
    Claim.objects.filter(comment_id=comment_id, moderator=user).delete()


def claims_on(comment_ids: Iterable[int]) -> dict[int, Claim]:
    """The live claims on these comments, with their moderators, in one query."""
    ids = list(comment_ids)
    if not ids:
        return {}
    return {c.comment_id: c for c in Claim.objects.select_related("moderator")
            .filter(comment_id__in=ids, expires_at__gt=timezone.now())}


def claims_check(*, user: Any, comment_ids: list[int], take_over: bool) -> None:
    """Inside a decision: refuse (409 ``claimed``) when a colleague holds one of these, unless
    ``take_over``. The decided comments' claims are then let go.

    The comments are locked first (as claim_take locks them), so a claim cannot slip in
    between this check and the decision."""
    list(Comment.objects.select_for_update().filter(pk__in=comment_ids).values_list("pk", flat=True))
    claims = claims_on(comment_ids)
    others = [c for c in claims.values() if c.moderator_id != getattr(user, "pk", None)]
    if others and not take_over:
        first = others[0]
        if len(others) == 1:
            raise _claimed(first)
        raise Conflict(_("Colleagues are on %(n)d of these comments (%(name)s and others). Take them over to decide "
                         "them.") % {"n": len(others), "name": first.moderator.public_name}, code="claimed",
                       fields={str(c.comment_id): c.moderator.public_name for c in others})
    if claims:
        Claim.objects.filter(comment_id__in=list(claims)).delete()


