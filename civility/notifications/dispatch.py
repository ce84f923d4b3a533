"""From an event to the messages it calls for: commenters' mail, webhook deliveries.

Run by the tasks (``tasks.py``), never in the request that caused the event. Each function
writes what is due under unique keys and then sends it, so running one twice sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.utils import timezone

from civility.comments.models import Comment, Status
from civility.moderation.models import Decision
from civility.notifications import alerts, commenters, outbox, webhooks
from civility.notifications.models import Event, ModeratorAlerts, Webhook
from civility.notifications.payloads import event_payload
from civility.triage.models import Campaign
from civility.triage.policy import HIGH_RISK_AT

#: decisions older than this are not announced to webhooks (a task that ran very late, or a
#: comment decided again long after: only its new decisions are news)
DECIDED_WINDOW = timedelta(hours=6)

ARRIVAL_EVENTS = (Event.SUBMITTED, Event.HIGH_RISK, Event.CAMPAIGN)


def arrivals_wanted() -> bool:
    """Whether a new comment concerns anyone: an active webhook for one of ``ARRIVAL_EVENTS``, or a
    moderator who wants high-risk alerts. Asked on every submission: two small indexed reads,
    not cached, so that every app server sees a new webhook at once."""
    if ModeratorAlerts.objects.filter(high_risk=True).exists():
        return True
    return any(hook.wants(e) for hook in Webhook.objects.filter(active=True).only("active", "events")
               for e in ARRIVAL_EVENTS)


def comment_arrived(comment_id: int) -> int:
    """A comment joined the queue: ``comment.submitted``, ``comment.high_risk`` and
    ``campaign.detected`` to the webhooks that want them, and the high-risk alert to the
    moderators who asked. Returns how many messages went out."""
    comment = (Comment.objects.select_related("article", "triage", "triage__campaign")
               .filter(pk=comment_id).first())
    if comment is None:
        return 0
    ids = webhooks.deliveries_queue(Event.SUBMITTED, [(str(comment.pk), _payload(Event.SUBMITTED, comment))],
                                    hooks=webhooks.listening(Event.SUBMITTED))
    if comment.status == Status.PENDING and comment.risk >= HIGH_RISK_AT:
        ids += webhooks.deliveries_queue(Event.HIGH_RISK, [(str(comment.pk), _payload(Event.HIGH_RISK, comment))],
                                         hooks=webhooks.listening(Event.HIGH_RISK))
    campaign = _campaign_of(comment)
    if campaign is not None:
        info = {"id": campaign.pk, "size": campaign.size, "article_count": campaign.article_count}
        ids += webhooks.deliveries_queue(Event.CAMPAIGN, [(str(campaign.pk), _payload(Event.CAMPAIGN, comment,
                                                                                       campaign=info))],
                                         hooks=webhooks.listening(Event.CAMPAIGN))
    sent = webhooks.webhook_deliver(delivery_ids=ids) if ids else 0
    if comment.status == Status.PENDING:
        sent += outbox.email_deliver(email_ids=[e.pk for e in alerts.high_risk_alerts(comment)])
    return sent


def _campaign_of(comment: Comment) -> Campaign | None:
    triage = getattr(comment, "triage", None)
    return triage.campaign if triage is not None and triage.campaign_id else None


def comments_decided(comment_ids: Sequence[int]) -> int:
    """Decisions were taken on these comments: tell their commenters, and the webhooks
    (``comment.decided``, once per decision). Returns how many messages went out."""
    sent = outbox.email_deliver(email_ids=[e.pk for e in commenters.commenter_emails_for(comment_ids=comment_ids)])
    hooks = webhooks.listening(Event.DECIDED)
    if not hooks:
        return sent
    since = timezone.now() - DECIDED_WINDOW
    decisions = list(Decision.objects.filter(comment_id__in=list(comment_ids), created_at__gte=since)
                     .select_related("actor", "comment__article", "comment__triage").order_by("pk"))
    ids: list[int] = []
    for hook in hooks:
        ids += webhooks.deliveries_queue(Event.DECIDED, [
            (str(d.pk), _payload(Event.DECIDED, d.comment, decision=d))
            for d in decisions if d.created_at >= hook.created_at], hooks=[hook])
    return sent + (webhooks.webhook_deliver(delivery_ids=ids) if ids else 0)


def _payload(event: str, comment: Comment, **extra) -> dict:
    return event_payload(event, key="", comment=comment, **extra)


def periodic() -> int:
    """The minute's work: moderators' waiting alerts and digests, then messages and deliveries due
    for another try. Returns how many went out."""
    written = alerts.waiting_alerts() + alerts.digests()
    sent = outbox.email_deliver(email_ids=[e.pk for e in written]) if written else 0
    return sent + outbox.emails_retry() + webhooks.webhooks_retry()
