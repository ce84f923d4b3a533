"""Log-in throttling: what django-axes counts failures by, and unlocking.

django-axes (``settings.AXES_*``) records every failed log-in in the database, so all app
servers share the count, and refuses further attempts once a user name or an address has
failed ``AXES_FAILURE_LIMIT`` times within ``AXES_COOLOFF_TIME``. This module tells it who
is trying: the address as the rate limits see it (behind our own proxies), and the user
name as log-in matches it (without case, so "Admin" and "admin" share one count).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from civility.ratelimit import client_ip as _client_ip

#: the longest user name Django's user model stores
MAX_USERNAME = 150


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address (``CIVILITY_TRUSTED_PROXIES``), or None when it is not one."""
    address = _client_ip(request)
    try:
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:  # a proxy header that is not an address: count by the user name only
        return None


def username_of(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The user name an attempt is counted under: folded case, no NUL, at most 150 characters."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = getattr(request, "POST", {}).get("username")
    if not isinstance(raw, str):
        return None
    return raw.replace("\x00", "").strip().casefold()[:MAX_USERNAME] or None


def login_unlock(*, username: str | None = None, address: str | None = None) -> int:
    """Forget the failed log-ins recorded for a user name (from any address) and/or from an
    address (for any name), so that they may log in again; how many records went."""
    from axes.models import AccessAttempt
    from django.db.models import Q

    which = Q(pk__in=[])
    if username:
        which |= Q(username=username_of(None, {"username": username}))
    if address:
        which |= Q(ip_address=address)
    deleted, _ = AccessAttempt.objects.filter(which).delete()
    return deleted


def locked_out(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The answer to a refused log-in (429): what happened, how long it lasts, who can lift it."""
    return render(request, "registration/locked_out.html", status=429, context={
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": round(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    })
