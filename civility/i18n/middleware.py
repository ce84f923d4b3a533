"""Which language a request is answered in.

Pages (staff pages, the demo article): the language chosen with the switcher (Django's
language cookie), else the browser's ``Accept-Language``, else the site's default; the demo
article page also takes ``?lang=xx`` (its view). The API (the widget, integrators):
``Accept-Language`` (the widget sends its own language there), else the default; never the
cookie, so that a moderator's own choice for the staff pages does not change the language of
a thread's widget. (``lang`` is no query parameter here: the queue filters by it.)

Django's own LocaleMiddleware adds ``Vary: Accept-Language`` to every answer, which would
keep thread pages out of the fast path (civility.api.fastpath); answers that say nothing in
any language (a thread page is only readers' comments) set ``language_neutral`` and get
neither that header nor ``Content-Language``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from civility.i18n import languages


def request_language(request: HttpRequest) -> str:
    if not request.path_info.startswith("/api/"):
        chosen = languages.supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        if chosen:
            return chosen
    return languages.from_accept_language(request.headers.get("Accept-Language", "")) or languages.default()


class RequestLanguage:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        if not getattr(response, "language_neutral", False):
            api = request.path_info.startswith("/api/")
            patch_vary_headers(response, ("Accept-Language",) if api else ("Accept-Language", "Cookie"))
            response.headers.setdefault("Content-Language", language)
        return response
