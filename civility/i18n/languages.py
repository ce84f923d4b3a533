"""The languages Civility speaks, and how one is picked for a request or a widget.

The list lives in ``settings.LANGUAGES``; its translations in ``civility/locale``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header


def supported(code: str | None) -> str | None:
    """The supported language for a code like ``ru`` or ``ru-RU``, else None."""
    code = (code or "").strip().replace("_", "-")
    if not code or len(code) > 35:
        return None
    try:
        return get_supported_language_variant(code)
    except LookupError:
        return None


def first_supported(candidates: Iterable[str]) -> str | None:
    """The first of ``candidates`` (best first) that we have translations for."""
    for candidate in candidates:
        if found := supported(candidate):
            return found
    return None


def from_accept_language(header: str) -> str | None:
    """The best supported language of an ``Accept-Language`` header, else None."""
    return first_supported(code for code, _q in parse_accept_lang_header(header[:1000]) if code != "*")


def default() -> str:
    return supported(settings.LANGUAGE_CODE) or "en"
