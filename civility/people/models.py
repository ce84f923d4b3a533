"""Bans, their audit log, and moderators' notes about a person.

A person is who wrote a comment: their email address (and their account when they were
logged in). Nothing here is shown to readers.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civility.moderation.models import AppendOnlyError


class BanKind(models.TextChoices):
    EMAIL = "email", _("Email address")
    EMAIL_DOMAIN = "email_domain", _("Email domain")
    IP = "ip", _("IP address or network")
    USERNAME = "username", _("Account")


class Ban(models.Model):
    """Who may not comment (nor ask for the draft check), until lifted or expired.

    ``value`` is normalised: a lower-case email, domain or user name; a network in canonical
    CIDR form (civility.people.addresses).
    """

    kind = models.CharField(max_length=16, choices=BanKind.choices)
    value = models.CharField(max_length=254)
    reason = models.TextField()
    expires_at = models.DateTimeField(null=True, blank=True, help_text=_("Empty: until lifted."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # Every submission asks "does a ban name any of these targets?" (one lookup per
            # candidate value, civility.people.sanctions.bans_matching).
            models.Index(fields=["value", "kind"], name="ban_target_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class SanctionAction(models.TextChoices):
    BAN = "ban", _("Ban")
    UNBAN = "unban", _("Unban")


class SanctionLog(models.Model):
    """The audit log of bans: one append-only row per ban and per lift."""

    ban = models.ForeignKey(Ban, on_delete=models.PROTECT, related_name="log")
    action = models.CharField(max_length=8, choices=SanctionAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.ban} by {self.actor}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The sanctions log is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The sanctions log is never deleted.")


class PersonNote(models.Model):
    """What a moderator wants colleagues to know about a commenter (never shown to them)."""

    email = models.EmailField(max_length=254, db_index=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"note on {self.email} by {self.author}"
