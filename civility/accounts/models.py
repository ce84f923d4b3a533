"""People who log in: newsroom admins, moderators and authors.

Readers do not need an account. A role decides what a person may do; the checks
live in :mod:`civility.accounts.permissions`, not in views.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    MODERATOR = "moderator", "Moderator"
    AUTHOR = "author", "Author"


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.AUTHOR)
    display_name = models.CharField(
        max_length=80, blank=True, help_text="Shown on comments; defaults to the user name."
    )

    @property
    def public_name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def can_moderate(self) -> bool:
        return self.is_active and (self.is_superuser or self.role in {Role.ADMIN, Role.MODERATOR})

    @property
    def is_newsroom_author(self) -> bool:
        return self.role == Role.AUTHOR


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def for_raw(self, raw: str) -> ApiToken | None:
        return self.select_related("user").filter(digest=_digest(raw)).first()


class ApiToken(models.Model):
    """A bearer token for scripts. Only its SHA-256 digest is stored."""

    PREFIX = "civ_"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80, blank=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.user} · {self.name or 'token'}"

    @classmethod
    def issue(cls, *, user: User, name: str = "") -> tuple[ApiToken, str]:
        """Create a token and return it with the raw secret, which is shown once."""
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, digest=_digest(raw)), raw
