"""Who may do what. Views and the API ask here; they never test roles themselves."""

from __future__ import annotations

from typing import Any


def can_moderate(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.can_moderate)


def is_author_of(user: Any, article: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return article.authors.filter(pk=user.pk).exists()
