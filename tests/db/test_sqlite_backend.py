"""Our SQLite backend: writers get in as soon as the lock is free (and still give up); closing gathers statistics."""

from __future__ import annotations

import time

import pytest
from django.db import OperationalError, connection

from civility.db.sqlite3 import base as sqlite_base
from civility.db.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend only")


def wrapper(path, alias) -> DatabaseWrapper:
    settings = {**connection.settings_dict, "NAME": str(path), "TEST": {}}
    db = DatabaseWrapper(settings, alias=alias)
    db.ensure_connection()
    return db


@pytest.fixture
def pair(tmp_path, django_db_blocker):
    """Two connections to one database file (not the test database)."""
    with django_db_blocker.unblock():
        a, b = wrapper(tmp_path / "w.sqlite3", "a"), wrapper(tmp_path / "w.sqlite3", "b")
        a.cursor().execute("CREATE TABLE t (x INTEGER)")
        yield a, b
        for db in (a, b):
            db.close()


def busy_ms(db) -> int:
    return db.connection.execute("PRAGMA busy_timeout").fetchone()[0]


def test_a_waiting_writer_retries_every_few_milliseconds_until_the_lock_is_free(pair, monkeypatch):
    a, b = pair
    assert busy_ms(b) == 5000  # our settings' init_command ran
    a._start_transaction_under_autocommit()
    a.cursor().execute("INSERT INTO t VALUES (1)")
    sleeps, waits = [], []

    def sleep(seconds):  # b is waiting: record how, and let a commit after a while
        sleeps.append(seconds)
        waits.append(busy_ms(b))
        if len(sleeps) == 40:
            a._commit()

    monkeypatch.setattr(sqlite_base.time, "sleep", sleep)
    b._start_transaction_under_autocommit()
    b.cursor().execute("INSERT INTO t VALUES (2)")
    b._commit()
    assert len(sleeps) == 40  # it got in at the first try after the commit
    assert sleeps[0] == sqlite_base.FIRST_SLEEP and max(sleeps) == sqlite_base.LONGEST_SLEEP == 0.002
    assert set(waits) == {0}  # SQLite's own sleeping wait was off while it retried...
    assert busy_ms(b) == 5000  # ...and is back on for every other statement
    assert a.cursor().execute("SELECT COUNT(*) FROM t").fetchone()[0] == 2


def test_a_writer_still_gives_up_after_the_busy_timeout(pair):
    a, b = pair
    b.connection.execute("PRAGMA busy_timeout = 150")
    b._busy_ms = None
    a._start_transaction_under_autocommit()
    began = time.monotonic()
    with pytest.raises(OperationalError, match="locked"):
        b._start_transaction_under_autocommit()
    assert 0.15 <= time.monotonic() - began < 5  # its own timeout, not the default 5 s
    assert busy_ms(b) == 150
    a._rollback()
    b._start_transaction_under_autocommit()  # free again
    b._rollback()


def test_a_closing_connection_gathers_statistics_for_what_it_queried(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        db = wrapper(tmp_path / "s.sqlite3", "s")
        cur = db.cursor()
        cur.execute("CREATE TABLE c (status TEXT, risk REAL)")
        cur.execute("CREATE INDEX c_status ON c (status)")
        cur.executemany("INSERT INTO c VALUES (%s, %s)", [("pending" if i % 3 else "approved", i) for i in range(3000)])
        cur.execute("SELECT COUNT(*) FROM c WHERE status = %s", ["pending"])
        db.close()
        again = wrapper(tmp_path / "s.sqlite3", "s2")
        stats = again.cursor().execute("SELECT tbl, idx FROM sqlite_stat1").fetchall()
        again.close()
    assert ("c", "c_status") in stats
