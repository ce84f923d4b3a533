"""What triage stores: one report per comment, campaigns, the near-duplicate index,
and the word rules admins add without a restart."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from civility.comments.models import Comment


class Campaign(models.Model):
    """Near-identical text posted by different people: decided together."""

    created_at = models.DateTimeField(auto_now_add=True)
    first_comment = models.ForeignKey(Comment, on_delete=models.SET_NULL, null=True, related_name="+")
    #: distinct identities (accounts, else emails) that posted it
    size = models.PositiveIntegerField(default=1)
    article_count = models.PositiveIntegerField(default=1)
    #: the size its pending members' reports were last scored at (see campaign_rescore)
    scored_size = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"campaign {self.pk}: {self.size} accounts on {self.article_count} articles"


class CampaignTally(models.Model):
    """What a campaign has counted once: each person (``account:5``, ``email:…``) and each article.

    A new member adds its keys with ``INSERT … ON CONFLICT DO NOTHING``; the rows actually
    inserted are what ``Campaign.size`` and ``article_count`` grow by, so a join costs the
    same with 20 members or 20,000 (see ``campaigns.campaign_join``).
    """

    # the unique constraint's index serves lookups by campaign
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+", db_index=False)
    key = models.CharField(max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "key"], name="campaign_tally_key")]

    def __str__(self) -> str:
        return f"{self.key} in campaign {self.campaign_id}"


class TriageReport(models.Model):
    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, primary_key=True, related_name="triage")
    report = models.JSONField(default=dict)
    #: ",hate,spam," — the flagged labels, for filtering on any database
    flag_labels = models.CharField(max_length=100, blank=True, default="")
    complete = models.BooleanField(default=True)
    #: hash of the normalised text: exact duplicates
    text_hash = models.CharField(max_length=32, blank=True, db_index=True)
    duplicate_of = models.ForeignKey(Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"triage of #{self.comment_id}"


class NearDupBand(models.Model):
    """One LSH band of a comment's MinHash: comments sharing a band are candidates."""

    band = models.BigIntegerField()  # the (band, comment) constraint's index serves lookups
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["band", "comment"], name="neardup_band_comment")]

    def __str__(self) -> str:
        return f"band {self.band} of #{self.comment_id}"


class WordRule(models.Model):
    """A word or phrase an admin adds: banned (strong flag), suspect (weak flag) or allowed."""

    class Kind(models.TextChoices):
        BANNED = "banned", "Banned (strong flag)"
        SUSPECT = "suspect", "Suspect (weak flag)"
        ALLOWED = "allowed", "Allowed (never flag)"

    class Category(models.TextChoices):
        OBSCENE = "obscene", "Obscenity"
        SLUR = "slur", "Slur (hate)"
        INSULT = "insult", "Insult"
        THREAT = "threat", "Threat phrase"
        SPAM = "spam", "Spam"

    phrase = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    category = models.CharField(max_length=10, choices=Category.choices, default=Category.OBSCENE)
    lang = models.CharField(max_length=8, blank=True, help_text="Empty: every language.")
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["phrase", "kind", "lang"], name="wordrule_unique")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.phrase}"
