"""A commenter's data rights: everything Civility holds about an email address, and its erasure.

A commenter is known by the email address they gave (or their account's). ``person_export``
gathers their comments (with where they came from and how triage saw them) and the
decisions about those comments; ``person_erase`` replaces their bodies, names, emails,
addresses and user agents by placeholders, drops what triage derived from their text, and
writes one ``erase`` row per comment into the audit log. Comments are not deleted, so the
threads they belong to keep their shape, and the decisions about them stay (the audit log
outlives everything), without personal data.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from civility.accounts.models import User
from civility.accounts.permissions import can_moderate
from civility.background.queue import enqueue_on_commit
from civility.comments.models import Comment, Status
from civility.errors import InvalidInput, PermissionDenied
from civility.moderation.models import Action, Decision, snapshot_of
from civility.people.selectors import person_record
from civility.people.services import person_notes_erase
from civility.portability.exporting import comment_line
from civility.publishing.services import article_public_changed
from civility.triage.models import CampaignTally, NearDupBand, TriageReport

#: what an erased comment shows instead of its text and its author's name
ERASED_BODY = "[removed at the author's request]"
ERASED_NAME = "[removed]"


def _require(user: Any, email: str) -> str:
    if user is not None and not can_moderate(user):
        raise PermissionDenied("Only moderators and admins can see or erase a person's data.")
    address = (email or "").strip()
    try:
        validate_email(address)
    except ValidationError:
        raise InvalidInput("That does not look like an email address.",
                           fields={"email": "not an email address"}) from None
    return address


def _comments_of(email: str):
    """Their comments: those they signed with the address, and those of accounts that have it
    (less those already erased)."""
    return (Comment.objects.filter(Q(author_email__iexact=email) | Q(user__email__iexact=email))
            .exclude(body=ERASED_BODY, author_name=ERASED_NAME, author_email=""))


def person_export(*, user: Any, email: str) -> dict[str, Any]:
    """Everything about ``email``, as JSON-ready data. ``user`` None: the command line."""
    email = _require(user, email)
    comments = list(_comments_of(email).select_related("article", "user", "triage").order_by("created_at", "pk"))
    ids = [c.pk for c in comments]
    decisions = Decision.objects.filter(comment_id__in=ids).order_by("created_at", "pk")
    accounts = User.objects.filter(email__iexact=email).order_by("pk")
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "comments": [{**comment_line(c), "article_title": c.article.title} for c in comments],
        "decisions": [
            {"comment_id": d.comment_id, "action": d.action, "reason": d.reason, "note": d.note,
             "from_status": d.from_status, "to_status": d.to_status, "created_at": d.created_at.isoformat()}
            for d in decisions],
        "accounts": [{"username": u.username, "role": u.role, "email": u.email, "date_joined":
                      u.date_joined.isoformat(), "last_login": u.last_login.isoformat() if u.last_login else None}
                     for u in accounts],
        # moderators' notes about the person and the bans naming their address (civility.people)
        **person_record(email),
    }


def person_erase(*, user: Any, email: str) -> dict[str, int]:
    """Erase ``email``'s personal data from their comments; how many comments and decisions
    were touched. Running it again finds nothing left to erase."""
    email = _require(user, email)
    actor = user if getattr(user, "is_authenticated", False) else None
    batch = uuid.uuid4()
    with transaction.atomic():
        comments = list(_comments_of(email).select_related("article", "user").select_for_update(of=("self",)))
        names = {c.author_name for c in comments if c.author_name and c.author_name != ERASED_NAME}
        ids = [c.pk for c in comments]
        notes = _scrub_notes(ids, [email, *names]) + person_notes_erase(email=email)
        for c in comments:
            Decision.objects.create(
                comment=c, actor=actor, action=Action.ERASE, from_status=c.status, to_status=c.status,
                note="Personal data erased at the person's request" + ("" if actor else " (command line)") + ".",
                batch=batch, snapshot=snapshot_of(c))
        Comment.objects.filter(pk__in=ids).update(body=ERASED_BODY, author_name=ERASED_NAME, author_email="",
                                                  ip_address=None, user_agent="", user=None)
        # what triage derived from their text and address goes too (a pending one is triaged again)
        TriageReport.objects.filter(comment_id__in=ids).delete()
        NearDupBand.objects.filter(comment_id__in=ids).delete()
        for tally in CampaignTally.objects.filter(key=f"email:{email.lower()}"):
            CampaignTally.objects.filter(pk=tally.pk).update(key=f"erased:{uuid.uuid4().hex}")  # still one person
        article_public_changed(article_ids={c.article_id for c in comments if c.status == Status.APPROVED})
        pending = [c.pk for c in comments if c.status == Status.PENDING]
        if pending:  # the queue shows a report for every pending comment: that of the placeholder
            from civility.portability import tasks

            enqueue_on_commit(tasks.triage_imported, pending)
    return {"comments": len(ids), "notes": notes}


def _scrub_notes(comment_ids: list[int], words: list[str]) -> int:
    """Take the person's email and names out of moderators' notes about their comments.

    The one place decisions are rewritten: the audit row stays, without the personal data."""
    changed = 0
    for pk, note in Decision.objects.filter(comment_id__in=comment_ids).exclude(note="").values_list("pk", "note"):
        scrubbed = note
        for word in sorted({w for w in words if len(w) >= 2}, key=len, reverse=True):
            scrubbed = re.sub(re.escape(word), ERASED_NAME, scrubbed, flags=re.IGNORECASE)
        if scrubbed != note:
            Decision.objects.filter(pk=pk).update(note=scrubbed)
            changed += 1
    return changed
