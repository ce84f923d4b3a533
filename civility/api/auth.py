"""Who is calling: a bearer token (scripts) or a browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponseForbidden
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from civility.accounts.models import ApiToken
from civility.api.errors import CsrfFailed
from civility.publishing.cors import allowed_origins


def _bearer(request: HttpRequest) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def token_user(request: HttpRequest) -> Any | None:
    raw = _bearer(request)
    if raw is None:
        return None
    token = ApiToken.objects.for_raw(raw)
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def refuse_bad_token(request: HttpRequest) -> None:
    """For reads open to everyone: no credentials are needed, but bad ones are refused (401).

    A script that sends a revoked or mistyped token learns so at once, on every endpoint.
    A good token changes nothing here (and is not marked as used).
    """
    raw = _bearer(request)
    if raw is None:
        return
    token = ApiToken.objects.for_raw(raw)
    if token is None or not token.user.is_active:
        raise HttpError(401, _("The bearer token is not valid."))


class _Csrf(CsrfViewMiddleware):
    """Django's CSRF check, remembering why it refused."""

    def _reject(self, request: HttpRequest, reason: str) -> HttpResponseForbidden:
        request._civility_csrf_reason = reason  # type: ignore[attr-defined]
        return HttpResponseForbidden(reason)


class _EmbedCsrf(_Csrf):
    """Django's CSRF check, also trusting the origins allowed to embed threads.

    The widget posts from the newspaper's page, so its Origin is the newspaper's;
    the token itself is checked exactly as Django always does. Only the readers'
    endpoints use this: staff endpoints never trust an embedding page.
    """

    @property
    def allowed_origins_exact(self) -> set[str]:  # type: ignore[override]
        return set(super().allowed_origins_exact) | set(allowed_origins())


def require_csrf(request: HttpRequest, *, trust_embeds: bool = True) -> None:
    """Session-authenticated writes must carry Django's CSRF token.

    ``trust_embeds`` lets a write come from a page on a site's allowed embed origins
    (a logged-in author commenting through the widget). Staff endpoints pass False:
    a page that embeds our threads must never be able to act for a moderator.
    """
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    check = (_EmbedCsrf if trust_embeds else _Csrf)(lambda r: HttpResponseForbidden())
    request.csrf_processing_done = False  # type: ignore[attr-defined]
    check.process_request(request)
    if check.process_view(request, lambda r: None, (), {}) is not None:
        raise CsrfFailed(getattr(request, "_civility_csrf_reason", ""))


def caller(request: HttpRequest) -> Any:
    """The acting user (possibly anonymous) for endpoints open to everyone.

    A bad bearer token is an error rather than silently anonymous.
    """
    if _bearer(request) is not None:
        user = token_user(request)
        if user is None:
            raise HttpError(401, _("The bearer token is not valid."))
        return user
    if request.user.is_authenticated:
        require_csrf(request)
    return request.user


class StaffAuth(HttpBearer):
    """Bearer token or session; returns the user, or None → 401. Roles are checked by services."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:  # pragma: no cover
        return token_user(request)

    def __call__(self, request: HttpRequest) -> Any | None:
        if _bearer(request) is not None:
            return token_user(request)
        if request.user.is_authenticated:
            require_csrf(request, trust_embeds=False)
            return request.user
        return None


staff_auth = StaffAuth()
