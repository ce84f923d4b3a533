"""Where comments are posted: a newsroom's site and its articles."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

DEFAULT_POLICY = (
    "Readers start the conversation here, and authors join it when they are logged in. "
    "A moderator reads every comment before anyone else can see it. "
    "Posting the same comment again and again can get it treated as spam. "
    "Comments with hate speech, obscenity or personal attacks are not approved."
)


class ThreadOrder(models.TextChoices):
    NEWEST = "newest", "Newest first"
    OLDEST = "oldest", "Oldest first"


class Site(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    allowed_origins = models.TextField(
        blank=True,
        help_text="Origins allowed to embed the thread, one per line, e.g. https://news.example.org",
    )
    policy_text = models.TextField(default=DEFAULT_POLICY, help_text="Shown above the comment form.")
    authors_skip_queue = models.BooleanField(
        default=False,
        help_text="Publish an author's own comments on their own articles without moderation.",
    )
    default_order = models.CharField(max_length=8, choices=ThreadOrder.choices, default=ThreadOrder.NEWEST)
    page_size = models.PositiveSmallIntegerField(default=20)

    def __str__(self) -> str:
        return self.name

    @property
    def origins(self) -> list[str]:
        return [line.strip().rstrip("/") for line in self.allowed_origins.splitlines() if line.strip()]


article_key_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$",
    "Use letters, digits, '.', '_' and '-' (the key appears in URLs).",
)


class Article(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="articles")
    key = models.CharField(max_length=200, unique=True, validators=[article_key_validator])
    title = models.CharField(max_length=300)
    section = models.CharField(max_length=100, blank=True, db_index=True,
                               help_text="Optional, e.g. politics: moderators can filter their queue by it.")
    url = models.URLField(blank=True, help_text="The article's public address.")
    body = models.TextField(blank=True, help_text="Optional text for the preview page.")
    comments_open = models.BooleanField(default=True)
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True)
    # Bumped (publishing.services.article_public_changed) in the same transaction as any change
    # to what readers see here; cached thread pages are keyed on it, so none outlives a change.
    public_version = models.PositiveBigIntegerField(default=1, editable=False)

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # Only article_public_changed moves public_version (F() + 1): writing back a value read
        # earlier could move it backwards, and a page cached under that number would be served again.
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [f.name for f in self._meta.concrete_fields
                                       if not f.primary_key and f.name != "public_version"]
        super().save(*args, **kwargs)
