"""`civility backup` / `civility restore`: round trips on SQLite and PostgreSQL, through the CLI.

The copy is taken while another connection holds an uncommitted write (a server in the
middle of a request): the backup neither waits for it nor contains it.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

import dj_database_url
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.web.test_serve import _civility

POPULATE = """
from django.contrib.auth.models import AnonymousUser
from civility.accounts.services import user_create
from civility.comments.models import Comment, Status
from civility.publishing.services import article_create, site_create
site_create(slug="gazette", name="Gazette of Bakı", origins=["https://news.example.org"])
article_create(key="corridor", title="The corridor — «Laçın»", site_slug="gazette")
user_create(username="alice", role="admin", password="a-long-enough-passphrase")
from civility.publishing.models import Article
a = Article.objects.get(key="corridor")
first = Comment.objects.create(article=a, author_name="Ayşə", author_email="ayse@example.org",
                               body="Çox sağ olun 👍", status=Status.APPROVED, ip_address="203.0.113.9")
Comment.objects.create(article=a, parent=first, root=first, author_name="Björn", author_email="b@example.org",
                       body="A reply\\nover two lines")
"""


def cli(*args: str, database_url: str, tmp_path: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {"DATABASE_URL": database_url, "CIVILITY_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "",
           "CIVILITY_TASKS_BACKEND": "immediate", "REDIS_URL": ""}
    cmd, environment = _civility(*args, env=env)
    environment = {k: v for k, v in environment.items() if v != "" or k == "DATABASE_URL"}
    r = subprocess.run(cmd, env=environment, capture_output=True, text=True, check=False, timeout=180)
    if check and r.returncode != 0:
        pytest.fail(f"civility {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


def refused(r: subprocess.CompletedProcess, message: str) -> None:
    assert r.returncode == 1, r.stderr
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def round_trip(tmp_path: Path, source_url: str, target_url: str, hold_a_write) -> None:
    """Populate the source, back it up while a write is pending, restore into the empty target."""
    cli("migrate", "--verbosity", "0", database_url=source_url, tmp_path=tmp_path)
    cli("shell", "-c", POPULATE, database_url=source_url, tmp_path=tmp_path)
    backup = tmp_path / "civility.backup"
    with hold_a_write():
        out = cli("backup", str(backup), database_url=source_url, tmp_path=tmp_path).stdout
    assert f"backed up to {backup}" in out
    assert backup.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*.partial"))
    refused(cli("backup", str(backup), database_url=source_url, tmp_path=tmp_path, check=False), "already exists")

    assert "restored" in cli("restore", str(backup), database_url=target_url, tmp_path=tmp_path).stdout
    # the target now refuses a second restore, unless forced
    refused(cli("restore", str(backup), database_url=target_url, tmp_path=tmp_path, check=False),
            "the database is not empty")
    cli("site", "create", "extra", "--name", "Added after the restore", database_url=target_url, tmp_path=tmp_path)
    assert "restored" in cli("restore", str(backup), "--force", database_url=target_url, tmp_path=tmp_path).stdout
    # ids continue after the restored rows (sequences came back too)
    cli("site", "create", "later", "--name", "Later", database_url=target_url, tmp_path=tmp_path)
    cli("site", "create", "later", "--name", "Later", database_url=source_url, tmp_path=tmp_path)


def test_sqlite_round_trip(tmp_path):
    source, target = tmp_path / "source.sqlite3", tmp_path / "target.sqlite3"

    class hold_a_write:
        def __enter__(self):
            self.conn = sqlite3.connect(source, isolation_level=None)
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("INSERT INTO publishing_site (name, slug, allowed_origins, policy_text, "
                              "authors_skip_queue, default_order, page_size) "
                              "VALUES ('Uncommitted', 'uncommitted', '', '', 0, 'newest', 20)")

        def __exit__(self, *exc):
            self.conn.execute("ROLLBACK")
            self.conn.close()

    round_trip(tmp_path, f"sqlite:///{source}", f"sqlite:///{target}", hold_a_write)
    backup = sqlite3.connect(tmp_path / "civility.backup")
    assert backup.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    assert backup.execute("SELECT count(*) FROM publishing_site WHERE slug = 'uncommitted'").fetchone()[0] == 0
    dumps = [list(sqlite3.connect(path).iterdump()) for path in (source, target)]
    assert dumps[0] == dumps[1]
    assert any("Çox sağ olun 👍" in line for line in dumps[1])


def _pg_server() -> dict | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    try:
        import psycopg

        conf = dj_database_url.parse(url)
        psycopg.connect(host=conf["HOST"], port=conf["PORT"] or 5432, user=conf["USER"],
                        password=conf["PASSWORD"] or None, dbname="postgres", connect_timeout=2).close()
    except Exception:
        return None
    return conf


def test_postgresql_round_trip(tmp_path):
    import psycopg

    conf = _pg_server()
    if conf is None:
        pytest.skip("no PostgreSQL server answers (set DATABASE_URL to one)")
    server = {"host": conf["HOST"], "port": conf["PORT"] or 5432, "user": conf["USER"],
              "password": conf["PASSWORD"] or None}
    names = [f"civility_backup_{uuid.uuid4().hex[:10]}_{side}" for side in ("source", "target")]
    admin = psycopg.connect(dbname="postgres", autocommit=True, **server)

    def url(name: str) -> str:
        auth = conf["USER"] + (f":{conf['PASSWORD']}" if conf["PASSWORD"] else "")
        return f"postgres://{auth}@{server['host']}:{server['port']}/{name}"

    class hold_a_write:
        def __enter__(self):
            self.conn = psycopg.connect(dbname=names[0], **server)
            self.conn.execute("INSERT INTO publishing_site (name, slug, allowed_origins, policy_text, "
                              "authors_skip_queue, default_order, page_size) "
                              "VALUES ('Uncommitted', 'uncommitted', '', '', false, 'newest', 20)")

        def __exit__(self, *exc):
            self.conn.rollback()
            self.conn.close()

    try:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        round_trip(tmp_path, url(names[0]), url(names[1]), hold_a_write)
        tables = []
        with psycopg.connect(dbname=names[0], **server) as src, psycopg.connect(dbname=names[1], **server) as dst:
            tables = [r[0] for r in src.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                                "ORDER BY 1")]
            assert tables == [r[0] for r in dst.execute("SELECT tablename FROM pg_tables WHERE "
                                                        "schemaname = 'public' ORDER BY 1")]
            for table in tables:
                query = f'SELECT * FROM "{table}" ORDER BY 1'  # noqa: S608 (names from pg_tables)
                assert src.execute(query).fetchall() == dst.execute(query).fetchall(), table
            assert dst.execute("SELECT body FROM comments_comment WHERE parent_id IS NULL").fetchone()[0] == \
                "Çox sağ olun 👍"
            assert not dst.execute("SELECT 1 FROM publishing_site WHERE slug = 'uncommitted'").fetchall()
        assert "comments_comment" in tables
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    backup = tmp_path / "b"
    run("backup", str(backup))
    with pytest.raises(CommandError, match=r"the database is not empty .* pass --force"):
        run("restore", str(backup))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("content", "message"), [
    (None, "no file"),
    (b"hello, I am a text file\n", "is not a Civility backup"),
    # (on the other database's leg: "is a SQLite backup, but DATABASE_URL points at PostgreSQL")
    (b"SQLite format 3\x00" + b"\x00" * 200, "cannot be restored|is damaged|is not a Civility backup|is a SQLite"),
    # pg_restore reads this header without complaint: it is our check that refuses it
    (b"PGDMP" + b"\x01" * 50, "is a PostgreSQL backup|is a pg_dump file but not a Civility backup"),
])
def test_restore_refuses_files_that_are_not_backups(tmp_path, content, message):
    path = tmp_path / "bad"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run("restore", str(path), "--force")


@pytest.mark.django_db(transaction=True)
def test_backup_needs_an_existing_folder(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run("backup", str(tmp_path / "missing" / "b"))


@pytest.mark.django_db
def test_a_sqlite_database_that_stays_locked_is_given_up_on(tmp_path, monkeypatch):
    """Python's backup() retries a locked database for ever; ours stops with a message. (Here the
    test's own open transaction on the in-memory database keeps it locked.)"""
    from django.db import connection

    from civility.portability import backup

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking")
    monkeypatch.setattr(backup, "LOCK_PATIENCE_S", 0.0)
    with pytest.raises(CommandError, match="stayed locked by another connection"):
        run("backup", str(tmp_path / "b"))
    assert not list(tmp_path.iterdir())  # no partial file left behind
