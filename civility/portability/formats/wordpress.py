"""WordPress: the WXR file (Tools → Export), RSS with ``wp:`` elements.

Each ``<item>`` (a post or page) becomes an article, matched by its link, with its
``<wp:comment>`` children as comments (``wp:comment_id``, ``wp:comment_parent``, author,
email, IP, ``wp:comment_date_gmt``, content as HTML). Statuses: ``1`` → approved, ``0`` →
pending, ``spam`` and ``trash`` → rejected. Pingbacks and trackbacks are left out (counted).
Items without comments are left out too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from civility.portability.dates import parse_when
from civility.portability.formats import count_bytes
from civility.portability.formats.text import html_to_text, valid_ip
from civility.portability.formats.xmlstream import child_text, elements, local
from civility.portability.records import ArticleRecord, CommentRecord, MalformedFile, Record, Skipped

STATUSES = {"1": "approved", "approve": "approved", "0": "pending", "hold": "pending", "spam": "rejected",
            "trash": "rejected", "post-trashed": "rejected"}


class WordPressImporter:
    name = "wordpress"
    description = "WordPress WXR export"

    def estimate(self, path: Path) -> int | None:
        return count_bytes(path, b"<wp:comment>")

    def records(self, path: Path) -> Iterator[Record]:
        for item, n in elements(path, {"item"}, depth=2):
            comments = [c for c in item if local(c.tag) == "comment"]
            if not comments:
                continue
            link = child_text(item, "link")
            ref = child_text(item, "guid") or link or child_text(item, "post_id")
            where = f"item {n} ({link or ref})"
            if not ref:
                raise MalformedFile("an item without link, guid or wp:post_id", position=where)
            try:
                yield ArticleRecord(ref=ref, key=child_text(item, "post_name"), title=child_text(item, "title"),
                                    url=link, created_at=_when(item, "post_date"),
                                    comments_open=child_text(item, "comment_status", "open") == "open")
                for c in comments:
                    yield _comment(c, ref, where)
            except ValueError as exc:
                raise MalformedFile(str(exc), position=where) from exc


def _when(elem, name: str):
    """The GMT date when it is set, else the local one (WordPress writes zeros for unset dates)."""
    for field in (f"{name}_gmt", name):
        value = child_text(elem, field)
        if value and not value.startswith("0000-00-00"):
            return parse_when(value)
    return None


def _comment(c, article_ref: str, where: str) -> Record:
    comment_id = child_text(c, "comment_id")
    if not comment_id:
        raise ValueError("a wp:comment without wp:comment_id")
    kind = child_text(c, "comment_type")
    if kind in ("pingback", "trackback"):
        return Skipped(f"{kind}s (not comments)")
    approved = child_text(c, "comment_approved", "1")
    if approved not in STATUSES:
        raise ValueError(f"comment {comment_id}: unknown wp:comment_approved {approved!r}")
    parent = child_text(c, "comment_parent")
    return CommentRecord(
        ref=comment_id, article_ref=article_ref, body=html_to_text(child_text(c, "comment_content")),
        status=STATUSES[approved], author_name=child_text(c, "comment_author"),
        author_email=child_text(c, "comment_author_email"), created_at=_when(c, "comment_date"),
        parent_ref=parent if parent not in ("", "0") else None, ip_address=valid_ip(child_text(c, "comment_author_IP")),
        position=f"{where}, comment {comment_id}")
