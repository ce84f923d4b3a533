"""The records every importer yields, whatever its format: one stream that one service stores.

An importer (``civility.portability.formats``) turns a file into :class:`ArticleRecord`,
:class:`CommentRecord` and, for Civility's own export, :class:`DecisionRecord` objects.
A thread's article comes before its comments; a reply may come before the comment it answers
(the store links it once that arrives). ``ref`` is the record's id in the source and is what
makes a second run of the same import add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class MalformedFile(Exception):
    """The file cannot be read as its format; ``position`` says where (line and column, or record)."""

    def __init__(self, message: str, *, position: str = ""):
        super().__init__(f"{position}: {message}" if position else message)
        self.message = message
        self.position = position


@dataclass(slots=True)
class ArticleRecord:
    ref: str
    title: str
    #: the key the importer would like (an identifier, a slug); the store makes it valid and unique
    key: str = ""
    url: str = ""
    created_at: datetime | None = None
    comments_open: bool = True
    body: str = ""
    #: Civility's own export names the site (slug and name); other formats go to ``--site``
    site: str = ""
    site_name: str = ""


@dataclass(slots=True)
class CommentRecord:
    ref: str
    article_ref: str
    body: str
    #: one of ``pending``, ``approved``, ``rejected`` (each format's mapping is in docs/portability.md)
    status: str
    author_name: str = ""
    author_email: str = ""
    created_at: datetime | None = None
    parent_ref: str | None = None
    ip_address: str | None = None
    user_agent: str = ""
    #: the language the commenter read the site in (Civility's own export); "" when unknown
    ui_lang: str = ""
    #: a logged-in author's user name (Civility's own export)
    username: str | None = None
    #: where in the file, for messages
    position: str = ""


@dataclass(slots=True)
class DecisionRecord:
    ref: str
    comment_ref: str
    action: str
    from_status: str
    to_status: str
    reason: str = ""
    note: str = ""
    actor: str | None = None
    created_at: datetime | None = None
    undoes_ref: str | None = None
    batch: str | None = None
    snapshot: dict = field(default_factory=dict)


@dataclass(slots=True)
class Skipped:
    """Something in the file that is deliberately not imported (a pingback…), counted in the summary."""

    reason: str


Record = ArticleRecord | CommentRecord | DecisionRecord | Skipped
