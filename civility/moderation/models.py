"""The audit log: one append-only row per decision, undo included."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from civility.comments.models import Comment, Status


class Action(models.TextChoices):
    APPROVE = "approve", "Approve"
    REJECT = "reject", "Reject"
    UNDO = "undo", "Undo"


class Reason(models.TextChoices):
    """Why a comment was rejected, in the words of the published policy."""

    HATE_SPEECH = "hate_speech", "Hate speech"
    OBSCENITY = "obscenity", "Obscenity"
    PERSONAL_ATTACK = "personal_attack", "Personal attack"
    SPAM = "spam", "Spam or repeated comment"
    OFF_TOPIC = "off_topic", "Off topic"
    OTHER = "other", "Other"
    #: last, so that the queue's keys for the reasons above (r then 1–6) did not move when it came
    THREAT = "threat", "Threat or incitement to violence"


class AppendOnlyError(Exception):
    pass


class Decision(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
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
