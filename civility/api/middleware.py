"""Rules every API request meets before any view, authentication or CSRF check runs."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from civility.api.errors import error_body

API_PREFIX = "/api/"
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _has_body(request: HttpRequest) -> bool:
    if request.META.get("HTTP_TRANSFER_ENCODING"):
        return True
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > 0
    except ValueError:
        return True


def json_only(get_response):
    """An API write with a body must say ``Content-Type: application/json`` (else 415).

    Browsers send text/plain, form-encoded and multipart bodies across origins without
    asking first; JSON needs a CORS preflight, which only allowed origins pass. So no
    page can reach an API write with a "simple" request, and no form field (such as
    Django's ``csrfmiddlewaretoken``) is ever read from an API body.
    """

    def middleware(request: HttpRequest):
        if request.path.startswith(API_PREFIX) and request.method in WRITES and _has_body(request):
            media_type = request.content_type.split(";", 1)[0].strip().lower()
            if media_type != "application/json":
                return JsonResponse(error_body(
                    "unsupported_media_type",
                    "Send the request body as JSON, with the header 'Content-Type: application/json'.",
                ), status=415)
        return get_response(request)

    return middleware
