"""What readers did to their own comments: each edit and deletion, kept for the audit trail.

An edit of a pending comment is applied at once (and triaged again); an edit of an approved
comment waits here (``pending``) until a moderator approves it, while readers keep seeing the
approved text. A deletion is applied at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    EDIT = "edit", _("Edit")
    DELETE = "delete", _("Deletion")


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    APPLIED = "applied", _("Applied")
    REJECTED = "rejected", _("Rejected")


class Revision(models.Model):
    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=RevisionStatus.choices)
    before = models.TextField(help_text="The comment's text when the reader acted.")
    after = models.TextField(blank=True, help_text="The text the reader asked for (empty for a deletion).")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"], name="revision_status_idx")]

    def __str__(self) -> str:
        return f"{self.kind} of comment {self.comment_id} ({self.status})"


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DISMISSED = "dismissed", _("Dismissed")
    UPHELD = "upheld", _("Approval withdrawn")


class Report(models.Model):
    """A reader's report that a published comment breaks the policy: one per reader and comment."""

    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=32)  # a moderation Reason value
    note = models.CharField(max_length=500, blank=True)
    reporter = models.CharField(max_length=64, help_text="A keyed hash of the reader's address, never the address.")
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="report_once_per_reader")]
        indexes = [models.Index(fields=["status", "comment"], name="report_status_idx")]

    def __str__(self) -> str:
        return f"report of comment {self.comment_id} ({self.reason})"
