"""The unsubscribe page (a signed link, no login), and a moderator's alert settings.

Unsubscribing:

``GET`` shows one button (mail scanners follow links, and must not unsubscribe anyone);
``POST`` unsubscribes, whether from that button or from a mail program's one-click
unsubscribe (RFC 8058: ``List-Unsubscribe=One-Click`` posted to the ``List-Unsubscribe`` URL).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from civility.accounts.permissions import can_moderate
from civility.notifications.alerts import alerts_update
from civility.notifications.confirmations import confirm_read, email_confirm
from civility.notifications.forms import AlertsForm
from civility.notifications.models import ModeratorAlerts
from civility.notifications.services import unsubscribe
from civility.notifications.tokens import unsubscribe_read


@csrf_exempt  # the signed token is the proof; mail programs post without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe_page(request: HttpRequest, token: str) -> HttpResponse:
    found = unsubscribe_read(token)
    if found is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    email, kind = found
    done = False
    if request.method == "POST":
        unsubscribe(email=email, kind=kind)
        done = True
    return render(request, "notifications/unsubscribe.html",
                  {"email": email, "kind": kind, "what": _what(kind), "done": done})


def _what(kind: str) -> str:
    from civility.notifications.services import kind_label

    return kind_label(kind)


@login_required
@require_http_methods(["GET", "POST"])
def alerts_page(request: HttpRequest) -> HttpResponse:
    """What this moderator wants to hear by email."""
    if not can_moderate(request.user):
        raise PermissionDenied(_("Only moderators have alerts."))
    current = ModeratorAlerts.objects.filter(user=request.user).first() or ModeratorAlerts(user=request.user)
    form = AlertsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        alerts_update(user=request.user, **{k: form.cleaned_data[k] for k in AlertsForm.Meta.fields})
        messages.success(request, _("Your alerts are saved."))
        return redirect("notifications-alerts")
    return render(request, "notifications/alerts.html", {"form": form, "has_email": bool(request.user.email)})


@csrf_exempt  # the signed token is the proof
@require_http_methods(["GET", "POST"])
def confirm_page(request: HttpRequest, token: str) -> HttpResponse:
    """``GET`` asks (mail scanners follow links); ``POST`` confirms the address."""
    email = confirm_read(token)
    if email is None:
        return render(request, "notifications/confirm.html", {"invalid": True}, status=404)
    released = None
    if request.method == "POST":
        released = len(email_confirm(email=email))
    return render(request, "notifications/confirm.html", {"email": email, "released": released})
