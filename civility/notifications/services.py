"""Notification services other rooms and the interfaces call: subscriptions and unsubscribing."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from civility.comments.models import Comment
from civility.notifications.alerts import alerts_off
from civility.notifications.models import DeliveryStatus, Email, Kind, ReplyWatch, Unsubscribe


def reply_subscribe(*, user: Any, comment: Comment) -> None:
    """The commenter ticked "email me replies" when posting ``comment``: tell them when a reply is published."""
    ReplyWatch.objects.get_or_create(comment=comment)


def unsubscribe(*, email: str, kind: str) -> None:
    """No more messages of ``kind`` to ``email``; messages of that kind still waiting are dropped."""
    email = email.lower()
    try:
        with transaction.atomic():
            Unsubscribe.objects.get_or_create(email=email, kind=kind)
    except IntegrityError:  # the same link clicked twice at once
        pass
    waiting = Email.objects.filter(to__iexact=email, status=DeliveryStatus.QUEUED)
    if kind != "all":
        waiting = waiting.filter(kind=kind)
    waiting.update(status=DeliveryStatus.CANCELLED, next_attempt_at=None)
    alerts_off(email=email, kind=kind)


def kind_label(kind: str) -> str:
    if kind in Kind.values:
        return _("emails saying “%(what)s”") % {"what": Kind(kind).label}
    return _("these emails")
