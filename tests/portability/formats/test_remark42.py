"""Remark42 backups, plain or gzipped: posts from the comments' locators, nanosecond times."""

import gzip
from datetime import UTC, datetime

import pytest
from django.core.management.base import CommandError

from civility.comments.models import Comment, Status
from civility.publishing.models import Article
from tests.portability.helpers import SAMPLES, by_body, database_state, run_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("gzipped", [False, True])
def test_the_sample_imports(site, tmp_path, gzipped):
    path = SAMPLES / "remark42.jsonl"
    if gzipped:
        path = tmp_path / "backup-gazette-20240301.gz"
        path.write_bytes(gzip.compress((SAMPLES / "remark42.jsonl").read_bytes()))
    run_import("remark42", path)
    first = by_body("First!")
    assert first.body == "First! **Ganz schön** & more"  # what the reader typed
    assert first.created_at == datetime(2024, 2, 29, 8, 9, 57, 382376, tzinfo=UTC)
    assert first.ip_address is None and first.author_email == "" and first.status == Status.APPROVED
    reply = by_body("Cavab")
    assert reply.body == "Cavab 👍" and reply.parent_id == first.pk and reply.author_name == "Əli"
    old = Article.objects.get(url="https://gazette.example/old/")
    assert not old.comments_open and old.title == "Old post"
    gone = Comment.objects.get(article=old)
    assert gone.status == Status.REJECTED and gone.created_at == datetime(2019, 1, 1, 12, tzinfo=UTC)


def test_idempotent_and_errors(site, tmp_path):
    run_import("remark42", SAMPLES / "remark42.jsonl")
    before = database_state()
    run_import("remark42", SAMPLES / "remark42.jsonl")
    assert database_state() == before
    lines = (SAMPLES / "remark42.jsonl").read_text().splitlines()
    (tmp_path / "cut.jsonl").write_text("\n".join([*lines[:2], lines[2][:40]]) + "\n")
    with pytest.raises(CommandError, match=r"line 3, column \d+: not JSON"):
        run_import("remark42", tmp_path / "cut.jsonl")
    (tmp_path / "cut.gz").write_bytes(gzip.compress("\n".join(lines).encode())[:-12])
    with pytest.raises(CommandError, match="damaged"):
        run_import("remark42", tmp_path / "cut.gz")
    assert database_state() == before
