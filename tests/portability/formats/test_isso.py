"""Isso's SQLite database: threads by path, Markdown kept as text, modes, Unix times."""

import sqlite3
from datetime import UTC, datetime

import pytest
from django.core.management.base import CommandError

from civility.comments.models import Comment, Status
from civility.publishing.models import Article
from tests.portability.helpers import SAMPLES, by_body, database_state, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def isso_db(tmp_path):
    path = tmp_path / "comments.db"
    with sqlite3.connect(path) as db:
        db.executescript((SAMPLES / "isso.sql").read_text())
    db.close()
    return path


def test_the_sample_imports(site, isso_db):
    mine = Article.objects.create(site=site, key="corridor", title="Ours",
                                  url="https://gazette.example/2024/lachin-corridor/")
    run_import("isso", isso_db)
    first = by_body("First, in *Markdown*.")
    assert first.article_id == mine.pk  # matched by the thread's path
    assert first.created_at == datetime(2024, 2, 29, 8, 0, 0, 500000, tzinfo=UTC)
    assert (first.author_name, first.ip_address, first.status) == ("Zoë", "192.0.2.0", Status.APPROVED)
    reply = by_body("Ответ")
    assert reply.parent_id == first.pk and reply.author_email == ""
    waiting = by_body("Waiting in Isso")
    assert waiting.status == Status.PENDING and waiting.root_id == first.pk and waiting.author_name == "Anonymous"
    deleted = Comment.objects.get(body="")
    assert deleted.status == Status.REJECTED and deleted.created_at == datetime(1970, 1, 1, tzinfo=UTC)
    assert by_body("A reply under").parent_id == deleted.pk
    assert deleted.article.title == "/blog/ünïcode/" and deleted.article.url == ""


def test_idempotent(site, isso_db):
    run_import("isso", isso_db)
    before = database_state()
    run_import("isso", isso_db)
    assert database_state() == before


def test_not_an_isso_database(site, tmp_path, isso_db):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CommandError, match="not an Isso database"):
        run_import("isso", tmp_path / "notes.txt")
    with sqlite3.connect(isso_db) as db:
        db.execute("UPDATE comments SET mode = 8 WHERE id = 5")
    db.close()
    with pytest.raises(CommandError, match="comments row id 5: unknown mode 8"):
        run_import("isso", isso_db)
    assert not Comment.objects.exists()
