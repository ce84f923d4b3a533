"""Moderators' decisions teach Akismet back, when the Akismet adapter (``akismet.v1``) is enabled.

- a comment rejected for spam → ``submit-spam`` (whatever Akismet said of it: a miss teaches most);
- a comment approved that Akismet called spam → ``submit-ham``.

Each is a background task (``civility.learning.tasks.akismet_feedback``) started when the
decision commits, so a moderator never waits on Akismet, and an outage is retried like any task.
"""

from __future__ import annotations

import logging
from typing import Any

from civility.background.queue import enqueue_on_commit
from civility.comments.models import Comment
from civility.moderation.models import Action, Decision
from civility.triage import policy
from civility.triage.models import TriageReport
from civility.triage.pipeline import background_pipeline, pipeline
from civility.triage.services import subject_for

log = logging.getLogger(__name__)


def akismet_signal() -> Any | None:
    """The configured Akismet adapter (first stage or background stage), or None when it is off."""
    from civility.triage.signals.akismet import Akismet

    for pipe in (pipeline(), background_pipeline()):
        for signal in pipe.signals:
            if isinstance(signal, Akismet):
                return signal
    return None


def akismet_said_spam(report: dict[str, Any] | None) -> bool:
    return any(f.get("signal", "").startswith("akismet") and f.get("label") == "spam"
               for f in (report or {}).get("findings") or ())


def feedback_for(decision: Decision, report: dict[str, Any] | None) -> str | None:
    """What a decision tells Akismet: "spam", "ham" or nothing."""
    if decision.action == Action.REJECT and policy.reason_label(decision.reason) == "spam":
        return "spam"
    if decision.action == Action.APPROVE and akismet_said_spam(report):
        return "ham"
    return None


def on_decisions(sender: Any, decisions: list[Decision] | None = None, **kwargs: Any) -> None:
    """``comment_status_changed`` receiver: queue the feedback the decisions carry.

    Runs after the decision committed: a failure here is logged, never the moderator's problem.
    """
    try:
        if not decisions or akismet_signal() is None:
            return
        from civility.learning import tasks

        reports = dict(TriageReport.objects.filter(comment_id__in=[d.comment_id for d in decisions])
                       .values_list("comment_id", "report"))
        for d in decisions:
            verdict = feedback_for(d, reports.get(d.comment_id))
            if verdict:
                enqueue_on_commit(tasks.akismet_feedback, d.comment_id, verdict)
    except Exception:
        log.exception("could not queue Akismet feedback")


def akismet_feedback(comment_id: int, verdict: str) -> bool:
    """Send one comment to Akismet as spam or ham (False when the adapter is off or the comment is gone)."""
    signal = akismet_signal()
    comment = Comment.objects.filter(pk=comment_id).first()
    if signal is None or comment is None:
        return False
    from civility.triage.types import Doc

    stored = TriageReport.objects.filter(comment_id=comment_id).values_list("report", flat=True).first() or {}
    doc = Doc(subject=subject_for(comment), attrs={"lang": stored.get("lang")})
    signal.submit(doc, verdict)
    log.info("told Akismet comment %s is %s", comment_id, verdict)
    return True
