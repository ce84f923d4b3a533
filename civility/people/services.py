"""What moderators do about a person: notes, and "reject everything pending from them".

    person_note_add(user=moderator, email="troll@example.org", text="Third account this week.")
    person_reject_pending(user=moderator, email="troll@example.org", reason=Reason.SPAM)

Bans are in :mod:`civility.people.sanctions`. Decisions go through the one moderation path
(``decision_record``): checked, audited and announced like every other.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.comments.models import Status
from civility.errors import InvalidInput, PermissionDenied
from civility.moderation.models import Action, Decision, Reason
from civility.moderation.services import MAX_BULK, decision_record
from civility.people.models import PersonNote
from civility.people.selectors import email_clean, person_comments

MAX_NOTE = 5000

def _require_moderator(user: Any) -> None:
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can act on people."))

def person_note_add(*, user: Any, email: str, text: str) -> PersonNote:
    """A note for colleagues about a commenter (never shown to them)."""
    _require_moderator(user)
    email = email_clean(email)
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("The note is empty."), fields={"text": _("Write something.")})
    if len(text) > MAX_NOTE:
        too_long = _("At most %(n)d characters.") % {"n": MAX_NOTE}
        raise InvalidInput(_("The note is too long."), fields={"text": too_long})
    return PersonNote.objects.create(email=email, author=user, text=text)

def person_reject_pending(*, user: Any, email: str, reason: Reason | str, note: str = "") -> list[Decision]:
    """Reject every comment of this person still waiting, with one reason; all or nothing.

    The pending comments are locked first, so one approved by a colleague meanwhile is left
    as they decided it. Each batch of :data:`MAX_BULK` is one ``decision_record`` call.
    """
    _require_moderator(user)
    email = email_clean(email)
    if reason not in Reason.values:
        message = _("A rejection needs a reason from the policy: %(reasons)s.") % {"reasons": ", ".join(Reason.values)}
        raise InvalidInput(_("The decision is incomplete."), fields={"reason": message})
    decisions: list[Decision] = []
    with transaction.atomic():
        ids = list(person_comments(email).filter(status=Status.PENDING).select_for_update()
                   .order_by("created_at", "id").values_list("id", flat=True))
        for start in range(0, len(ids), MAX_BULK):
            decisions += decision_record(user=user, comment_ids=ids[start:start + MAX_BULK], action=Action.REJECT,
                                         reason=reason, note=note)
    return decisions


def person_notes_erase(*, email: str) -> int:
    """Delete moderators' notes about ``email`` (the person's erasure request); how many.

    Bans that name the address stay: keeping someone who was banned from coming straight back
    is the newsroom's legitimate interest, and a ban holds only the address (docs/portability.md).
    """
    deleted, _ = PersonNote.objects.filter(email=email.strip().lower()).delete()
    return deleted
