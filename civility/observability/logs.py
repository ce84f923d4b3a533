"""Log lines that can be followed across a request: a request id, and JSON if asked.

Every request gets an id (its ``X-Request-ID`` header when a proxy sent a sane one, else a
new random one) held in a context variable while it is served (:func:`with_request_id`, the
outermost WSGI layer, so the thread's fast path has one too) and echoed as the response's
``X-Request-ID``. :class:`RequestIdFilter` puts it on every log record (``-`` outside a
request), and with ``CIVILITY_LOG_FORMAT=json`` :class:`JsonFormatter` writes each record
as one JSON object per line: ``time``, ``level``, ``logger``, ``message``, ``request_id``,
``process``, and ``exception`` when there is a traceback. gunicorn's access lines carry the
id too (``civility.observability.gunicorn``).

This module is loaded by the logging configuration: it imports nothing of Django's.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Mapping
from contextvars import ContextVar
from datetime import UTC, datetime

REQUEST_ID: ContextVar[str | None] = ContextVar("civility_request_id", default=None)
HEADER = "X-Request-ID"
#: what a proxy's id may look like (nginx's $request_id, a UUID…); anything else is replaced
_SANE = re.compile(r"[A-Za-z0-9._:-]{8,128}")
#: gunicorn's access-log atom for our response header
ACCESS_ATOM = "{x-request-id}o"


def request_id_for(environ: Mapping[str, str]) -> str:
    given = environ.get("HTTP_X_REQUEST_ID", "")
    return given if _SANE.fullmatch(given) else uuid.uuid4().hex


def with_request_id(app):
    """The WSGI application, with each request's id in :data:`REQUEST_ID` and its response header."""

    def application(environ, start_response):
        request_id = request_id_for(environ)
        environ["civility.request_id"] = request_id
        token = REQUEST_ID.set(request_id)

        def start(status, headers, exc_info=None):
            headers = [h for h in headers if h[0].lower() != "x-request-id"] + [(HEADER, request_id)]
            return start_response(status, headers, exc_info)

        try:
            return app(environ, start)
        finally:
            REQUEST_ID.reset(token)

    return application


class RequestIdFilter(logging.Filter):
    """Sets ``record.request_id``: the current request's, or ``-`` (it never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = REQUEST_ID.get()
        if request_id is None and isinstance(record.args, Mapping):  # gunicorn's access line, after the request
            request_id = record.args.get(ACCESS_ATOM)
        record.request_id = request_id if request_id and request_id != "-" else "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or REQUEST_ID.get() or "-",
            "process": record.process,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            atoms = record.args
            line["http"] = {"method": atoms.get("m"), "path": atoms.get("U"), "status": _int(atoms.get("s")),
                            "duration_ms": _int(atoms.get("M")), "bytes": _int(atoms.get("B")),
                            "client": atoms.get("h")}
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
