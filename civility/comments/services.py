"""Submitting a comment. Every stored comment waits for a moderator, unless the
site lets an article's own authors skip the queue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from civility.accounts.permissions import is_author_of
from civility.comments.events import comment_submitted
from civility.comments.models import Comment, Status
from civility.comments.names import name_clean
from civility.errors import CommentsClosed, InvalidInput, NotFound
from civility.i18n import languages
from civility.moderation.services import decision_by_policy
from civility.people.sanctions import ban_check
from civility.publishing.models import Article
from civility.publishing.services import article_public_changed
from civility.triage.services import triage_comment

MAX_BODY = 5000
MAX_NAME = 80


@dataclass(frozen=True)
class Origin:
    """Where a submission came from (kept for spam and abuse review)."""

    ip_address: str | None = None
    user_agent: str = ""


def _clean_identity(user: Any, author_name: str, author_email: str) -> tuple[str, str, dict[str, str]]:
    errors: dict[str, str] = {}
    if getattr(user, "is_authenticated", False):
        return name_clean(user.public_name)[:MAX_NAME], user.email, errors
    name = name_clean(author_name)
    email = author_email.strip()
    if not name:
        errors["author_name"] = _("Please give a name to show with your comment.")
    elif len(name) > MAX_NAME:
        errors["author_name"] = _("Names can be at most %(max)s characters.") % {"max": MAX_NAME}
    if not email:
        errors["author_email"] = _("Please give an email address (it is never shown).")
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors["author_email"] = _("That does not look like an email address.")
    return name, email.lower(), errors


def comment_submit(
    *,
    user: Any,
    article_key: str,
    body: str,
    author_name: str = "",
    author_email: str = "",
    parent_id: int | None = None,
    origin: Origin = Origin(),
    client: dict | None = None,
    hold_until_confirmed: bool = False,
    ui_lang: str = "",
) -> Comment:
    """Store a reader's comment as pending and return it.

    Raises NotFound (unknown article), CommentsClosed, Banned (civility.people), or
    InvalidInput with a message per field. Triage runs once the comment is safely stored; ``client``
    carries the widget's evidence (honeypot, time to submit) for it.
    ``hold_until_confirmed``: store it as ``unconfirmed`` instead, out of the queue until
    :func:`comment_email_confirmed` (the site wants first-time addresses confirmed).
    ``ui_lang``: the language the commenter reads the site in (``ru``, ``ru-RU``); the site
    writes to them in it. One we have no translations for is stored as "" (the site's default).
    """
    article = Article.objects.select_related("site").filter(key=article_key).first()
    if article is None:
        raise NotFound(_("There is no article with the key %(key)r.") % {"key": article_key}, code="article_not_found")
    if not article.comments_open:
        raise CommentsClosed(_("Comments are closed on this article."))

    name, email, errors = _clean_identity(user, author_name, author_email)
    # Before anything else is said about the comment, and before anything is stored.
    ban_check(user=user, email=None if "author_email" in errors else email, ip=origin.ip_address)
    text = body.strip()
    if not text:
        errors["body"] = _("The comment is empty.")
    elif len(text) > MAX_BODY:
        errors["body"] = _("Comments can be at most %(max)s characters (this one has %(length)s).") % {
            "max": MAX_BODY, "length": len(text)}
    elif "\x00" in text:
        errors["body"] = _("The comment contains a NUL character.")

    parent = None
    if parent_id is not None:
        parent = Comment.objects.filter(pk=parent_id, article=article, status=Status.APPROVED).first()
        if parent is None:
            errors["parent_id"] = _("You can only reply to a published comment on this article.")
    if errors:
        raise InvalidInput(_("Please correct the highlighted fields."), fields=errors)

    comment = Comment(
        article=article,
        parent=parent,
        root_id=(parent.root_id or parent.pk) if parent else None,
        user=user if getattr(user, "is_authenticated", False) else None,
        author_name=name,
        author_email=email,
        body=text,
        ip_address=origin.ip_address,
        user_agent=origin.user_agent[:400],
        status=Status.UNCONFIRMED if hold_until_confirmed else Status.PENDING,
        ui_lang=languages.supported(ui_lang) or "",
    )
    with transaction.atomic():
        comment.save()
        if not hold_until_confirmed and article.site.authors_skip_queue and is_author_of(user, article):
            decision_by_policy(comment=comment, note="Author's own comment; the site lets authors skip the queue.")
    triage_comment(comment, client=client, new=True)
    comment_submitted.send(sender=Comment, comment=comment)
    return comment


def comment_email_confirmed(*, email: str) -> list[int]:
    """The commenter proved that ``email`` is theirs: their comments waiting for that join the
    queue (oldest first, as they arrived). Returns their ids."""
    with transaction.atomic():
        ids = list(Comment.objects.select_for_update()
                   .filter(author_email=email.strip().lower(), status=Status.UNCONFIRMED)
                   .order_by("created_at", "pk").values_list("pk", flat=True))
        Comment.objects.filter(pk__in=ids).update(status=Status.PENDING)
    return ids


def comment_delete(*, comments: Iterable[Comment]) -> None:
    """Delete comments (the admin), with their replies; their threads are rebuilt for readers.

    Their decisions stay in the audit log (``moderation.models.Decision`` keeps the id).
    """
    comments = list(comments)
    with transaction.atomic():
        article_public_changed(article_ids={c.article_id for c in comments})
        Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
