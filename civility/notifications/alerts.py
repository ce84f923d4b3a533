"""Moderators hear about what matters, each as they chose (``ModeratorAlerts``):

- a high-risk comment arrived (from ``dispatch.comment_arrived``, as it arrives);
- the oldest pending comment has waited longer than their N minutes (at most one such
  email per N minutes);
- a daily digest, at their hour (UTC).

The last two are checked by ``notifications_tick`` every minute. Each moderator's state
(when the last waiting alert went, the day of the last digest) is claimed with a conditional
UPDATE before the message is written, so two workers ticking at once send one message.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civility.accounts.models import Role
from civility.comments.models import Comment
from civility.notifications import selectors
from civility.notifications.models import Email, Kind, ModeratorAlerts
from civility.notifications.outbox import email_queue
from civility.notifications.payloads import comment_data
from civility.notifications.tokens import absolute
from civility.triage.policy import HIGH_RISK_AT


def _moderators() -> Any:
    """Settings rows of people who may moderate and have an address to write to."""
    return (ModeratorAlerts.objects.select_related("user")
            .filter(user__is_active=True).exclude(user__email="")
            .filter(Q(user__is_superuser=True) | Q(user__role__in=[Role.ADMIN, Role.MODERATOR])))


def high_risk_alerts(comment: Comment) -> list[Email]:
    """Write "a high-risk comment arrived" to each moderator who asked (once per comment and moderator)."""
    if comment.risk < HIGH_RISK_AT:
        return []
    data = comment_data(comment)
    written = []
    for prefs in _moderators().filter(high_risk=True):
        body = render_to_string("notifications/email/alert_high_risk.txt", {"c": data, "user": prefs.user})
        written.append(email_queue(
            key=f"alert_high_risk:{comment.pk}:{prefs.user_id}", kind=Kind.HIGH_RISK_ALERT, to=prefs.user.email,
            subject=_("High-risk comment waiting (risk %(risk).2f) on “%(title)s”") % {
                "risk": comment.risk, "title": comment.article.title},
            body=body, unsubscribe=Kind.HIGH_RISK_ALERT, comment_id=comment.pk))
    return [e for e in written if e is not None]


def waiting_alerts(*, now: datetime | None = None) -> list[Email]:
    """Tell each moderator whose limit the oldest pending comment has passed (at most once per limit)."""
    now = now or timezone.now()
    oldest = selectors.oldest_pending()
    if oldest is None:
        return []
    waited = now - oldest
    written = []
    for prefs in _moderators().filter(waiting_minutes__isnull=False):
        limit = timedelta(minutes=prefs.waiting_minutes)
        if waited <= limit:
            continue
        # claim: only the tick whose UPDATE changes the row writes the message
        claimed = ModeratorAlerts.objects.filter(pk=prefs.pk).filter(
            Q(waiting_alerted_at__isnull=True) | Q(waiting_alerted_at__lte=now - limit)
        ).update(waiting_alerted_at=now)
        if not claimed:
            continue
        pending = selectors.pending_count()
        minutes = int(waited.total_seconds() // 60)
        body = render_to_string("notifications/email/alert_waiting.txt", {
            "minutes": minutes, "limit": prefs.waiting_minutes, "pending": pending, "user": prefs.user,
            "queue_url": absolute(reverse("moderation-queue"))})
        written.append(email_queue(
            key=f"alert_waiting:{prefs.user_id}:{now:%Y%m%dT%H%M%S}", kind=Kind.WAITING_ALERT, to=prefs.user.email,
            subject=ngettext("A comment has waited %(minutes)d minute for a moderator",
                             "A comment has waited %(minutes)d minutes for a moderator", minutes)
            % {"minutes": minutes},
            body=body, unsubscribe=Kind.WAITING_ALERT))
    return [e for e in written if e is not None]


def digests(*, now: datetime | None = None) -> list[Email]:
    """The daily digest to each moderator who asked, once a day, at or after their hour (UTC)."""
    now = now or timezone.now()
    today = now.date()
    due = _moderators().filter(daily_digest=True, digest_hour__lte=now.hour).filter(
        Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=today))
    written = []
    numbers = None
    for prefs in due:
        claimed = ModeratorAlerts.objects.filter(pk=prefs.pk).filter(
            Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=today)).update(digest_sent_on=today)
        if not claimed:
            continue
        numbers = numbers or selectors.digest_numbers(since=now - timedelta(days=1), now=now)
        body = render_to_string("notifications/email/digest.txt", {
            **numbers, "user": prefs.user, "queue_url": absolute(reverse("moderation-queue"))})
        written.append(email_queue(
            key=f"digest:{prefs.user_id}:{today.isoformat()}", kind=Kind.DIGEST, to=prefs.user.email,
            subject=_("Comments in the last 24 hours: %(pending)d waiting") % {"pending": numbers["pending"]},
            body=body, unsubscribe=Kind.DIGEST))
    return [e for e in written if e is not None]


def alerts_update(*, user: Any, high_risk: bool, waiting_minutes: int | None, daily_digest: bool,
                  digest_hour: int) -> ModeratorAlerts:
    """Save a moderator's choices (the form validated them); choosing an alert again re-subscribes."""
    from civility.notifications.models import Unsubscribe

    prefs, _created = ModeratorAlerts.objects.update_or_create(user=user, defaults={
        "high_risk": high_risk, "waiting_minutes": waiting_minutes, "daily_digest": daily_digest,
        "digest_hour": digest_hour})
    chosen = [k for k, on in ((Kind.HIGH_RISK_ALERT, high_risk), (Kind.WAITING_ALERT, waiting_minutes is not None),
                              (Kind.DIGEST, daily_digest)) if on]
    if user.email and chosen:
        Unsubscribe.objects.filter(email=user.email.lower(), kind__in=chosen).delete()
    return prefs


def alerts_off(*, email: str, kind: str) -> None:
    """The unsubscribe link of a moderator's alert turns that alert off in their settings."""
    field = {Kind.HIGH_RISK_ALERT: {"high_risk": False}, Kind.WAITING_ALERT: {"waiting_minutes": None},
             Kind.DIGEST: {"daily_digest": False}}.get(kind)
    if field:
        ModeratorAlerts.objects.filter(user__email__iexact=email).update(**field)


