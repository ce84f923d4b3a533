"""Server-rendered pages: the article preview, the moderation queue and history."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import get_usage

from civility.accounts.permissions import can_moderate
from civility.comments.rendering import body_to_html
from civility.errors import CivilityError
from civility.i18n.languages import supported as supported_language
from civility.moderation import claims, queue_views, selectors, services
from civility.moderation.explain import LABEL_NAMES
from civility.moderation.models import Reason
from civility.publishing.demo import DEMO_ARTICLE_KEY
from civility.publishing.models import Article
from civility.ratelimit import client_ip
from civility.readers.reports import reported_list, reported_total, reports_decide
from civility.readers.selectors import edits_waiting, word_diff
from civility.readers.services import revision_decide
from civility.web.forms import ActionForm, DecisionForm
from civility.web.queue import comment_languages, queue_rows, reason_options, report_of

log = logging.getLogger(__name__)


def _moderator(request: HttpRequest) -> None:
    if not can_moderate(request.user):
        raise DjangoPermissionDenied(_("Only moderators can open the moderation queue."))


@login_required
@require_GET
def after_login(request: HttpRequest) -> HttpResponse:
    """Moderators go to their queue; authors and others see who they are logged in as."""
    if can_moderate(request.user):
        return redirect("moderation-queue")
    articles = request.user.articles.order_by("-created_at")[:20]
    comments = request.user.comments.select_related("article").order_by("-created_at")[:20]
    return render(request, "civility/account.html", {"articles": articles, "comments": comments})


@require_GET
def article_page(request: HttpRequest, key: str) -> HttpResponse:
    """A plain article page with the embedded thread, as a newspaper would show it."""
    article = get_object_or_404(Article.objects.select_related("site"), key=key)
    paragraphs = [p.strip() for p in article.body.split("\n\n") if p.strip()]
    # ?lang=hy shows the page (and so its widget, which follows <html lang>) in that language
    language = supported_language(request.GET.get("lang")) or request.LANGUAGE_CODE
    with translation.override(language):
        response = render(request, "civility/article.html", {"article": article, "paragraphs": paragraphs})
    response["Content-Language"] = language
    return response


def demo_redirect(request: HttpRequest) -> HttpResponse:
    return redirect("article-page", key=DEMO_ARTICLE_KEY)


def _queue_filters(request: HttpRequest) -> tuple[dict[str, str], dict]:
    """The queue's filters as the page shows them, and as queue_list takes them."""
    filters = {k: request.GET.get(k, "").strip() for k in ("article", "section", "label", "lang", "mine")}
    scope = queue_views.queue_view_filters(user=request.user) if filters["mine"] else {}
    return filters, {
        "articles": [*queue_views.article_keys(filters["article"]), *scope.get("articles", [])],
        "section": filters["section"] or scope.get("section"), "label": filters["label"] or None,
        "lang": filters["lang"] or None,
    }


@login_required
@require_GET
def queue_page(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    try:
        filters, chosen = _queue_filters(request)
        page = selectors.queue_list(user=request.user, cursor=request.GET.get("cursor") or None, **chosen)
    except CivilityError as exc:
        messages.error(request, exc.message)
        return redirect("moderation-queue")
    originals = selectors.comments_by_id(
        {c.triage.duplicate_of_id for c in page.items if report_of(c) and c.triage.duplicate_of_id})
    held = {pk: c.moderator.public_name for pk, c in claims.claims_on(c.pk for c in page.items).items()
            if c.moderator_id != request.user.pk}
    query = {k: v for k, v in filters.items() if v}
    edits = [(r, word_diff(r.before, r.after)) for r in edits_waiting(user=request.user)]
    showing_reported = request.GET.get("show") == "reported"
    reported = [(r, body_to_html(r.comment.body)) for r in reported_list(user=request.user)] \
        if showing_reported else []
    response = render(request, "civility/queue.html", {
        "edits": edits, "showing_reported": showing_reported, "reported": reported,
        "reported_total": reported_total(),
        "items": queue_rows(page.items, history=page.history, originals=originals, claimed_by=held), "page": page,
        "reasons": Reason.choices, "reason_options": reason_options(Reason.choices), "filters": filters,
        "article_filter": filters["article"], "labels": LABEL_NAMES.items(), "comment_languages": comment_languages(),
        "filter_query": urlencode(query), "next_path": request.get_full_path(),
        "decide_url": reverse("moderation-decide"), "my_view": queue_views.queue_view_filters(user=request.user),
        "live_url": reverse("moderation-live") + (f"?{urlencode(query)}" if query else ""),
    })
    if request.headers.get("X-Civility-Live"):
        # queue-live.js fetching new items' markup: messages waiting for the moderator stay for
        # the page they will actually see (Django's storage keeps those not marked as used).
        messages.get_messages(request).used = False
    return response


@login_required
@require_GET
def queue_live(request: HttpRequest) -> JsonResponse:
    """What an open queue page polls: the count, the first page's ids in order, and who is on
    which of them (colleagues only). The page fetches itself again for new items' markup."""
    _moderator(request)
    try:
        _filters, chosen = _queue_filters(request)
        page = selectors.queue_list(user=request.user, ids_only=True, **chosen)
    except CivilityError as exc:
        return JsonResponse({"error": {"code": exc.code, "message": exc.message, "fields": exc.fields}},
                            status=exc.status)
    ids = [c.pk for c in page.items]
    held = claims.claims_on(ids)
    return JsonResponse({
        "count": page.total or 0, "ids": [str(i) for i in ids],
        "claims": {str(pk): c.moderator.public_name for pk, c in held.items() if c.moderator_id != request.user.pk},
        "mine": [str(pk) for pk, c in held.items() if c.moderator_id == request.user.pk],
    })


@login_required
@require_POST
def claim(request: HttpRequest, comment_id: int) -> HttpResponse:
    """Open (claim) a comment, or take it over from a colleague: ``take_over=1``."""
    _moderator(request)
    try:
        claims.claim_take(user=request.user, comment_id=comment_id, take_over=request.POST.get("take_over") == "1")
    except CivilityError as exc:
        messages.error(request, exc.message)
    else:
        messages.info(request, _("You are on comment %(id)s now.") % {"id": comment_id})
    back = request.META.get("HTTP_REFERER", "")  # the queue page, with its filters
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("moderation-queue")
    return redirect(back.split("#")[0] + f"#c{comment_id}")


@login_required
@require_POST
def save_my_articles(request: HttpRequest) -> HttpResponse:
    """Remember the article and section filters as this moderator's "my articles"."""
    _moderator(request)
    try:
        view = queue_views.queue_view_save(user=request.user, articles=request.POST.get("article", ""),
                                           section=request.POST.get("section", ""))
    except CivilityError as exc:
        messages.error(request, exc.message)
        return redirect("moderation-queue")
    if view.article_keys or view.section:
        messages.success(request, _("Saved as my articles."))
        return redirect(reverse("moderation-queue") + "?mine=1")
    messages.success(request, _("My articles forgotten."))
    return redirect("moderation-queue")


@login_required
@require_POST
def decide_campaign(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Decide every pending comment of a copy-paste campaign in one batch."""
    _moderator(request)
    form = ActionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_back(request, reverse("moderation-queue")))
    data = form.cleaned_data
    try:
        decisions = services.campaign_decide(user=request.user, campaign_id=campaign_id, action=data["action"],
                                             reason=data["reason"] or None, note=data["note"])
    except CivilityError as exc:
        messages.error(request, exc.message)
    else:
        values = {"count": len(decisions), "id": campaign_id}
        if data["action"] == "approve":
            messages.success(request, _("Approved %(count)s comments of campaign %(id)s.") % values)
        else:
            messages.success(request, _("Rejected %(count)s comments of campaign %(id)s.") % values)
    return redirect(_back(request, reverse("moderation-queue")))


@login_required
@require_POST
def decide(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        data = form.cleaned_data
        try:
            decisions = services.decision_record(
                user=request.user, comment_ids=data["ids"], action=data["action"],
                reason=data["reason"] or None, note=data["note"], take_over=data["take_over"],
            )
        except CivilityError as exc:
            messages.error(request, exc.message)
        else:
            n = len(decisions)
            if data["action"] == "approve":
                text = ngettext("Approved %(count)s comment.", "Approved %(count)s comments.", n)
            else:
                text = ngettext("Rejected %(count)s comment.", "Rejected %(count)s comments.", n)
            messages.success(request, text % {"count": n}, extra_tags=",".join(str(d.pk) for d in decisions))
    return redirect(_back(request, reverse("moderation-queue")))


@login_required
@require_POST
def decide_edit(request: HttpRequest, revision_id: int) -> HttpResponse:
    """Approve or reject a reader's edit of their approved comment."""
    _moderator(request)
    action = request.POST.get("action")
    if action not in ("approve", "reject"):
        messages.error(request, _("Choose approve or reject."))
        return redirect(_back(request, reverse("moderation-queue")))
    try:
        revision_decide(user=request.user, revision_id=revision_id, approve=action == "approve")
    except CivilityError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The edit is published.") if action == "approve"
                         else _("The edit is rejected; readers keep seeing the approved text."))
    return redirect(_back(request, reverse("moderation-queue")))


@login_required
@require_POST
def decide_reported(request: HttpRequest, comment_id: int) -> HttpResponse:
    """Withdraw a reported comment's approval (with a reason) or dismiss its reports."""
    _moderator(request)
    action = request.POST.get("action")
    back = _back(request, reverse("moderation-queue") + "?show=reported")
    if action not in ("withdraw", "dismiss"):
        messages.error(request, _("Choose approve or reject."))
        return redirect(back)
    try:
        reports_decide(user=request.user, comment_id=comment_id, withdraw=action == "withdraw",
                       reason=request.POST.get("reason", ""), note=request.POST.get("note", "")[:2000])
    except CivilityError as exc:
        for message in [exc.message, *exc.fields.values()]:
            messages.error(request, message)
    else:
        messages.success(request, _("Approval withdrawn: readers no longer see the comment.") if action == "withdraw"
                         else _("Reports dismissed: the comment stays published."))
    return redirect(back)


@login_required
@require_POST
def undo(request: HttpRequest, decision_id: int) -> HttpResponse:
    _moderator(request)
    try:
        services.decision_undo(user=request.user, decision_id=decision_id,
                               note=request.POST.get("note", ""))
    except CivilityError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Undone: the comment is back where it was."))
    return redirect(_back(request, reverse("moderation-history")))


@login_required
@require_GET
def history_page(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    page = selectors.history_list(user=request.user, cursor=request.GET.get("cursor") or None)
    return render(request, "civility/history.html", {"page": page})


def _back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True, "debug": settings.DEBUG})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF refusal in our words (settings.CSRF_FAILURE_VIEW); the reason is logged only."""
    log.info("CSRF check failed for %r: %s", request.path, reason)
    return render(request, "403_csrf.html", status=403)


class PasswordReset(auth_views.PasswordResetView):
    """Django's "email me a reset link", limited per address so that it cannot be used to
    flood someone's mailbox (the limit is shared by every app server through the cache)."""

    RATE = "5/h"
    template_name = "civility/password_reset_form.html"
    email_template_name = "civility/password_reset_email.html"
    subject_template_name = "civility/password_reset_subject.txt"

    def form_valid(self, form):
        try:
            usage = get_usage(self.request, group="password-reset", key=lambda _g, r: client_ip(r) or "",
                              rate=self.RATE, increment=True)
        except Exception:  # the cache is down: send anyway (the link is only useful to the mailbox's owner)
            log.exception("password reset rate limit not checked: the cache did not answer")
            usage = None
        if usage and usage["should_limit"]:
            form.add_error(None, _("Too many reset requests from this address; please try again later."))
            return self.form_invalid(form)
        return super().form_valid(form)
