"""Civility's own export (``civility export``): JSON Lines, read back line by line.

Comments keep their statuses and decisions their audit rows; the ids in the file become
the refs that link replies to parents and decisions to comments.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from civility.portability.dates import parse_when
from civility.portability.records import ArticleRecord, CommentRecord, DecisionRecord, MalformedFile, Record

STATUSES = {"pending", "approved", "rejected"}


class CivilityImporter:
    name = "civility"
    description = "Civility's own export (civility export), JSON Lines"

    def estimate(self, path: Path) -> int | None:
        with path.open("rb") as f:
            return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))

    def records(self, path: Path) -> Iterator[Record]:
        with path.open("rb") as f:
            for number, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                where = f"line {number}"
                try:
                    obj = json.loads(raw)
                except UnicodeDecodeError as exc:
                    raise MalformedFile("not UTF-8 text", position=f"{where}, byte {exc.start + 1}") from exc
                except json.JSONDecodeError as exc:
                    raise MalformedFile(f"not JSON ({exc.msg})", position=f"{where}, column {exc.colno}") from exc
                if not isinstance(obj, dict):
                    raise MalformedFile("expected a JSON object", position=where)
                try:
                    yield _record(obj, where)
                except (KeyError, TypeError, ValueError) as exc:
                    detail = f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
                    raise MalformedFile(f"{obj.get('type', 'an object')} line: {detail}", position=where) from exc


def _str(value) -> str:
    return "" if value is None else str(value)


def _ref(value) -> str | None:
    return None if value is None else str(value)


def _record(obj: dict, where: str) -> Record:
    kind = obj.get("type")
    if kind == "article":
        return ArticleRecord(ref=str(obj["key"]), key=str(obj["key"]), title=_str(obj["title"]),
                             url=_str(obj.get("url")), body=_str(obj.get("body")),
                             created_at=parse_when(obj.get("created_at")),
                             comments_open=bool(obj.get("comments_open", True)), site=_str(obj.get("site")),
                             site_name=_str(obj.get("site_name")))
    if kind == "comment":
        if obj["status"] not in STATUSES:
            raise ValueError(f"status {obj['status']!r} is not one of {', '.join(sorted(STATUSES))}")
        return CommentRecord(ref=str(obj["id"]), article_ref=str(obj["article"]), body=_str(obj["body"]),
                             status=obj["status"], author_name=_str(obj.get("author_name")),
                             author_email=_str(obj.get("author_email")),
                             created_at=parse_when(obj.get("created_at")), parent_ref=_ref(obj.get("parent_id")),
                             ip_address=obj.get("ip_address"), user_agent=_str(obj.get("user_agent")),
                             ui_lang=_str(obj.get("ui_lang")), username=obj.get("user"), position=where)
    if kind == "decision":
        return DecisionRecord(ref=str(obj["id"]), comment_ref=str(obj["comment_id"]), action=str(obj["action"]),
                              from_status=_str(obj.get("from_status")), to_status=_str(obj.get("to_status")),
                              reason=_str(obj.get("reason")), note=_str(obj.get("note")), actor=obj.get("actor"),
                              created_at=parse_when(obj.get("created_at")), undoes_ref=_ref(obj.get("undoes_id")),
                              batch=obj.get("batch"), snapshot=obj.get("snapshot") or {})
    raise ValueError(f"unknown type {kind!r} (article, comment or decision)")
