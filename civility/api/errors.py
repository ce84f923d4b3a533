"""One error shape for every API failure: ``{"error": {"code", "message", "fields"}}``."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from civility.errors import CivilityError, RateLimited

log = logging.getLogger(__name__)


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _field_name(loc: list[Any]) -> str:
    # ninja locates body fields as ["body", "payload", "field"]; readers want "field".
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "body"


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
            fields.setdefault(_field_name(list(err.get("loc", []))), err.get("msg", "invalid"))
        if fields.keys() == {"body"} and any(e.get("type") == "json_invalid" for e in exc.errors):
            return respond(request, 400, error_body("bad_json", "The request body is not valid JSON."))
        return respond(request, 422, error_body("invalid", "Please correct the listed fields.", fields))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 401, error_body(
            "unauthenticated", "Log in, or send 'Authorization: Bearer <token>'."))

    @api.exception_handler(AuthorizationError)
    def unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 403, error_body("forbidden", "You may not do this."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = str(exc)
        if "CSRF" in message:
            code = "csrf_failed"
        elif exc.status_code == 401:
            code = "unauthenticated"
        elif exc.status_code == 400 and "parse" in message.lower():
            code, message = "bad_json", "The request body is not valid JSON."
        else:
            code = "http_error"
        return respond(request, exc.status_code, error_body(code, message))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 404, error_body("not_found", "There is nothing at this address."))

    @api.exception_handler(Exception)
    def crash(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("unhandled error in %s %s", request.method, request.path)
        return respond(request, 500, error_body("server_error", "Something went wrong on our side."))
