"""Backups of the whole database, taken while the servers run, and restoring one.

SQLite: SQLite's online backup API (``sqlite3.Connection.backup``) copies every page of the
last committed state in one step, under a read lock that WAL mode lets writers work beside;
the copy is a plain single-file database (journal mode DELETE). PostgreSQL: ``pg_dump``'s
custom format, taken in one repeatable-read snapshot, so it is consistent too.

A backup is written next to its final name and renamed into place when complete, so a
backup file that exists is a whole one. Restoring replaces the database in one transaction
(SQLite's backup API into the live database; ``pg_restore``'s script run by ``psql
--single-transaction``): a restore that fails leaves the database as it was. A restore
refuses a database that has tables unless ``force`` is given, and empties the cache after
(cached thread pages are keyed on article versions the restored rows may repeat).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from civility.errors import CivilityError, Conflict, InvalidInput

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(CivilityError):
    """The backup or restore could not be done (a tool missing or failing, a file unreadable)."""

    status = 500
    code = "backup_failed"


@dataclass(frozen=True)
class RestoreResult:
    tables: int
    #: migrations the code has that the restored database has not applied (run `civility migrate`)
    unapplied: int


def _vendor(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(_("backups support SQLite and PostgreSQL, not %(vendor)s") % {"vendor": vendor})
    return vendor


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def backup_create(*, path: Path, overwrite: bool = False, alias: str = DEFAULT_DB_ALIAS) -> int:
    """Write a consistent copy of the database to ``path``; returns its size in bytes."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise Conflict(_("%(path)s already exists; choose another name (or pass --overwrite)") % {"path": path},
                       code="backup_exists")
    if not path.parent.is_dir():
        raise InvalidInput(_("the folder %(folder)s does not exist") % {"folder": path.parent},
                           code="backup_folder_missing")
    partial = _partial(path)
    partial.unlink(missing_ok=True)
    partial.touch(mode=0o600)  # readers' e-mail and IP addresses: for the owner's eyes only
    try:
        (_sqlite_backup if _vendor(alias) == "sqlite" else _pg_backup)(partial, alias)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path.stat().st_size


#: how long a backup or restore waits for a database that another connection keeps locked
LOCK_PATIENCE_S = 60.0


def _patience(what: str):
    """A progress callback for ``Connection.backup``: it retries a locked database for ever,
    and raising here is the one way to stop it."""
    import time

    give_up = time.monotonic() + LOCK_PATIENCE_S

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > give_up:
            raise BackupError(_("%(what)s stayed locked by another connection for %(seconds)d s; try again")
                              % {"what": what, "seconds": LOCK_PATIENCE_S}, code="database_locked")

    return progress


def _sqlite_backup(target: Path, alias: str) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    dest = sqlite3.connect(target)
    try:
        # pages=-1: everything in one step, so the copy is one committed state of the database
        connection.connection.backup(dest, pages=-1, progress=_patience(_("the database")))
        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dest.close()


def _pg_environment(alias: str) -> tuple[dict[str, str], str]:
    """libpq's variables for the connection settings (the password never goes on a command line)."""
    conf = connections[alias].settings_dict
    env = dict(os.environ)
    for var, value in (("PGHOST", conf.get("HOST")), ("PGPORT", conf.get("PORT")), ("PGUSER", conf.get("USER")),
                       ("PGPASSWORD", conf.get("PASSWORD")),
                       ("PGSSLMODE", (conf.get("OPTIONS") or {}).get("sslmode"))):
        if value:
            env[var] = str(value)
    return env, conf["NAME"]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(_("%(tool)s is not installed; install PostgreSQL's client tools (Debian: "
                            "postgresql-client) in the version of the server or newer") % {"tool": name},
                          code="tool_missing")
    return found


def _run(argv: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, env=env, capture_output=True, check=False, **kwargs)  # noqa: S603 (our argv)
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise BackupError(_("%(tool)s failed: %(detail)s") % {"tool": Path(argv[0]).name,
                                                               "detail": " / ".join(tail) or done.returncode})
    return done


def _pg_backup(target: Path, alias: str) -> None:
    env, name = _pg_environment(alias)
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", f"--dbname={name}"],
         env)


def _kind(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        raise InvalidInput(_("no file %(path)s") % {"path": path}, code="backup_not_found") from None
    except OSError as exc:
        raise InvalidInput(_("cannot read %(path)s: %(reason)s") % {"path": path, "reason": exc.strerror},
                           code="backup_unreadable") from None
    if head == SQLITE_MAGIC:
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise InvalidInput(_("%(path)s is not a Civility backup (neither a SQLite database nor a pg_dump "
                         "custom-format file)") % {"path": path}, code="backup_unknown_format")


def database_tables(*, alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def backup_restore(*, path: Path, force: bool = False, alias: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Replace the (empty, unless ``force``) database with the backup at ``path``."""
    path = Path(path)
    kind, vendor = _kind(path), _vendor(alias)
    if kind != vendor:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise InvalidInput(_("%(path)s is a %(kind)s backup, but DATABASE_URL points at %(vendor)s: restore it "
                             "into a database of its kind (export and import move data between kinds)")
                           % {"path": path, "kind": names[kind], "vendor": names[vendor]},
                           code="backup_wrong_database")
    existing = database_tables(alias=alias)
    if existing and not force:
        raise Conflict(_("the database is not empty (%(count)d tables, e.g. %(example)s): restore into a new, "
                         "empty database, or pass --force to replace everything in this one")
                       % {"count": len(existing), "example": sorted(existing)[0]}, code="database_not_empty")
    if kind == "sqlite":
        _sqlite_restore(path, alias)
    else:
        _pg_restore(path, alias, drop=existing)
    connections[alias].close()  # what it cached about the schema is from before
    try:
        cache.clear()
    except Exception:  # Redis down: its pages expire on their own, but say so
        log.warning("restore: could not empty the cache; cached thread pages may show the data from before "
                    "the restore until they expire", exc_info=True)
    executor = MigrationExecutor(connections[alias])
    unapplied = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    return RestoreResult(tables=len(database_tables(alias=alias)), unapplied=unapplied)


def _sqlite_restore(path: Path, alias: str) -> None:
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = source.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise InvalidInput(_("%(path)s is damaged: %(detail)s") % {"path": path, "detail": ok},
                                   code="backup_damaged")
            if not source.execute("SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'").fetchone():
                raise InvalidInput(_("%(path)s is a SQLite database but not a Civility backup") % {"path": path},
                                   code="backup_unknown_format")
            connection = connections[alias]
            connection.ensure_connection()
            # one write transaction on the live database: all pages are replaced, or none
            source.backup(connection.connection, pages=-1, progress=_patience(_("the database")))
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(_("%(path)s cannot be restored: %(reason)s") % {"path": path, "reason": exc},
                           code="backup_damaged") from None


def _pg_restore(path: Path, alias: str, *, drop: list[str]) -> None:
    """``pg_restore``'s SQL script streamed into ``psql``, between our own BEGIN and a COMMIT
    sent only once pg_restore has finished well: a failure on either side rolls it all back."""
    import tempfile

    env, name = _pg_environment(alias)
    connection = connections[alias]
    # a damaged file, or a dump of some other database, is refused before anything is touched
    listing = _run([_tool("pg_restore"), "--list", str(path)], env).stdout.decode("utf-8", "replace")
    if not re.search(r"^\d+; \d+ \d+ TABLE \S+ django_migrations ", listing, re.MULTILINE):
        raise InvalidInput(_("%(path)s is a pg_dump file but not a Civility backup (it has no "
                             "django_migrations table)") % {"path": path}, code="backup_unknown_format")
    preamble = "BEGIN;\n" + "".join(f"DROP TABLE IF EXISTS {connection.ops.quote_name(t)} CASCADE;\n"
                                     for t in drop)
    connection.close()  # nothing of ours may hold a lock on the tables psql drops
    restore_code = None
    with tempfile.TemporaryFile() as psql_err, tempfile.TemporaryFile() as restore_err:
        psql = subprocess.Popen(  # noqa: S603 (our argv)
            [_tool("psql"), "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", f"--dbname={name}"],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_err)
        stdin = psql.stdin
        assert stdin is not None
        try:
            stdin.write(preamble.encode())
            stdin.flush()
            restore_code = subprocess.run(  # noqa: S603 (our argv)
                [_tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(path)],
                env=env, stdout=stdin, stderr=restore_err, check=False).returncode
            if restore_code == 0:
                stdin.write(b"COMMIT;\n")
        except BrokenPipeError:  # psql stopped at an error (ON_ERROR_STOP); its message says which
            pass
        finally:
            with contextlib.suppress(BrokenPipeError):
                stdin.close()
            psql.wait()
        # psql first: when it stops at an error, pg_restore fails too, writing to a closed pipe
        for tool, code, err in (("psql", psql.returncode, psql_err), ("pg_restore", restore_code, restore_err)):
            if code != 0:
                err.seek(0)
                tail = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
                raise BackupError(_("%(tool)s failed, nothing was changed: %(detail)s")
                                  % {"tool": tool, "detail": " / ".join(tail) or code})
