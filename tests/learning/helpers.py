"""Decided comments with chosen triage reports, for the learning tests."""

from __future__ import annotations

from typing import Any

from civility.moderation.models import Action
from civility.moderation.services import decision_record
from civility.triage.models import TriageReport
from tests.conftest import submit


def finding(label: str, score: float, signal: str, **evidence: Any) -> dict[str, Any]:
    return {"label": label, "score": score, "spans": [], "reason": "test", "evidence": evidence, "signal": signal}


def with_report(comment, *findings: dict[str, Any], lang: str = "en") -> None:
    """Give ``comment`` a stored report made of ``findings`` (flags as the policy's levels say)."""
    from civility.triage.policy import threshold

    flags = sorted({f["label"] for f in findings if f["score"] >= threshold(f["label"], lang)})
    scores: dict[str, float] = {}
    for f in findings:
        scores[f["label"]] = max(scores.get(f["label"], 0.0), f["score"])
    TriageReport.objects.update_or_create(comment=comment, defaults={
        "report": {"findings": list(findings), "lang": lang, "flags": [{"label": x} for x in flags],
                   "scores": scores},
        "flag_labels": "," + ",".join(flags) + "," if flags else ""})


def decided(article, moderator, body: str, *findings: dict[str, Any], action: str = "approve",
            reason: str | None = None):
    c = submit(article, body, email=f"r{abs(hash(body)) % 10**8}@example.org")
    with_report(c, *findings)
    decision_record(user=moderator, comment_ids=[c.pk], action=Action(action), reason=reason)
    return c


def bulk_decided(article, moderator, items) -> None:
    """Many decided comments at once: ``items`` are (text, "approved"|"rejected", reason), oldest first."""
    from civility.comments.models import Comment
    from civility.moderation.models import Decision

    comments = Comment.objects.bulk_create([
        Comment(article=article, author_name="Reader", author_email=f"r{i}@example.org", body=text, status=status)
        for i, (text, status, _reason) in enumerate(items)])
    Decision.objects.bulk_create([
        Decision(comment=c, actor=moderator, action="approve" if status == "approved" else "reject", reason=reason,
                 from_status="pending", to_status=status)
        for c, (_text, status, reason) in zip(comments, items, strict=True)])
