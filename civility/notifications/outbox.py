"""The outbox: a message is written once, then sent, and tried again with backoff until it goes.

    email_queue(key="approved:41", kind="approved", to="reader@example.org",
                subject="…", body="…", unsubscribe="approved")
    email_deliver(email_ids=[...])     # now (the task that wrote them)
    emails_retry()                     # the due ones (every minute, from notifications_tick)

Sending is at least once: a worker that dies between the SMTP server's "250 OK" and
marking the row sent leaves the message to be sent again when its lease runs out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from civility.notifications.models import DeliveryStatus, Email, Unsubscribe
from civility.notifications.tokens import unsubscribe_url

log = logging.getLogger(__name__)

#: how long a sender holds a message it is trying (another sender leaves it alone meanwhile)
LEASE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    """Wait before attempt ``attempts + 1``: 1, 2, 4, … minutes, at most 6 hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def unsubscribed(email: str, kind: str) -> bool:
    return Unsubscribe.objects.filter(email=email.lower(), kind__in=[kind, "all"]).exists()


def email_queue(*, key: str, kind: str, to: str, subject: str, body: str, unsubscribe: str,
                reply_to: str = "", comment_id: int | None = None) -> Email | None:
    """Write a message to the outbox once (None when ``key`` was written before or ``to`` unsubscribed).

    Every message carries its signed unsubscribe link, for people (in the text) and for mail
    programs (``List-Unsubscribe``, one click by RFC 8058's ``List-Unsubscribe-Post``).
    """
    if unsubscribed(to, unsubscribe):
        return None
    link = unsubscribe_url(email=to, kind=unsubscribe)
    headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
               "Auto-Submitted": "auto-generated"}
    if reply_to:
        headers["Reply-To"] = reply_to
    email, created = Email.objects.get_or_create(key=key, defaults={
        # the subject on one line, whatever an article's title holds
        "kind": kind, "to": to, "subject": " ".join(subject.split())[:300], "headers": headers,
        "comment_id": comment_id,
        "body": f"{body.rstrip()}\n\n-- \n{_unsubscribe_line()} {link}\n",
        "next_attempt_at": timezone.now() + LEASE,
    })
    return email if created else None


def _unsubscribe_line() -> str:
    from django.utils.translation import gettext

    return gettext("To stop messages like this one:")


def _message(email: Email) -> EmailMessage:
    headers = dict(email.headers)
    reply_to = headers.pop("Reply-To", None)
    return EmailMessage(subject=email.subject, body=email.body, to=[email.to], headers=headers,
                        reply_to=[reply_to] if reply_to else None,
                        from_email=settings.DEFAULT_FROM_EMAIL)


def email_deliver(*, email_ids: Sequence[int]) -> int:
    """Try to send these queued messages now, over one connection; returns how many went.

    A failure is recorded on the message (its attempts, the error, when to try next) and
    does not stop the others.
    """
    sent = 0
    connection = None
    for email in Email.objects.filter(pk__in=list(email_ids), status=DeliveryStatus.QUEUED).order_by("pk"):
        if connection is None:
            connection = get_connection(fail_silently=False)
        try:
            connection.send_messages([_message(email)])
        except Exception as exc:
            _failed(email, exc)
            _close(connection)
            connection = None
        else:
            Email.objects.filter(pk=email.pk).update(status=DeliveryStatus.SENT, sent_at=timezone.now(),
                                                     attempts=email.attempts + 1, next_attempt_at=None,
                                                     last_error="")
            sent += 1
    if connection is not None:
        _close(connection)
    return sent


def _close(connection) -> None:
    try:
        connection.close()
    except Exception:  # a connection that broke mid-message may not close cleanly
        log.debug("closing the mail connection failed", exc_info=True)


def _failed(email: Email, exc: Exception) -> None:
    attempts = email.attempts + 1
    error = f"{type(exc).__name__}: {exc}"[:2000]
    if attempts >= settings.CIVILITY_NOTIFY_MAX_ATTEMPTS:
        Email.objects.filter(pk=email.pk).update(status=DeliveryStatus.FAILED, attempts=attempts, last_error=error,
                                                 next_attempt_at=None)
        log.error("gave up sending %s (%s) after %d attempts: %s", email.key, email.to, attempts, error)
        return
    Email.objects.filter(pk=email.pk).update(attempts=attempts, last_error=error,
                                             next_attempt_at=timezone.now() + backoff(attempts))
    log.warning("could not send %s (attempt %d), will try again: %s", email.key, attempts, error)


def emails_retry(*, limit: int = 200) -> int:
    """Send the queued messages that are due (a failed try's backoff, or a sender that died)."""
    now = timezone.now()
    with transaction.atomic():
        due = list(Email.objects.select_for_update(skip_locked=True)
                   .filter(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now)
                   .order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
        Email.objects.filter(pk__in=due).update(next_attempt_at=now + LEASE)  # claimed
    return email_deliver(email_ids=due) if due else 0
