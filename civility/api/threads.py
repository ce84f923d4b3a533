"""Public endpoints used by the embed widget and integrators."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja import Status as Respond

from civility.api.auth import caller, refuse_bad_token
from civility.api.caching import cached_page
from civility.api.fastpath import mark_public
from civility.api.schemas import (
    ArticleOut,
    CommentIn,
    ErrorOut,
    SessionOut,
    SubmittedOut,
    ThreadOut,
    TriageIn,
    TriageReportOut,
)
from civility.comments.models import Comment, Status
from civility.comments.names import name_clean
from civility.comments.rendering import body_to_html
from civility.comments.selectors import article_public_version, thread_for_article
from civility.comments.services import Origin, comment_submit
from civility.i18n import languages
from civility.notifications.confirmations import confirmation_needed, confirmation_request
from civility.notifications.services import reply_subscribe
from civility.people.sanctions import ban_check
from civility.ratelimit import client_ip, submission_check, triage_check
from civility.readers.services import token_for
from civility.triage.services import draft_check

router = Router(tags=["threads"])


class ThreadQuery(Schema):
    order: Literal["newest", "oldest", "replies"] | None = Field(
        None, description="Default: the article's own order. replies: the most replied-to first.")
    cursor: str | None = Field(None, description="From the previous page's ``next``.")
    limit: int | None = Field(None, description="Top-level comments per page, 1–100 (others are clamped).")


def comment_out(comment: Comment) -> dict:
    return {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "author_name": name_clean(comment.author_name),  # names stored before they were cleaned
        "is_author": comment.is_author,
        "body_html": body_to_html(comment.body),
        # only when triage was sure of it ("und" and "" are not languages)
        "lang": comment.lang if comment.lang and comment.lang != "und" else None,
        "created_at": comment.created_at,
    }


@router.get(
    "/articles/{key}/comments",
    response={200: ThreadOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    url_name="thread",
    summary="Approved comments of an article",
)
def thread(request: HttpRequest, key: str, q: Query[ThreadQuery]):
    """Top-level comments page by page (``next``), each followed by its approved replies.

    The same for every caller, so it is served from the cache with an ``ETag``; send
    ``If-None-Match`` to get ``304 Not Modified`` while nothing readers see has changed.
    """
    refuse_bad_token(request)
    article_id, version = article_public_version(key=key)
    response = cached_page(request, scope=("thread", article_id, version, q.order, q.cursor, q.limit),
                           build=lambda: _thread_response(request, key, q))
    mark_public(request, response, article_key=key, version=version)
    response.language_neutral = True  # readers' comments only: the same in every language
    return response


def _thread_response(request: HttpRequest, key: str, q: ThreadQuery) -> HttpResponse:
    page = thread_for_article(key=key, order=q.order, cursor=q.cursor, limit=q.limit)
    article = page.article
    next_url = None
    if page.next_cursor:
        params = {"order": page.order, "cursor": page.next_cursor}
        if q.limit:
            params["limit"] = q.limit
        path = reverse("api-1:thread", kwargs={"key": key})
        next_url = request.build_absolute_uri(f"{path}?{urlencode(params)}")
    data = ThreadOut(
        article=ArticleOut(
            key=article.key, title=article.title, url=article.url, comments_open=article.comments_open,
            comment_count=page.approved_count, policy=article.site.policy_text, order=page.order,
        ),
        comments=[comment_out(c) for c in page.comments],
        next=next_url,
    )
    from civility.api.v1 import api  # rendered as ninja renders every response

    return api.create_response(request, data.model_dump(), status=200)


@router.post(
    "/articles/{key}/comments",
    response={202: SubmittedOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut,
              429: ErrorOut},
    summary="Submit a comment (it waits for a moderator)",
)
def submit(request: HttpRequest, key: str, payload: CommentIn):
    """Store a comment as ``pending``. It is shown to nobody until a moderator approves it.

    Logged-in users comment under their account (send the session's CSRF token);
    ``author_name`` and ``author_email`` are then ignored.
    """
    user = caller(request)
    email = user.email if user.is_authenticated else payload.author_email
    submission_check(request, email=email)
    # The widget's bot evidence, passed to triage only when it was sent.
    client = {"honeypot": payload.website} if payload.website else {}
    if payload.elapsed_ms is not None:
        client["elapsed_ms"] = payload.elapsed_ms
    hold = confirmation_needed(user=user, article_key=key, email=payload.author_email)
    comment = comment_submit(
        user=user, article_key=key, body=payload.body, author_name=payload.author_name,
        author_email=payload.author_email, parent_id=payload.parent_id,
        origin=Origin(ip_address=client_ip(request), user_agent=request.headers.get("User-Agent", "")),
        client=client, hold_until_confirmed=hold, ui_lang=_ui_lang(request, payload.ui_lang),
    )
    if payload.notify_replies:
        reply_subscribe(user=user, comment=comment)
    if comment.status == Status.UNCONFIRMED:
        confirmation_request(comment=comment)
        message = _("Thank you. Please confirm your email address: we have sent a link to it. Your "
                    "comment goes to the moderators once you open the link.")
    elif comment.status == Status.APPROVED:
        message = _("Your comment is published.")
    else:
        message = _("Thank you. Your comment is held for review: a moderator reads every comment before it appears.")
    return Respond(202, {"id": comment.pk, "status": comment.status, "message": message,
                         "edit_token": token_for(comment),
                         "edit_until": comment.created_at + timedelta(seconds=settings.CIVILITY_READER_EDIT_WINDOW)})


def _ui_lang(request: HttpRequest, sent: str) -> str:
    """The reader's language: the widget's own, else the one their ``Accept-Language`` asked for
    (the middleware's choice, but never its fallback to the site's default), else ""."""
    return (languages.supported(sent)
            or languages.from_accept_language(request.headers.get("Accept-Language", "")) or "")


@router.get("/session", response={200: SessionOut, 401: ErrorOut}, summary="Who the widget is talking for")
def session(request: HttpRequest):
    """Whether the browser is logged in, and the CSRF token its writes must send."""
    refuse_bad_token(request)
    user = request.user
    authed = user.is_authenticated
    return {
        "authenticated": authed,
        "name": user.public_name if authed else None,
        "is_author": bool(authed and user.is_newsroom_author),
        "can_moderate": bool(authed and user.can_moderate),
        "csrf_token": get_token(request),
    }


@router.post("/triage", response={200: TriageReportOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut},
             summary="Triage a text without storing it")
def triage(request: HttpRequest, payload: TriageIn):
    """The report a comment with this text would get (scores, flags, spans, language),
    and ``nudge``: whether the widget should ask the reader to reconsider before posting.

    The policy nudges only about a personal attack, hate or a threat, at levels stricter
    than its flags, never on a greeting or a draft of a word or two. Nothing is stored;
    rate-limited per address. A banned caller (by address, account, or ``author_email``
    when sent) gets 403 ``banned``.
    """
    user = caller(request)
    triage_check(request)
    ban_check(user=user, email=payload.author_email.strip() or None, ip=client_ip(request))
    return draft_check(payload.text)
