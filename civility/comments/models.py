"""A comment and its status. Only ``approved`` comments are ever shown to readers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civility.publishing.models import Article


class Status(models.TextChoices):
    PENDING = "pending", _("Held for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    # the site asks first-time commenters to confirm their address (civility/notifications);
    # such a comment joins the queue (PENDING) once they do
    UNCONFIRMED = "unconfirmed", _("Waiting for the commenter to confirm their email")


class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top of the reply chain, so a page of threads loads its replies in one query.
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="comments",
    )
    author_name = models.CharField(max_length=80)
    author_email = models.EmailField(max_length=254)
    body = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)
    # Set by triage (civility.triage); the queue sorts and filters on them.
    risk = models.FloatField(default=0.0)
    lang = models.CharField(max_length=8, blank=True, default="")
    # The language the commenter's widget showed (one of settings.LANGUAGES): the site writes to
    # them in it (civility.notifications). "" when unknown: the site's default language.
    # a database default too: a process of the previous release, still running during a deploy,
    # inserts comments without this column
    ui_lang = models.CharField(max_length=8, blank=True, default="", db_default="")

    class Meta:
        indexes = [
            models.Index(fields=["article", "status", "parent", "created_at"], name="thread_idx"),
            models.Index(fields=["root", "status"], name="thread_replies_idx"),
            # The queue (moderation.selectors.queue_list): pending only, riskiest first, then oldest.
            # Partial indexes hold just the pending rows (a small share of all comments once a site has
            # run for a while) in the queue's order, so a page is a short index walk at 100,000 pending,
            # with or without the article and language filters; the count is an index-only scan.
            # No full (status, ...) index may compete with them: SQLite, which has no statistics
            # unless ANALYZE runs, would pick it for status = 'pending' and sort the whole queue.
            models.Index(fields=["-risk", "created_at", "id"], name="queue_pending_idx",
                         condition=Q(status="pending")),
            models.Index(fields=["lang", "-risk", "created_at", "id"], name="queue_pending_lang_idx",
                         condition=Q(status="pending")),
            models.Index(fields=["article", "-risk", "created_at", "id"], name="queue_pending_article_idx",
                         condition=Q(status="pending")),
            # the commenter's history and same-person duplicates look people up by email
            models.Index(fields=["author_email", "created_at"], name="comment_author_email_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} by {self.author_name} on {self.article_id}"

    @property
    def is_author(self) -> bool:
        """Shown as a badge: the comment was written by a logged-in newsroom author."""
        return self.user is not None and self.user.is_newsroom_author
