"""Reads for moderators' alerts and digests (queries only; nothing here writes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Min

from civility.comments.models import Comment, Status
from civility.moderation.models import Action, Decision
from civility.triage.models import Campaign
from civility.triage.policy import HIGH_RISK_AT


def oldest_pending() -> datetime | None:
    """When the longest-waiting pending comment arrived (the pending-only indexes answer it)."""
    return Comment.objects.filter(status=Status.PENDING).aggregate(oldest=Min("created_at"))["oldest"]


def pending_count() -> int:
    return Comment.objects.filter(status=Status.PENDING).count()


def digest_numbers(*, since: datetime, now: datetime) -> dict[str, Any]:
    """What a daily digest says: the day's arrivals and decisions, and the queue as it is now."""
    decided = dict(Decision.objects.filter(created_at__gte=since).values_list("action").annotate(n=Count("id"))
                   .values_list("action", "n"))
    pending = Comment.objects.filter(status=Status.PENDING)
    oldest = oldest_pending()
    busiest = list(pending.values("article__title", "article__key").annotate(n=Count("id")).order_by("-n")[:5])
    return {
        "since": since,
        "arrived": Comment.objects.filter(created_at__gte=since).count(),
        "approved": decided.get(Action.APPROVE, 0),
        "rejected": decided.get(Action.REJECT, 0),
        "undone": decided.get(Action.UNDO, 0),
        "pending": pending.count(),
        "high_risk": pending.filter(risk__gte=HIGH_RISK_AT).count(),
        "oldest_minutes": int((now - oldest).total_seconds() // 60) if oldest else None,
        "campaigns": Campaign.objects.filter(created_at__gte=since).count(),
        "busiest": busiest,
    }
