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
from civility.portability.formats.xmlstream import elements, index, text
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
    f = index(elem)
    return ArticleRecord(ref=ref, key=text(f, "id"), title=text(f, "title"), url=text(f, "link"),
                         created_at=parse_when(text(f, "createdAt")), comments_open=not truthy(text(f, "isClosed")))


def _post(elem, ref: str, where: str) -> CommentRecord:
    f = index(elem)
    thread, parent = f.get("thread"), f.get("parent")
    if thread is None or not thread.get(DSQ_ID):
        raise ValueError("a post without <thread dsq:id>")
    author = index(f["author"]) if "author" in f else {}
    if truthy(text(f, "isSpam")) or truthy(text(f, "isDeleted")):
        status = "rejected"
    elif text(f, "isApproved", "true").lower() == "false":
        status = "pending"
    else:
        status = "approved"
    return CommentRecord(
        ref=ref, article_ref=thread.get(DSQ_ID), body=html_to_text(text(f, "message", strip=False)), status=status,
        author_name=text(author, "name"), author_email=text(author, "email"),
        created_at=parse_when(text(f, "createdAt")),
        parent_ref=parent.get(DSQ_ID) if parent is not None else None,
        ip_address=valid_ip(text(f, "ipAddress")), position=where)
