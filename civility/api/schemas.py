"""Shapes of the API's requests and responses (these are the public contract)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, ModelWrapValidatorHandler, ValidationInfo, model_validator

from civility.comments.services import MAX_BODY
from civility.pagination import MAX_ID

#: a row's id: database ids are positive signed 64-bit integers, so larger is 422, not a crash
DbId = Annotated[int, Field(ge=1, le=MAX_ID)]


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, str]


class ErrorOut(Schema):
    error: ErrorDetail


class ArticleOut(Schema):
    key: str
    title: str
    url: str
    comments_open: bool
    comment_count: int = Field(description="Approved comments on this article.")
    policy: str = Field(description="The moderation policy to show above the form.")
    order: Literal["newest", "oldest", "replies"]


class CommentOut(Schema):
    id: int
    parent_id: int | None
    author_name: str
    is_author: bool = Field(description="Written by a logged-in newsroom author (show a badge).")
    body_html: str = Field(description="Escaped, linkified and sanitised; safe to insert as HTML.")
    lang: str | None = Field(None, description="The comment's language (ISO 639-1) when triage was sure of it; "
                                               "for the lang attribute.")
    created_at: datetime


class ThreadOut(Schema):
    article: ArticleOut
    comments: list[CommentOut]
    next: str | None = Field(description="URL of the next page, or null.")


class CommentIn(Schema):
    model_config = ConfigDict(extra="ignore", str_max_length=20000)

    body: str
    author_name: str = ""
    author_email: str = ""
    parent_id: DbId | None = None
    website: str = Field("", description="Honeypot: a field the widget hides from people; bots fill it.")
    elapsed_ms: int | None = Field(None, ge=0, le=MAX_ID,
                                   description="Milliseconds the reader spent on the form (widget).")
    notify_replies: bool = Field(False, description="Email the commenter when a reply to this comment is "
                                                    "published (\"email me replies\").")
    ui_lang: str = Field("",
                         description="The language the reader's widget shows (`ru`, `ru-RU`): the site's emails "
                                     "to the commenter go out in it. A language the server has no translations "
                                     "for is ignored (a newer widget may know more languages than an older "
                                     "server), as is an empty one: then the request's `Accept-Language` decides, "
                                     "else the site's default language at the time each email is sent.")


class SubmittedOut(Schema):
    id: int
    status: Literal["pending", "approved", "unconfirmed"]
    message: str
    edit_token: str = Field(description="Keep it to edit or delete this comment (PATCH/DELETE on the comment) "
                                        "until edit_until.")
    edit_until: datetime


class SessionOut(Schema):
    authenticated: bool
    name: str | None
    is_author: bool
    can_moderate: bool
    csrf_token: str


class DictSchema(Schema):
    """A response schema that views fill with plain dicts (the queue's).

    django-ninja wraps every object it validates, at every level of nesting, in a
    ``DjangoGetter`` that reads model attributes, resolves managers and querysets and calls
    callables; then pydantic reads each field through it, in Python. For the queue's 50 items
    (~480 nested objects) that was ~3 ms a request, for dicts of plain values it changes
    nothing. A plain ``dict`` is validated as it is, by pydantic itself: the same checks,
    coercions and output. Anything else (a model instance) goes the ninja way.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values: Any, handler: ModelWrapValidatorHandler, info: ValidationInfo) -> Any:
        if type(values) is dict:
            return handler(values)
        return super()._run_root_validator(values, handler, info)


class QueueArticle(DictSchema):
    key: str
    title: str
    url: str


class QueueParent(DictSchema):
    id: int
    author_name: str
    body_html: str


class QueueAuthor(DictSchema):
    name: str
    email: str
    username: str | None
    is_author: bool
    ip_address: str | None


class TriageFlag(DictSchema):
    label: str
    score: float
    spans: list[list[int]] = Field(description="[start, end) offsets in the comment's original text.")
    reason: str


class TriageCampaign(DictSchema):
    id: int
    size: int = Field(description="Distinct people (accounts, else emails) who posted this text.")


class TriageOut(DictSchema):
    scores: dict[str, float] = Field(description="Every label, 0 where nothing fired.")
    flags: list[TriageFlag] = Field(description="Labels past the policy's flag threshold.")
    lang: str | None
    duplicate_of: int | None = Field(description="The same person's earlier comment this one repeats.")
    campaign: TriageCampaign | None
    risk: float
    complete: bool = Field(description="False when a signal failed: the report may miss evidence.")


class CommenterHistory(DictSchema):
    approved: int
    rejected: int
    pending: int


class QueueItem(DictSchema):
    id: int
    status: str
    body: str
    body_html: str
    created_at: datetime
    article: QueueArticle
    parent: QueueParent | None
    author: QueueAuthor
    triage: TriageOut | None = Field(description="Null when triage has not run (it then counts as incomplete).")
    history: CommenterHistory = Field(description="The commenter's earlier comments, by outcome.")


class TriageIn(Schema):
    # A draft can be no longer than a comment may be.
    text: str = Field(max_length=MAX_BODY)
    author_email: str = Field("", max_length=254, description="Optional: the draft's author, checked against bans.")


class TriageNudge(DictSchema):
    label: Literal["insult", "hate", "threat"]
    message: str = Field(description="What the widget shows the reader, in the server's language.")
    spans: list[list[int]] = Field(description="[start, end) offsets of the passage that stood out.")


class TriageReportOut(TriageOut):
    nudge: TriageNudge | None = Field(
        description="Whether the widget should ask the reader to reconsider the draft before posting, "
                    "decided by the policy's nudge levels (docs/triage.md); null: post it.")


class QueueOut(DictSchema):
    count: int
    comments: list[QueueItem]
    next: str | None


Reason = Literal["hate_speech", "obscenity", "personal_attack", "spam", "off_topic", "other", "threat"]


class DecisionIn(Schema):
    action: Literal["approve", "reject"]
    reason: Reason | None = None
    note: str = Field("", max_length=2000)
    take_over: bool = Field(False, description="Decide even where a colleague has claimed the comment.")


class BulkDecisionIn(DecisionIn):
    ids: list[DbId] = Field(min_length=1, max_length=500)


class UndoIn(Schema):
    note: str = Field("", max_length=2000)


class DecisionOut(Schema):
    id: int
    comment_id: int
    action: str
    reason: str
    note: str
    from_status: str
    to_status: str
    actor: str | None
    created_at: datetime
    undoes_id: int | None
    undone: bool


class DecidedOut(Schema):
    id: int
    status: str
    decision: DecisionOut | None = Field(description="Null when the comment was already in that state.")


class BulkDecidedOut(Schema):
    decided: list[DecidedOut]


class HistoryItem(DecisionOut):
    article_key: str
    comment_author: str
    comment_excerpt: str
    comment_deleted: bool = Field(description="The comment was deleted since; the decision stays.")


class HistoryOut(Schema):
    decisions: list[HistoryItem]
    next: str | None
