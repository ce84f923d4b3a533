"""Submission rate limits per client IP and per email address.

Counting is django-ratelimit's (fixed windows in the cache); we only add the
Retry-After that a 429 owes the client. Rates come from settings such as
``CIVILITY_SUBMIT_RATE_PER_IP = "5/m"``; ``None`` switches a limit off.

The counters live in the default cache: per process without ``REDIS_URL``, shared by
every process and machine with it. When that cache does not answer, the limit is
skipped (and logged) rather than refusing readers: every comment waits for a
moderator anyway.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.dispatch import Signal
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from civility.errors import RateLimited

log = logging.getLogger(__name__)

#: sent with ``limit`` (the group: submit-ip, submit-email, triage-ip) each time a request is refused
rate_limited = Signal()


FROM_ADDRESS = _("Too many comments from this network address; please wait a little before posting again.")
FROM_EMAIL = _("Too many comments from this email address; please wait a little before posting again.")


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address, trusting X-Forwarded-For only from our own proxies."""
    hops = settings.CIVILITY_TRUSTED_PROXIES
    if hops:
        chain = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",") if h.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return request.META.get("REMOTE_ADDR") or None


def _check(request: HttpRequest, *, group: str, value: str, rate: str | None, message: str) -> None:
    if rate is None or not value:
        return
    try:
        usage = get_usage(request, group=group, key=lambda _g, _r: value, rate=rate, increment=True)
    except Exception:  # the shared cache (Redis) is down: keep accepting comments, they are moderated anyway
        log.exception("rate limit %s not checked: the cache did not answer", group)
        return
    if usage and usage["should_limit"]:
        rate_limited.send(sender=None, limit=group)
        raise RateLimited(
            str(message),
            retry_after=usage["time_left"],
        )


def triage_check(request: HttpRequest) -> None:
    """Count one draft check (the widget's nudge); raise RateLimited past the rate."""
    _check(request, group="triage-ip", value=client_ip(request) or "", message=FROM_ADDRESS,
           rate=settings.CIVILITY_TRIAGE_RATE_PER_IP)


def submission_check(request: HttpRequest, *, email: str) -> None:
    """Count one submission; raise RateLimited when the IP or the email is over its rate."""
    _check(request, group="submit-ip", value=client_ip(request) or "", message=FROM_ADDRESS,
           rate=settings.CIVILITY_SUBMIT_RATE_PER_IP)
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest() if email.strip() else ""
    _check(request, group="submit-email", value=digest, message=FROM_EMAIL,
           rate=settings.CIVILITY_SUBMIT_RATE_PER_EMAIL)


REPORTS = _("Too many reports from this network address; please wait a little.")


def report_check(request: HttpRequest) -> None:
    """Count one report of a comment (readers'); raise RateLimited past the rate."""
    _check(request, group="report-ip", value=client_ip(request) or "", message=REPORTS,
           rate=settings.CIVILITY_REPORT_RATE_PER_IP)
