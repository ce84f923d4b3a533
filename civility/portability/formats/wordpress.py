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
from civility.portability.formats.xmlstream import elements, index, local, text
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
            f = index(item)
            link = text(f, "link")
            ref = text(f, "guid") or link or text(f, "post_id")
            where = f"item {n} ({link or ref})"
            if not ref:
                raise MalformedFile("an item without link, guid or wp:post_id", position=where)
            try:
                yield ArticleRecord(ref=ref, key=text(f, "post_name"), title=text(f, "title"), url=link,
                                    created_at=_when(f, "post_date"),
                                    comments_open=text(f, "comment_status", "open") == "open")
                for c in comments:
                    yield _comment(c, ref, where)
            except ValueError as exc:
                raise MalformedFile(str(exc), position=where) from exc


def _when(f, name: str):
    """The GMT date when it is set, else the local one (WordPress writes zeros for unset dates)."""
    for field in (f"{name}_gmt", name):
        value = text(f, field)
        if value and not value.startswith("0000-00-00"):
            return parse_when(value)
    return None


def _comment(c, article_ref: str, where: str) -> Record:
    f = index(c)
    comment_id = text(f, "comment_id")
    if not comment_id:
        raise ValueError("a wp:comment without wp:comment_id")
    kind = text(f, "comment_type")
    if kind in ("pingback", "trackback"):
        return Skipped(f"{kind}s (not comments)")
    approved = text(f, "comment_approved", "1")
    if approved not in STATUSES:
        raise ValueError(f"comment {comment_id}: unknown wp:comment_approved {approved!r}")
    parent = text(f, "comment_parent")
    return CommentRecord(
        ref=comment_id, article_ref=article_ref, body=html_to_text(text(f, "comment_content")),
        status=STATUSES[approved], author_name=text(f, "comment_author"),
        author_email=text(f, "comment_author_email"), created_at=_when(f, "comment_date"),
        parent_ref=parent if parent not in ("", "0") else None, ip_address=valid_ip(text(f, "comment_author_IP")),
        position=f"{where}, comment {comment_id}")
