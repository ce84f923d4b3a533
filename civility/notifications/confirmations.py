"""Confirmed emails: on a site that asks for it, a first-time address proves it is the commenter's.

    hold = confirmation_needed(user=request.user, article_key="lachin-corridor", email="ana@example.org")
    comment = comment_submit(..., hold_until_confirmed=hold)   # stored as "unconfirmed", out of the queue
    confirmation_request(comment=comment)                      # a link to the address, by the worker
    email_confirm(email="ana@example.org")                     # the link was followed: they join the queue

The link carries the address signed with ``SECRET_KEY`` and works for :data:`MAX_AGE`. At most
one link a day goes to an address, however many comments wait for it (nobody can flood a
stranger's mailbox by posting under their address), and one confirmation releases them all.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from civility.background.queue import enqueue_on_commit
from civility.comments.models import Comment, Status
from civility.comments.services import comment_email_confirmed
from civility.notifications.commenters import reader_language
from civility.notifications.models import ConfirmedAddress, Email, Kind, SiteNotifications
from civility.notifications.outbox import email_queue
from civility.notifications.tokens import absolute

MAX_AGE = timedelta(days=7)
_SALT = "civility.notifications.confirm"


def confirmation_needed(*, user: Any, article_key: str, email: str) -> bool:
    """Should this comment wait for its author to confirm ``email``? (No for logged-in people,
    on sites that do not ask, and for addresses confirmed before.)"""
    if getattr(user, "is_authenticated", False):
        return False
    if not SiteNotifications.objects.filter(confirm_email=True, site__articles__key=article_key).exists():
        return False
    return not ConfirmedAddress.objects.filter(email=email.strip().lower()).exists()


def confirm_token(email: str) -> str:
    return signing.dumps({"e": email.lower()}, salt=_SALT, compress=True)


def confirm_read(token: str) -> str | None:
    """The address of a genuine, unexpired link, else None."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return data.get("e") if isinstance(data, dict) and isinstance(data.get("e"), str) else None


def confirmation_request(*, comment: Comment) -> None:
    """Queue the confirmation link for the comment's author (after the comment is committed)."""
    from civility.notifications import tasks

    enqueue_on_commit(tasks.confirmation_send, comment.pk)


def confirmation_write(comment_id: int) -> Email | None:
    """Write the link to the outbox (once a day per address; nothing once the address is confirmed)."""
    comment = Comment.objects.select_related("article__site").filter(pk=comment_id).first()
    if comment is None or comment.status != Status.UNCONFIRMED:
        return None
    email = comment.author_email
    link = absolute(reverse("notifications-confirm", kwargs={"token": confirm_token(email)}))
    with override(reader_language(comment)):
        body = render_to_string("notifications/email/confirm.txt", {
            "comment": comment, "article": comment.article, "site": comment.article.site, "link": link,
            "days": MAX_AGE.days})
        return email_queue(key=f"confirm:{email}:{timezone.now().date().isoformat()}", kind=Kind.CONFIRM,
                           to=email, subject=_("Please confirm your email address to publish your comment"),
                           body=body, unsubscribe=Kind.CONFIRM, comment_id=comment.pk)


def email_confirm(*, email: str) -> list[int]:
    """The owner of ``email`` followed their link: remember the address, and let its waiting
    comments join the queue (moderators' arrival alerts and webhooks follow). Returns their ids."""
    from civility.notifications import dispatch, tasks

    email = email.strip().lower()
    try:
        with transaction.atomic():
            ConfirmedAddress.objects.get_or_create(email=email)
    except IntegrityError:  # the link followed twice at once
        pass
    ids = comment_email_confirmed(email=email)
    if ids and dispatch.arrivals_wanted():
        for comment_id in ids:
            enqueue_on_commit(tasks.comment_arrived, comment_id)
    return ids
