"""What learning keeps: per-site flag levels tuned from decisions (with their audit log) and
model versions (with the one in use)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from civility.publishing.models import Site


class SiteThreshold(models.Model):
    """A flag level in force for one site (or every site, when ``site`` is empty), and where it came from.

    Written only by ``civility.learning.thresholds`` (``civility policy tune --apply``, ``--reset``),
    which logs every change as a :class:`ThresholdChange`.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                             help_text="Empty: every site without a level of its own.")
    label = models.CharField(max_length=20)
    value = models.FloatField()
    source = models.CharField(max_length=300, help_text="Where the level came from.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "label"], name="site_threshold_unique"),
            models.UniqueConstraint(fields=["label"], condition=models.Q(site__isnull=True),
                                    name="site_threshold_every_site_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ≥ {self.value:.3f} on {self.site or 'every site'}"


class ThresholdChange(models.Model):
    """The audit log of flag levels: one row per label changed (``after`` empty: back to the default)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    label = models.CharField(max_length=20)
    before = models.FloatField(null=True, blank=True)
    after = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=300)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", help_text="Empty: the command line or a scheduled task.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.label} on {self.site or 'every site'}: {self.before} → {self.after}"


class ModelVersion(models.Model):
    """An adapted classifier: the shipped files' format (``manifest.json`` and the bytes of
    ``weights.npz``, numpy arrays only) kept in the database, where every app server can read it."""

    version = models.CharField(max_length=40, unique=True)
    parent = models.CharField(max_length=40, help_text="The version it was adapted from.")
    manifest = models.JSONField()
    weights = models.BinaryField()
    site = models.ForeignKey(Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             help_text="Whose decisions it learned from (empty: every site's).")
    note = models.CharField(max_length=300, blank=True)
    #: the held-back and shipped-set numbers it was installed on
    evaluation = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.version


class ModelInUse(models.Model):
    """One row: the classifier version every process uses ("" or no row: the shipped one)."""

    version = models.CharField(max_length=40, blank=True)
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.version or "shipped"


class AdaptRun(models.Model):
    """One run of ``civility model adapt`` (by hand or on the schedule) and what came of it."""

    class Outcome(models.TextChoices):
        QUEUED = "queued", "Queued"
        INSTALLED = "installed", "Installed"
        REFUSED = "refused", "Refused (not better)"
        DRY_RUN = "dry_run", "Dry run"
        FAILED = "failed", "Failed"

    #: the schedule's slot (hours since the epoch ÷ the interval) a scheduled run was started for;
    #: unique, so that several workers start one run per slot
    slot = models.BigIntegerField(null=True, blank=True, unique=True)
    site = models.ForeignKey(Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.QUEUED)
    version = models.CharField(max_length=40, blank=True)
    report = models.JSONField(default=dict)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"adapt {self.started_at:%Y-%m-%d %H:%M}: {self.outcome}"
