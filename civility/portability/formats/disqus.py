"""Disqus: the XML export (Admin → Community → Export).

``<thread dsq:id>`` elements (identifier, link, title, createdAt, isClosed) come first, then
``<post dsq:id>`` elements (message as HTML, createdAt, author name and email, ipAddress,
``<thread dsq:id>``, ``<parent dsq:id>``, isDeleted, isSpam, isApproved). Statuses: spam
or deleted → rejected; isApproved false → pending; otherwise approved.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from civility.portability.dates import parse_when
from civility.portability.formats import count_bytes
from civility.portability.formats.text import html_to_text, truthy, valid_ip
from civility.portability.formats.xmlstream import child, child_text, elements
from civility.portability.records import ArticleRecord, CommentRecord, MalformedFile, Record

DSQ_ID = "{http://disqus.com/disqus-internals}id"


class DisqusImporter:
    name = "disqus"
    description = "Disqus XML export"

    def estimate(self, path: Path) -> int | None:
        # every thread, and every post's own <thread dsq:id=…/>: threads + posts, the records yielded
        return count_bytes(path, b"<thread ")

    def records(self, path: Path) -> Iterator[Record]:
        for elem, n in elements(path, {"thread", "post"}, depth=1):
            kind = elem.tag.rpartition("}")[2]
            where = f"{kind} {n} (dsq:id {elem.get(DSQ_ID, '?')})"
            ref = elem.get(DSQ_ID)
            if not ref:
                raise MalformedFile(f"a <{kind}> without dsq:id", position=where)
            try:
                yield _thread(elem, ref) if kind == "thread" else _post(elem, ref, where)
            except ValueError as exc:
                raise MalformedFile(str(exc), position=where) from exc


def _thread(elem, ref: str) -> ArticleRecord:
    return ArticleRecord(ref=ref, key=child_text(elem, "id"), title=child_text(elem, "title"),
                         url=child_text(elem, "link"), created_at=parse_when(child_text(elem, "createdAt")),
                         comments_open=not truthy(child_text(elem, "isClosed")))


def _post(elem, ref: str, where: str) -> CommentRecord:
    thread = child(elem, "thread")
    if thread is None or not thread.get(DSQ_ID):
        raise ValueError("a post without <thread dsq:id>")
    parent = child(elem, "parent")
    author = child(elem, "author")
    if truthy(child_text(elem, "isSpam")) or truthy(child_text(elem, "isDeleted")):
        status = "rejected"
    elif child_text(elem, "isApproved", "true").lower() == "false":
        status = "pending"
    else:
        status = "approved"
    return CommentRecord(
        ref=ref, article_ref=thread.get(DSQ_ID), body=html_to_text(child_text(elem, "message")), status=status,
        author_name=child_text(author, "name") if author is not None else "",
        author_email=child_text(author, "email") if author is not None else "",
        created_at=parse_when(child_text(elem, "createdAt")),
        parent_ref=parent.get(DSQ_ID) if parent is not None else None,
        ip_address=valid_ip(child_text(elem, "ipAddress")), position=where)
