"""One error shape for every API failure: ``{"error": {"code", "message", "fields"}}``."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from civility.errors import CivilityError, RateLimited

log = logging.getLogger(__name__)


class CsrfFailed(Exception):
    """A session write failed Django's CSRF check; ``reason`` is Django's (logged, not shown)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _field_name(loc: list[Any]) -> str:
    # ninja locates body fields as ["body", "payload", "field"]; readers want "field".
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "body"


#: pydantic's error types in our words; {name} is filled from the error's context
MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "string_type": gettext_lazy("Must be text."),
    "string_too_short": gettext_lazy("Must be at least {min_length} characters long."),
    "string_too_long": gettext_lazy("Must be at most {max_length} characters long."),
    "int_type": gettext_lazy("Must be a whole number."),
    "int_parsing": gettext_lazy("Must be a whole number."),
    "int_from_float": gettext_lazy("Must be a whole number."),
    "int_parsing_size": gettext_lazy("This number is too large."),
    "float_type": gettext_lazy("Must be a number."),
    "float_parsing": gettext_lazy("Must be a number."),
    "finite_number": gettext_lazy("Must be a finite number."),
    "bool_type": gettext_lazy("Must be true or false."),
    "bool_parsing": gettext_lazy("Must be true or false."),
    "greater_than": gettext_lazy("Must be more than {gt}."),
    "greater_than_equal": gettext_lazy("Must be at least {ge}."),
    "less_than": gettext_lazy("Must be less than {lt}."),
    "less_than_equal": gettext_lazy("Must be at most {le}."),
    "literal_error": gettext_lazy("Choose one of: {expected}."),
    "enum": gettext_lazy("Choose one of: {expected}."),
    "list_type": gettext_lazy("Must be a list."),
    "too_short": gettext_lazy("Must have at least {min_length} items."),
    "too_long": gettext_lazy("Must have at most {max_length} items."),
    "dict_type": gettext_lazy("Must be an object."),
    "model_type": gettext_lazy("Must be an object."),
    "model_attributes_type": gettext_lazy("Must be an object."),
    "datetime_type": gettext_lazy("Must be a date and time (ISO 8601)."),
    "datetime_parsing": gettext_lazy("Must be a date and time (ISO 8601)."),
    "json_invalid": gettext_lazy("The request body is not valid JSON."),
    "extra_forbidden": gettext_lazy("This field is not accepted here."),
}
FALLBACK = gettext_lazy("This value is not valid.")


def message_for(error: dict[str, Any]) -> str:
    """One pydantic error as a person reads it (never pydantic's own wording)."""
    template = MESSAGES.get(error.get("type", ""))
    if template is None:
        return str(FALLBACK)
    try:
        return str(template).format(**(error.get("ctx") or {}))
    except (KeyError, IndexError, ValueError):
        return str(FALLBACK)


#: Django's CSRF failure reasons in our words (the prefix of each reason picks)
CSRF_MESSAGES = (
    ("CSRF cookie not set", gettext_lazy("This browser has no session token yet: fetch GET /api/v1/session first.")),
    ("CSRF token missing", gettext_lazy("Send the session's token (csrf_token from GET /api/v1/session) in the "
                           "X-CSRFToken header.")),
    ("CSRF token", gettext_lazy("The X-CSRFToken header does not match this session's token: fetch it again "
                   "from GET /api/v1/session.")),
    ("Origin checking failed",
     gettext_lazy("The page this request comes from (its origin) may not act for this session.")),
    ("Referer", gettext_lazy("The page this request comes from (its Referer) may not act for this session.")),
)
CSRF_FALLBACK = gettext_lazy("The request could not be verified as coming from this session's own pages.")


def csrf_message(reason: str) -> str:
    for prefix, message in CSRF_MESSAGES:
        if reason.startswith(prefix):
            return str(message)
    return str(CSRF_FALLBACK)


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(CivilityError)
    def civility_error(request: HttpRequest, exc: CivilityError) -> HttpResponse:
        response = respond(request, exc.status, error_body(exc.code, exc.message, exc.fields))
        if isinstance(exc, RateLimited):
            response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields: dict[str, str] = {}
        for err in exc.errors:
            fields.setdefault(_field_name(list(err.get("loc", []))), message_for(err))
        if fields.keys() == {"body"} and any(e.get("type") == "json_invalid" for e in exc.errors):
            return respond(request, 400, error_body("bad_json", _("The request body is not valid JSON.")))
        return respond(request, 422, error_body("invalid", _("Please correct the listed fields."), fields))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 401, error_body(
            "unauthenticated", _("Log in, or send 'Authorization: Bearer <token>'.")))

    @api.exception_handler(AuthorizationError)
    def unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 403, error_body("forbidden", _("You may not do this.")))

    @api.exception_handler(CsrfFailed)
    def csrf_failed(request: HttpRequest, exc: CsrfFailed) -> HttpResponse:
        return respond(request, 403, error_body("csrf_failed", csrf_message(exc.reason)))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = str(exc)
        if exc.status_code == 401:
            code = "unauthenticated"
        elif exc.status_code == 400 and "parse" in message.lower():
            code, message = "bad_json", _("The request body is not valid JSON.")
        else:
            code = "http_error"
        return respond(request, exc.status_code, error_body(code, message))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 413, error_body("too_large", _("The request body is too large.")))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 404, error_body("not_found", _("There is nothing at this address.")))

    @api.exception_handler(Exception)
    def crash(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("unhandled error in %s %s", request.method, request.path)
        return respond(request, 500, error_body("server_error", _("Something went wrong on our side.")))
