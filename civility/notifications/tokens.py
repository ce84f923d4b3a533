"""Signed unsubscribe links: whoever holds the link may stop that kind of message, no login needed.

The token is the address and the kind, signed with ``SECRET_KEY`` (``django.core.signing``);
it does not expire, because an old message's link must still work.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

_SALT = "civility.notifications.unsubscribe"


def unsubscribe_token(*, email: str, kind: str) -> str:
    return signing.dumps({"e": email.lower(), "k": kind}, salt=_SALT, compress=True)


def unsubscribe_read(token: str) -> tuple[str, str] | None:
    """(email, kind) of a genuine token, else None."""
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("e"), str) or not isinstance(data.get("k"), str):
        return None
    return data["e"], data["k"]


def absolute(path: str) -> str:
    """``path`` on this installation's public address (``CIVILITY_BASE_URL``)."""
    return settings.CIVILITY_BASE_URL.rstrip("/") + path


def unsubscribe_url(*, email: str, kind: str) -> str:
    return absolute(reverse("notifications-unsubscribe", kwargs={"token": unsubscribe_token(email=email, kind=kind)}))
