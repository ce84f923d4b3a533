"""Running `civility import` in tests, on the sample files in samples/ (written for these tests)."""

from __future__ import annotations

import io
from pathlib import Path

from django.core.management import call_command

from civility.comments.models import Comment

SAMPLES = Path(__file__).parent / "samples"


def run_import(fmt: str, path: Path | str, *args: str) -> str:
    out = io.StringIO()
    call_command("import", fmt, str(path), "--no-progress", *args, stdout=out)
    return out.getvalue()


def by_body(prefix: str) -> Comment:
    return Comment.objects.select_related("article", "parent").get(body__startswith=prefix)


def database_state() -> tuple:
    """What an import could change, to show that a failed one changed nothing."""
    from civility.portability.models import ImportedItem
    from civility.publishing.models import Article

    return (list(Comment.objects.order_by("pk").values_list("pk", "body", "parent_id")),
            list(Article.objects.order_by("pk").values_list("pk", "key")), ImportedItem.objects.count())
