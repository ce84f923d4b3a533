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
        ordering = ["site__name", "label"]

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
