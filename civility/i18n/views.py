"""The widget's translations: one JSON catalog per language, cacheable by anyone.

``GET /i18n/widget.json?lang=hy,ru-RU,en`` answers the catalog of the first supported
language of the list (the widget sends its candidates best first: its element's
``data-civility-lang``, the page's ``<html lang>``, the browser's languages), else of the
site's default language::

    {"language": "hy", "bidi": false, "catalog": {"Comment": "Մեկնաբանություն", …}, "plural": "…"}

The answer is the same for every caller, so it may be fetched from any page (``*``
CORS, no credentials) and kept by browsers and proxies for an hour.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from django.views.i18n import JavaScriptCatalog, JSONCatalog

from civility.i18n import languages

#: how long browsers and proxies may keep a catalog without asking again
MAX_AGE = 60 * 60


class WidgetCatalog(JSONCatalog):
    domain = "djangojs"
    packages = ["civility.web"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["language"] = translation.get_language()
        context["bidi"] = translation.get_language_bidi()  # the widget lays itself out right to left
        return context


@require_GET
def widget_catalog(request: HttpRequest) -> HttpResponse:
    candidates = [c for c in request.GET.get("lang", "")[:2000].split(",") if c.strip()][:20]
    language = languages.first_supported(candidates) or languages.default()
    with translation.override(language):
        response = WidgetCatalog.as_view()(request)
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response.language_neutral = True  # the language is in the address, not in a header
    return response


@require_GET
def staff_catalog(request: HttpRequest, language: str) -> HttpResponse:
    """The staff pages' script catalog (``window.gettext`` for moderation.js), one address per language."""
    if languages.supported(language) != language:
        raise Http404("no such language")
    with translation.override(language):
        response = JavaScriptCatalog.as_view(domain="djangojs", packages=["civility.web"])(request)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response.language_neutral = True
    return response
