"""Isso: its SQLite database (``comments.db``), opened read-only.

Threads (``threads``: uri, title) become articles, matched by address; comments
(``comments``: tid, parent, created as a Unix time, mode, remote_addr, text as Markdown,
author, email) keep their Markdown source as plain text. Modes: 1 (accepted) → approved,
2 (waiting for moderation) → pending, 4 (deleted, kept because it has replies) → rejected.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from civility.portability.dates import parse_when
from civility.portability.formats.text import valid_ip
from civility.portability.records import ArticleRecord, CommentRecord, MalformedFile, Record

MODES = {1: "approved", 2: "pending", 4: "rejected"}


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        db.execute("SELECT tid, id, parent, created, mode, remote_addr, text, author, email FROM comments LIMIT 1")
        db.execute("SELECT id, uri, title FROM threads LIMIT 1")
    except sqlite3.DatabaseError as exc:
        db.close()
        raise MalformedFile(f"not an Isso database ({exc})", position="the database's tables") from exc
    return db


class IssoImporter:
    name = "isso"
    description = "Isso's SQLite database"

    def estimate(self, path: Path) -> int | None:
        db = _connect(path)
        try:
            return db.execute("SELECT (SELECT count(*) FROM threads) + (SELECT count(*) FROM comments)").fetchone()[0]
        finally:
            db.close()

    def records(self, path: Path) -> Iterator[Record]:
        db = _connect(path)
        try:
            for tid, uri, title in db.execute("SELECT id, uri, title FROM threads ORDER BY id"):
                uri = str(uri or "")
                yield ArticleRecord(ref=f"thread:{tid}", key="", title=str(title or uri), url=uri)
            rows = db.execute("SELECT tid, id, parent, created, mode, remote_addr, text, author, email "
                              "FROM comments ORDER BY id")
            for tid, cid, parent, created, mode, addr, text, author, email in rows:
                where = f"comments row id {cid}"
                if mode not in MODES:
                    raise MalformedFile(f"unknown mode {mode!r} (1, 2 or 4)", position=where)
                try:
                    when = parse_when(created)
                except (TypeError, ValueError, OverflowError, OSError) as exc:
                    raise MalformedFile(f"created is not a Unix time: {created!r}", position=where) from exc
                yield CommentRecord(
                    ref=str(cid), article_ref=f"thread:{tid}", body=str(text or "").strip(), status=MODES[mode],
                    author_name=str(author or ""), author_email=str(email or ""), created_at=when,
                    parent_ref=str(parent) if parent is not None else None, ip_address=valid_ip(addr),
                    position=where)
        except sqlite3.DatabaseError as exc:
            raise MalformedFile(f"the database cannot be read ({exc})") from exc
        finally:
            db.close()
