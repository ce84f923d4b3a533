"""Rules every API request meets before any view, authentication or CSRF check runs,
and the one error shape for every API answer that no view wrote.

``ApiErrors`` (first in ``MIDDLEWARE``) turns any error under ``/api/`` that is not
already JSON — Django's 404 for an unmatched path, 400 for a bad ``Host``, ninja's 405,
a 500 — into ``{"error": {"code", "message", "fields"}}``. ``InputGuard`` refuses, before
the view runs, what no endpoint can take: a body larger than
``DATA_UPLOAD_MAX_MEMORY_SIZE`` (413), a body that is not JSON (415), a NUL character in
any text — path, query string or JSON body (422; PostgreSQL cannot store one, and no
reader types one). A NUL in a page's address (outside the API) is a plain 400.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy

from civility.api.errors import error_body

API_PREFIX = "/api/"
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})

NUL_MESSAGE = gettext_lazy("Remove the NUL character (\\0): text may not contain one.")
TOO_LARGE = ("too_large", gettext_lazy("The request body is too large."))

#: our words for errors that reach ApiErrors without a JSON body (by status)
STATUS_ERRORS = {
    400: ("bad_request", gettext_lazy("The request is malformed (check its Host header and syntax).")),
    403: ("forbidden", gettext_lazy("You may not do this.")),
    404: ("not_found", gettext_lazy("There is nothing at this address.")),
    405: ("method_not_allowed", gettext_lazy("This address does not answer this method; see the Allow header.")),
    413: TOO_LARGE,
    414: ("uri_too_long", gettext_lazy("The address is too long.")),
    415: ("unsupported_media_type", gettext_lazy("Send the request body as JSON.")),
    431: ("headers_too_large", gettext_lazy("The request's headers are too large.")),
}
SERVER_ERROR = ("server_error", gettext_lazy("Something went wrong on our side."))


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _has_body(request: HttpRequest) -> bool:
    if request.META.get("HTTP_TRANSFER_ENCODING"):
        return True
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > 0
    except ValueError:
        return True


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _error(status: int, code: str, message: str, fields: dict[str, str] | None = None) -> JsonResponse:
    fields = {name: str(text) for name, text in (fields or {}).items()}
    return JsonResponse(error_body(code, str(message), fields), status=status)


def _nul_in(value: Any, path: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """Where in a parsed JSON value a NUL character is (a key or a string), else None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in key:
                return (*path, key.replace("\x00", "\\0"))
            found = _nul_in(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _nul_in(item, (*path, str(i)))
            if found is not None:
                return found
    return None


def _nul_in_address(request: HttpRequest, path_params: dict[str, Any]) -> str | None:
    """The path parameter or query parameter holding a NUL character, else None."""
    for name, value in path_params.items():
        if isinstance(value, str) and "\x00" in value:
            return name
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in v for v in values):
            return name.replace("\x00", "\\0")
    return None


class InputGuard:
    """413, 415 and the NUL check for requests under ``/api/``.

    An API write with a body must say ``Content-Type: application/json``. Browsers send
    text/plain, form-encoded and multipart bodies across origins without asking first;
    JSON needs a CORS preflight, which only allowed origins pass. So no page can reach
    an API write with a "simple" request, and no form field (such as Django's
    ``csrfmiddlewaretoken``) is ever read from an API body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if _is_api(request) and request.method in WRITES and _has_body(request):
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if limit is not None and _declared_length(request) > limit:
                return _error(413, *TOO_LARGE)
            media_type = request.content_type.split(";", 1)[0].strip().lower()
            if media_type != "application/json":
                return _error(415, "unsupported_media_type", gettext_lazy(
                    "Send the request body as JSON, with the header 'Content-Type: application/json'."))
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        if not _is_api(request):
            # The pages (article, queue filters) cannot look a NUL up either: 400, not a crash.
            if _nul_in_address(request, kwargs) is not None:
                raise BadRequest("a NUL character in the address")
            return None
        found = _nul_in_address(request, kwargs)
        if found is not None:
            return self._nul(found)
        if request.method in WRITES and _has_body(request):
            try:
                body = request.body
            except RequestDataTooBig:  # a chunked body past the limit
                return _error(413, *TOO_LARGE)
            if b"\\u0000" in body or b"\x00" in body:
                try:
                    found = _nul_in(json.loads(body))
                except ValueError:  # not JSON: the endpoint answers bad_json
                    return None
                if found is not None:
                    return self._nul(".".join(found) or "body")
        return None

    @staticmethod
    def _nul(field: str) -> JsonResponse:
        return _error(422, "invalid", gettext_lazy("Please correct the listed fields."), {field: NUL_MESSAGE})


class ApiErrors:
    """Every error under ``/api/`` in the API's JSON shape, whoever produced it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        if (response.status_code < 400 or not _is_api(request) or getattr(response, "streaming", False)
                or response.get("Content-Type", "").startswith("application/json")):
            return response
        code, message = STATUS_ERRORS.get(response.status_code, SERVER_ERROR if response.status_code >= 500
                                          else ("http_error", gettext_lazy("The request could not be answered.")))
        # outside civility.i18n's middleware: say it in the language the request was answered in
        with translation.override(getattr(request, "LANGUAGE_CODE", None)):
            shaped = _error(response.status_code, code, message)
        for header, value in response.items():
            if header.lower() not in ("content-type", "content-length"):
                shaped[header] = value
        return shaped
