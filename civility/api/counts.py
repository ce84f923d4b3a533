"""Comment counts of many articles in one request, for a front page listing them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from civility.api.auth import refuse_bad_token
from civility.api.schemas import ErrorOut
from civility.comments.selectors import approved_counts

router = Router(tags=["threads"])

#: counts may lag this many seconds in browsers and CDNs; a thread page itself is never stale
MAX_AGE = 30


class CountsQuery(Schema):
    article: list[str] = Field(default_factory=list, description="An article key; repeat for more.")
    articles: str = Field("", description="Article keys, comma-separated (instead of or with ``article``).")


class CountsOut(Schema):
    counts: dict[str, int] = Field(description="Approved comments per known article key; unknown keys are left out.")


@router.get("/counts", response={200: CountsOut, 400: ErrorOut, 401: ErrorOut, 422: ErrorOut}, url_name="counts",
            summary="Approved-comment counts of many articles")
def counts(request: HttpRequest, response: HttpResponse, q: Query[CountsQuery]):
    """``?article=a&article=b`` or ``?articles=a,b`` (at most 100 keys, else 400) →
    ``{"counts": {"a": 3, "b": 0}}``. Keys of articles that do not exist are left out."""
    refuse_bad_token(request)
    response["Cache-Control"] = f"max-age={MAX_AGE}"
    keys = [*q.article, *q.articles.split(",")]
    return {"counts": approved_counts(keys=[k.strip() for k in keys if k.strip()])}
