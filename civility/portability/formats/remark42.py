"""Remark42: its backup file (``backup-SITE-DATE.gz``, gzipped or not), JSON Lines.

The first line is a header (``version``, ``users``, ``posts`` with each post's ``url`` and
``read_only``); every other line is a comment: ``id``, ``pid`` (parent), ``text`` (HTML),
``orig`` (what the reader typed), ``user`` (``name``), ``locator`` (``url``), ``time``
(RFC 3339, with nanoseconds), ``title`` (the post's) and ``delete``. Each post becomes an
article, matched by its address. Deleted comments → rejected; the others → approved (a
backup holds no queue). Remark42 keeps no email addresses and only hashes of addresses.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from civility.portability.dates import parse_when
from civility.portability.formats.text import html_to_text
from civility.portability.records import ArticleRecord, CommentRecord, MalformedFile, Record


def _open(path: Path):
    with path.open("rb") as f:
        gzipped = f.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else path.open("rb")


class Remark42Importer:
    name = "remark42"
    description = "Remark42 backup file"

    def estimate(self, path: Path) -> int | None:
        with _open(path) as f:
            return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))

    def records(self, path: Path) -> Iterator[Record]:
        read_only: dict[str, bool] = {}
        seen: set[str] = set()
        try:
            with _open(path) as f:
                for number, raw in enumerate(f, start=1):
                    if not raw.strip():
                        continue
                    where = f"line {number}"
                    try:
                        obj = json.loads(raw)
                    except json.JSONDecodeError as exc:
                        raise MalformedFile(f"not JSON ({exc.msg})", position=f"{where}, column {exc.colno}") from exc
                    except UnicodeDecodeError as exc:
                        raise MalformedFile("not UTF-8 text", position=where) from exc
                    if not isinstance(obj, dict):
                        raise MalformedFile("expected a JSON object", position=where)
                    if "version" in obj and "id" not in obj:  # the header
                        read_only = {p.get("url", ""): bool(p.get("read_only")) for p in obj.get("posts") or []}
                        continue
                    try:
                        url = str(obj["locator"]["url"])
                        if url not in seen:
                            seen.add(url)
                            yield ArticleRecord(ref=url, title=str(obj.get("title") or url), url=url,
                                                comments_open=not read_only.get(url, False))
                        yield _comment(obj, url, where)
                    except (KeyError, TypeError, ValueError) as exc:
                        detail = f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
                        raise MalformedFile(detail, position=where) from exc
        except (EOFError, gzip.BadGzipFile, OSError) as exc:
            raise MalformedFile(f"the compressed file is damaged ({exc})") from exc


def _comment(obj: dict, url: str, where: str) -> CommentRecord:
    user = obj.get("user") or {}
    body = obj.get("orig") or html_to_text(str(obj.get("text") or ""))
    return CommentRecord(
        ref=str(obj["id"]), article_ref=url, body=str(body).strip(),
        status="rejected" if obj.get("delete") else "approved", author_name=str(user.get("name") or ""),
        created_at=parse_when(obj["time"]), parent_ref=str(obj["pid"]) if obj.get("pid") else None,
        position=where)
