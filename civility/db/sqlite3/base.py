"""Django's SQLite backend, with writers that wait their turn briefly instead of sleeping long.

SQLite lets one writer in at a time. A second ``BEGIN IMMEDIATE`` waits in SQLite's busy
handler, which polls on a fixed schedule of sleeps — 1, 2, 5, 10, 15, 20, 25, 25, 25, 50,
50, 100 ms — so once a writer has missed a few turns it sleeps 25 to 100 ms at a time while
the lock may have been free for most of it. Under a burst of comments (ten writers each
holding the lock for a couple of milliseconds) that schedule, not the work, made the slowest
submissions take hundreds of milliseconds.

Here ``BEGIN`` is tried with SQLite's wait switched off and retried after sleeps that start
at 0.1 ms and double up to 2 ms, until the connection's ``busy_timeout`` (5 s in our settings)
runs out; then it fails with SQLite's own "database is locked" error, as before. Every other
statement keeps SQLite's busy handler. PostgreSQL is untouched: it queues lock waiters itself.

A connection also runs ``PRAGMA optimize`` as it closes (connections are kept for a minute,
then replaced), as SQLite advises: it gathers planner statistics (``ANALYZE``, bounded by
``analysis_limit``) for the tables this connection queried that lack them or grew a lot
since. Nothing else in Civility runs ``ANALYZE``; without statistics SQLite once chose an
index that sorted the whole 100,000-comment queue for every page.
"""

from __future__ import annotations

import time

from django.db import OperationalError
from django.db.backends.sqlite3 import base

Database = base.Database

#: the first and the longest sleep between two tries of BEGIN
FIRST_SLEEP, LONGEST_SLEEP = 0.0001, 0.002
#: rows ANALYZE samples per index when a closing connection runs PRAGMA optimize
ANALYSIS_LIMIT = 1000


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        conn = super().get_new_connection(conn_params)
        self._busy_ms = None  # read once init_command has run (on first use)
        return conn

    def _start_transaction_under_autocommit(self):
        begin = "BEGIN" if self.transaction_mode is None else f"BEGIN {self.transaction_mode}"
        raw = self.connection
        if self._busy_ms is None:
            self._busy_ms = int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
        raw.execute("PRAGMA busy_timeout = 0")
        try:
            deadline, sleep = time.monotonic() + self._busy_ms / 1000, FIRST_SLEEP
            while True:
                try:
                    self.cursor().execute(begin)
                    return
                except OperationalError as exc:
                    if "locked" not in str(exc) or time.monotonic() >= deadline:
                        raise
                time.sleep(sleep)
                sleep = min(sleep * 2, LONGEST_SLEEP)
        finally:
            raw.execute(f"PRAGMA busy_timeout = {self._busy_ms:d}")

    def _close(self):
        if self.connection is not None and not self.is_in_memory_db():
            try:
                self.connection.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT:d}")
                self.connection.execute("PRAGMA optimize")
            except Database.Error:  # busy or read-only: statistics can wait for the next one
                pass
        super()._close()
