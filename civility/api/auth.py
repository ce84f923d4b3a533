"""Who is calling: a bearer token (scripts) or a browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from civility.accounts.models import ApiToken


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


def require_csrf(request: HttpRequest) -> None:
    """Session-authenticated writes must carry Django's CSRF token."""
    if request.method not in ("GET", "HEAD", "OPTIONS") and check_csrf(request):
        raise HttpError(403, "CSRF check failed: send the X-CSRFToken header.")


def caller(request: HttpRequest) -> Any:
    """The acting user (possibly anonymous) for endpoints open to everyone.

    A bad bearer token is an error rather than silently anonymous.
    """
    if _bearer(request) is not None:
        user = token_user(request)
        if user is None:
            raise HttpError(401, "The bearer token is not valid.")
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
            require_csrf(request)
            return request.user
        return None


staff_auth = StaffAuth()
