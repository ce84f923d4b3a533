"""What moderators read about readers' own changes: edits of approved comments waiting for them."""

from __future__ import annotations

import difflib
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from civility.accounts.permissions import can_moderate
from civility.errors import PermissionDenied
from civility.readers.models import Kind, Revision, RevisionStatus


def edits_waiting(*, user: Any, limit: int = 50) -> list[Revision]:
    if not can_moderate(user):
        raise PermissionDenied("Only moderators can see the moderation queue.")
    return list(Revision.objects.filter(kind=Kind.EDIT, status=RevisionStatus.PENDING)
                .select_related("comment__article").order_by("created_at", "id")[:limit])


def word_diff(before: str, after: str) -> SafeString:
    """``after`` word by word, with what changed marked ``<del>``/``<ins>`` (all text escaped)."""
    old, new = before.split(" "), after.split(" ")
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(old[a1:a2])))
            continue
        if a2 > a1:
            out.append(f"<del>{escape(' '.join(old[a1:a2]))}</del>")
        if b2 > b1:
            out.append(f"<ins>{escape(' '.join(new[b1:b2]))}</ins>")
    return mark_safe(" ".join(out))
