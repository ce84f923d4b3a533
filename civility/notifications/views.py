"""The unsubscribe page: a signed link, no login.

``GET`` shows one button (mail scanners follow links, and must not unsubscribe anyone);
``POST`` unsubscribes, whether from that button or from a mail program's one-click
unsubscribe (RFC 8058: ``List-Unsubscribe=One-Click`` posted to the ``List-Unsubscribe`` URL).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

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
