"""What an import remembers: which record of which source became which row, so that running
the same import again adds nothing."""

from __future__ import annotations

from django.db import models

from civility.publishing.models import Site


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        COMMENT = "comment", "Comment"
        DECISION = "decision", "Decision"

    #: the importer's name (``disqus``, ``wordpress``…)
    source = models.CharField(max_length=32)
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    #: the record's id in the source (a Disqus post id, a WordPress post link and comment id…)
    ref = models.CharField(max_length=255)
    #: the row it became (not a foreign key: deleting that row later must not let it come back)
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "site", "kind", "ref"], name="imported_item_ref")]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.ref} → {self.object_id}"
