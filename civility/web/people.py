"""The person page: everything known about one commenter, and what moderators do about them."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from civility.errors import CivilityError, InvalidInput
from civility.moderation.models import Reason
from civility.people import sanctions, selectors, services
from civility.web.queue import reason_options
from civility.web.views import _moderator


def _error(request: HttpRequest, exc: CivilityError) -> None:
    details = "; ".join(exc.fields.values())
    messages.error(request, f"{exc.message} {details}".strip())


@login_required
@require_GET
def person_page(request: HttpRequest, email: str) -> HttpResponse:
    _moderator(request)
    try:
        person = selectors.person_detail(user=request.user, email=email)
    except CivilityError as exc:
        return render(request, "civility/person.html", {"missing": exc.message, "email": email},
                      status=exc.status)
    rows = []
    for c in person.comments:
        report = (selectors.triage_of(c).report or {}) if selectors.triage_of(c) is not None else {}
        rows.append({"comment": c, "risk": report.get("risk"),
                     "flags": [f.get("label", "") for f in report.get("flags") or []]})
    return render(request, "civility/person.html", {
        "person": person, "email": person.email, "rows": rows, "reason_options": reason_options(Reason.choices),
        "domain": person.email.rpartition("@")[2],
    })


def _expires(raw: str) -> datetime | None:
    """A ban's end from the form: a date (the end of that day, UTC) or a date and time."""
    raw = raw.strip()
    if not raw:
        return None
    day = parse_date(raw)
    if day is not None:
        return datetime.combine(day, time.max, tzinfo=timezone.get_current_timezone())
    try:
        moment = parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None:
        raise InvalidInput(_("The ban's end must be a date (YYYY-MM-DD)."), fields={"expires_at": _("Not a date.")})
    return moment


@login_required
@require_POST
def person_ban(request: HttpRequest, email: str) -> HttpResponse:
    """Ban this person's address, their domain, an account of theirs or an IP they used."""
    _moderator(request)
    kind, _sep, value = request.POST.get("target", "").partition("|")  # "ip|203.0.113.7"
    target = {kind: value} if kind in ("email", "email_domain", "ip", "username") else {}
    try:
        ban = sanctions.ban_create(user=request.user, reason=request.POST.get("reason", ""),
                                   expires_at=_expires(request.POST.get("expires_at", "")), **target)
    except CivilityError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Banned %(target)s.") % {"target": ban.value})
    return redirect("person-page", email=email)


@login_required
@require_POST
def person_unban(request: HttpRequest, email: str, ban_id: int) -> HttpResponse:
    _moderator(request)
    try:
        ban = sanctions.ban_lift(user=request.user, ban_id=ban_id, note=request.POST.get("note", ""))
    except CivilityError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Lifted the ban on %(target)s.") % {"target": ban.value})
    return redirect("person-page", email=email)


@login_required
@require_POST
def person_note(request: HttpRequest, email: str) -> HttpResponse:
    _moderator(request)
    try:
        services.person_note_add(user=request.user, email=email, text=request.POST.get("text", ""))
    except CivilityError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Note added."))
    return redirect("person-page", email=email)


@login_required
@require_POST
def person_reject(request: HttpRequest, email: str) -> HttpResponse:
    """Reject everything of theirs still waiting, with one reason."""
    _moderator(request)
    try:
        decisions = services.person_reject_pending(user=request.user, email=email,
                                                   reason=request.POST.get("reason", ""),
                                                   note=request.POST.get("note", ""))
    except CivilityError as exc:
        _error(request, exc)
    else:
        n = len(decisions)
        messages.success(request, ngettext("Rejected %(n)d pending comment.", "Rejected %(n)d pending comments.", n)
                         % {"n": n})
    return redirect("person-page", email=email)
