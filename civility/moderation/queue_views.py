"""A moderator's saved "my articles" view of the queue: some articles and/or a section.

    queue_view_save(user=anna, articles=["budget-2026", "mayor-interview"], section="politics")
    queue_list(user=anna, **queue_view_filters(user=anna))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.errors import InvalidInput, PermissionDenied
from civility.moderation.models import QueueView

MAX_KEYS = 100
_SPLIT = re.compile(r"[\s,]+")


def article_keys(raw: str | Sequence[str] | None) -> list[str]:
    """Article keys from a filter: a list, or text with keys separated by commas or spaces."""
    parts = _SPLIT.split(raw) if isinstance(raw, str) else [p for item in raw or [] for p in _SPLIT.split(item)]
    keys = list(dict.fromkeys(p for p in parts if p))
    if len(keys) > MAX_KEYS:
        raise InvalidInput(_("Too many articles in one filter."),
                           fields={"article": _("At most %(n)d articles.") % {"n": MAX_KEYS}})
    return keys


def queue_view_save(*, user: Any, articles: str | Sequence[str], section: str = "") -> QueueView:
    """Remember this moderator's "my articles" (an empty view forgets it)."""
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators have a queue."))
    keys, section = article_keys(articles), (section or "").strip()
    if len(section) > 100 or "\x00" in section or any("\x00" in k or len(k) > 200 for k in keys):
        raise InvalidInput(_("The view is not valid."), fields={"section": _("At most 100 characters.")})
    view, _created = QueueView.objects.update_or_create(moderator=user,
                                                        defaults={"articles": ",".join(keys), "section": section})
    return view


def queue_view_filters(*, user: Any) -> dict[str, Any]:
    """The saved view as queue_list's filters (``articles``, ``section``); empty when none is saved."""
    view = QueueView.objects.filter(moderator_id=getattr(user, "pk", None)).first()
    if view is None or not (view.article_keys or view.section):
        return {}
    return {"articles": view.article_keys, "section": view.section or None}
