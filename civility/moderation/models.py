"""The audit log: one append-only row per decision, undo, staff edit and erasure included.

Rows outlive what they are about: deleting a comment (or its article, site or commenter)
leaves its decisions in place. ``comment_id`` keeps the comment's id without a database
constraint, and ``snapshot`` keeps what the history needs to say where it was (never
personal data, so an erasure has nothing to take out of it).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civility.comments.models import Comment, Status


class Action(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    UNDO = "undo", _("Undo")
    EDIT = "edit", _("Edited by staff")
    ERASE = "erase", _("Personal data erased")


#: the actions that move a comment between statuses (what undo looks at)
STATUS_ACTIONS = (Action.APPROVE, Action.REJECT, Action.UNDO)


class Reason(models.TextChoices):
    """Why a comment was rejected, in the words of the published policy."""

    HATE_SPEECH = "hate_speech", _("Hate speech")
    OBSCENITY = "obscenity", _("Obscenity")
    PERSONAL_ATTACK = "personal_attack", _("Personal attack")
    SPAM = "spam", _("Spam or repeated comment")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Other")
    #: last, so that the queue's keys for the reasons above (r then 1–6) did not move when it came
    THREAT = "threat", _("Threat or incitement to violence")


class AppendOnlyError(Exception):
    pass


class Decision(models.Model):
    # No cascade and no database constraint: the row stays when its comment is deleted.
    # Nullable only so that joins to the comment are outer joins (the history keeps rows
    # whose comment is gone); every decision is written with its comment's id.
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.DO_NOTHING,
                                db_constraint=False, related_name="decisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="decisions", help_text="Empty when a site rule decided.",
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    reason = models.CharField(max_length=32, choices=Reason.choices, blank=True)
    note = models.TextField(blank=True)
    from_status = models.CharField(max_length=16, choices=Status.choices)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    undoes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="undone_by"
    )
    batch = models.UUIDField(default=uuid.uuid4, editable=False, help_text="Shared by one bulk action.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    #: where the comment was, for when it is gone: article id, key and title, parent id,
    #: when it was written (see :func:`snapshot_of`); no personal data
    snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["comment", "-created_at"], name="decision_comment_idx")]

    def __str__(self) -> str:
        return f"{self.action} #{self.comment_id} by {self.actor or 'site rule'}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Decisions are never changed; record a new one (undo).")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Decisions are never deleted.")


class Claim(models.Model):
    """"Anna is on it": the moderator who opened a pending comment, for a few minutes.

    One row per claimed comment; a moderator holds at most one claim (the item they are on).
    A claim past ``expires_at`` is as good as none. civility.moderation.claims.
    """

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, primary_key=True, related_name="claim")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claims")
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"#{self.comment_id} claimed by {self.moderator}"


class QueueView(models.Model):
    """A moderator's saved "my articles" filter: some articles and/or a section."""

    moderator = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
                                     related_name="queue_view")
    articles = models.TextField(blank=True, help_text="Article keys, comma-separated.")
    section = models.CharField(max_length=100, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"my articles of {self.moderator}"

    @property
    def article_keys(self) -> list[str]:
        return [k for k in self.articles.split(",") if k]


def snapshot_of(comment: Comment) -> dict:
    """What a decision remembers of its comment: where it was, nothing about who wrote it."""
    article = comment.article
    return {
        "article_id": comment.article_id, "article_key": article.key, "article_title": article.title[:300],
        "parent_id": comment.parent_id,
        "created_at": comment.created_at.isoformat() if comment.created_at else None,
    }
