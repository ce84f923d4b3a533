"""Triage a stored comment (and store its report), or a bare text."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import transaction

from civility.background.queue import enqueue_on_commit
from civility.comments.models import Comment, Status
from civility.triage import policy
from civility.triage.events import comment_triaged
from civility.triage.models import Campaign, TriageReport
from civility.triage.pipeline import Pipeline, background_pipeline, pipeline
from civility.triage.signals import duplicates
from civility.triage.types import Identity, Subject

log = logging.getLogger(__name__)


def subject_for(comment: Comment, *, client: dict | None = None) -> Subject:
    return Subject(
        text=comment.body,
        comment_id=comment.pk,
        article_id=comment.article_id,
        identity=Identity(email=comment.author_email, user_id=comment.user_id,
                          ip_address=comment.ip_address, user_agent=comment.user_agent),
        created_at=comment.created_at,
        client=client or {},
    )


def triage_text(text: str, *, using: Pipeline | None = None) -> policy.Report:
    """A report for a text that is not stored (CLI, the widget's draft nudge)."""
    return policy.assess((using or pipeline()).run(Subject(text=text)))


def draft_check(text: str, *, using: Pipeline | None = None) -> dict:
    """The widget's question before posting: the report a comment with ``text`` would get,
    and the policy's answer on nudging the reader (``nudge``: None or label, message, spans)."""
    report = triage_text(text, using=using)
    return {**report.public(), "nudge": policy.nudge(report, text)}


def triage_comment(
    comment: Comment, *, client: dict | None = None, using: Pipeline | None = None, new: bool = False,
) -> policy.Report:
    """Run the pipeline on a stored comment, store the report, and let signals index it.

    ``new``: the comment was stored just now and has no report yet (its first triage), so
    the report is inserted without looking for an earlier one.

    Follow-up work is queued for ``civility worker`` once the report is committed: the
    background stage (``CIVILITY_TRIAGE_BACKGROUND``) and, when the comment joined a
    campaign, the re-scoring of the campaign's earlier members.

    Never raises: a failure is stored as an incomplete report, and the comment
    stays in the queue either way.
    """
    started = time.perf_counter()
    pipe = using or pipeline()
    doc = pipe.run(subject_for(comment, client=client), attrs={"site": _site_of(comment)})
    try:
        with transaction.atomic():
            pipe.remember(doc)  # writes (indexes, campaigns) may add to the evidence
            report = policy.assess(doc)
            _store(comment, report, doc.attrs.get("text_hash", ""), new=new)
            _follow_up(comment.pk, report)
    except Exception:
        log.exception("could not store the triage report of comment %s", comment.pk)
        doc.errors.append({"signal": "store", "error": "the report could not be stored"})
        report = policy.assess(doc)
    comment_triaged.send(sender=Comment, comment=comment, report=report, seconds=time.perf_counter() - started)
    return report


def _site_of(comment: Comment) -> int | None:
    """The comment's site id (its flag levels may be tuned): free when the article is loaded."""
    from civility.publishing.models import Article

    if Comment.article.is_cached(comment):
        return comment.article.site_id
    return Article.objects.filter(pk=comment.article_id).values_list("site_id", flat=True).first()


def _follow_up(comment_id: int, report: policy.Report) -> None:
    from civility.triage import tasks  # the tasks wrap this module's services

    if report.campaign and _rescore_due(report.campaign["id"]):
        enqueue_on_commit(tasks.campaign_rescore, report.campaign["id"])
    if settings.CIVILITY_TRIAGE_BACKGROUND:
        enqueue_on_commit(tasks.triage_background, comment_id)


def triage_background(comment_id: int, *, using: Pipeline | None = None) -> bool:
    """Run the background stage on a stored comment and merge its findings into its report.

    The stage starts from what the stored report knows (:data:`policy.STORED_ATTRS`). Its findings
    and errors replace those of the same signals from an earlier run, so running it twice
    changes nothing. Returns False when there is nothing to do (no stage configured, or the
    comment or its report is gone).
    """
    pipe = using or background_pipeline()
    row = TriageReport.objects.select_related("comment").filter(comment_id=comment_id).first()
    if not pipe.signals or row is None:
        return False
    stored = row.report
    doc = pipe.run(subject_for(row.comment), attrs={k: stored.get(k) for k in policy.STORED_ATTRS})
    names = {signal.name for signal in pipe.signals}
    with transaction.atomic():
        row = TriageReport.objects.select_for_update().select_related("comment").get(pk=row.pk)
        stored = row.report
        merged = {**stored,
                  "errors": [e for e in stored.get("errors", []) if e.get("signal") not in names] + doc.errors,
                  "versions": {**stored.get("versions", {}), **doc.versions}}
        report = policy.reassess(merged, replace=lambda f: f.get("signal") in names, add=doc.findings)
        _store(row.comment, report, row.text_hash)
    return True


def triage_again(comment_id: int) -> bool:
    """Re-score one stored comment (False when it is gone)."""
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None:
        return False
    triage_comment(comment)
    return True


def _store(comment: Comment, report: policy.Report, text_hash: str, *, new: bool = False) -> None:
    fields = {
        "report": report.stored(),
        "flag_labels": report.flag_field(),
        "complete": report.complete,
        "text_hash": text_hash,
        "duplicate_of_id": report.duplicate_of,
        "campaign_id": (report.campaign or {}).get("id"),
    }
    if new:
        TriageReport.objects.create(comment=comment, **fields)
    else:
        TriageReport.objects.update_or_create(comment=comment, defaults=fields)
    Comment.objects.filter(pk=comment.pk).update(risk=report.risk, lang=report.lang or "")
    comment.risk, comment.lang = report.risk, report.lang or ""


#: re-score a campaign's earlier members once its spam score has grown by this much
RESCORE_STEP = 0.05


def campaign_rescore(campaign_id: int) -> int:
    """Bring a grown campaign's pending members up to its current size; returns how many changed.

    Each member was scored with the campaign as it was when it arrived (2 people: weak
    spam); when 7 people have posted the text, the first copies should rank as high as
    the last. The work happens only when the campaign's score has grown by
    :data:`RESCORE_STEP` since the last time — a handful of times per campaign, however
    large it gets, since the score levels off.

    Runs in the worker (``tasks.campaign_rescore``), queued by :func:`triage_comment`.
    """
    with transaction.atomic():
        return _campaign_rescore(campaign_id)


def _grown(size: int, scored_size: int) -> bool:
    """Has the campaign's spam score grown enough since its members were last scored?"""
    return duplicates.campaign_score(size) - duplicates.campaign_score(scored_size) >= RESCORE_STEP


def _rescore_due(campaign_id: int) -> bool:
    """Checked before queueing, so that a large campaign's every new copy is not a task."""
    sizes = Campaign.objects.filter(pk=campaign_id).values_list("size", "scored_size").first()
    return sizes is not None and _grown(*sizes)


def _campaign_rescore(campaign_id: int) -> int:
    campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
    if campaign is None or not _grown(campaign.size, campaign.scored_size):
        return 0
    score = duplicates.campaign_score(campaign.size)
    changed = 0
    members = TriageReport.objects.filter(campaign=campaign, comment__status=Status.PENDING)
    # the rows are locked: the background stage may be merging into one of these reports
    for row in members.select_related("comment").select_for_update(of=("self",)).iterator(chunk_size=500):
        old = [f for f in row.report.get("findings", []) if _from_campaign(f)]
        if old and max(f["score"] for f in old) >= score:
            continue
        signal = old[0].get("signal", "duplicates.v1") if old else "duplicates.v1"
        report = policy.reassess(
            {**row.report, "campaign": {"id": campaign.pk, "size": campaign.size}},
            replace=_from_campaign,
            add=[duplicates.campaign_finding(campaign.pk, campaign.size, campaign.article_count, signal=signal)],
        )
        _store(row.comment, report, row.text_hash)
        changed += 1
    Campaign.objects.filter(pk=campaign.pk).update(scored_size=campaign.size)
    return changed


def _from_campaign(finding: dict) -> bool:
    return "campaign" in finding.get("evidence", {})


def triage_rerun(*, status: str = Status.PENDING, using: Pipeline | None = None, queue: bool = False) -> int:
    """Re-score comments (pending ones by default) after a configuration change.

    With ``queue`` each comment becomes a task for the workers instead (``using`` is then
    ignored: workers use their configured pipeline).
    """
    from civility.triage import tasks

    count = 0
    comments = Comment.objects.filter(status=status).order_by("pk")
    if queue:
        pks = list(comments.values_list("pk", flat=True))
        for start in range(0, len(pks), 2000):
            with transaction.atomic():  # one commit per chunk, not one per task
                for pk in pks[start:start + 2000]:
                    tasks.triage_again.enqueue(pk)
        return len(pks)
    for comment in comments.iterator(chunk_size=500):
        triage_comment(comment, using=using)
        count += 1
    return count
