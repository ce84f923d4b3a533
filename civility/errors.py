"""Errors raised by services, each with a stable code that the API and CLI show.

The HTTP layer maps ``status`` onto the response and renders the one error
shape ``{"error": {"code", "message", "fields"}}``.
"""

from __future__ import annotations


class CivilityError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        if code:
            self.code = code


class InvalidInput(CivilityError):
    status = 422
    code = "invalid"


class NotFound(CivilityError):
    status = 404
    code = "not_found"


class PermissionDenied(CivilityError):
    status = 403
    code = "forbidden"


class Conflict(CivilityError):
    status = 409
    code = "conflict"


class CommentsClosed(CivilityError):
    status = 403
    code = "comments_closed"


class RateLimited(CivilityError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = max(1, retry_after)
