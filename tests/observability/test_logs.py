"""Request ids on every log line, JSON lines, and the X-Request-ID header."""

from __future__ import annotations

import io
import json
import logging

import pytest

from civility.observability.logs import REQUEST_ID, JsonFormatter, RequestIdFilter, with_request_id


@pytest.fixture
def json_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    log = logging.getLogger("civility.test.logs")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    yield log, lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    log.removeHandler(handler)


def call(app, **environ):
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app({"REQUEST_METHOD": "GET", "PATH_INFO": "/", **environ}, start_response))
    return seen["headers"], body


def test_each_request_has_an_id_on_its_log_lines_and_its_response(json_lines):
    log, lines = json_lines

    def app(environ, start_response):
        log.info("serving %s", environ["PATH_INFO"])
        start_response("200 OK", [("X-Request-ID", "forged-by-the-app")])
        return [b"ok"]

    wrapped = with_request_id(app)
    first, _ = call(wrapped)
    second, _ = call(wrapped)
    log.warning("outside any request")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert len(first["X-Request-ID"]) == 32
    records = lines()
    assert [r["request_id"] for r in records] == [first["X-Request-ID"], second["X-Request-ID"], "-"]
    assert records[0]["message"] == "serving /" and records[0]["level"] == "INFO"
    assert records[0]["logger"] == "civility.test.logs" and records[0]["time"].endswith("+00:00")
    assert REQUEST_ID.get() is None  # nothing leaks into the next request on this thread


@pytest.mark.parametrize(("given", "kept"), [
    ("9f0c7a1e-2b6d-4c1a-8f7e-3d2b1a0c9e8f", True),
    ("nginx0123456789abcdef", True),
    ("short", False),
    ("has spaces and\nnewlines", False),
    ("x" * 200, False),
])
def test_a_proxy_given_id_is_kept_only_when_sane(given, kept):
    headers, _ = call(with_request_id(lambda e, s: s("200 OK", []) or [b""]), HTTP_X_REQUEST_ID=given)
    assert (headers["X-Request-ID"] == given) is kept


def test_json_lines_keep_tracebacks_and_unicode_on_one_line(json_lines):
    log, lines = json_lines
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("failed for «Ayşə»\nsecond line")
    (record,) = lines()
    assert record["message"] == "failed for «Ayşə»\nsecond line"
    assert "ValueError: boom" in record["exception"]


def test_gunicorn_access_lines_take_the_id_from_the_response_header():
    from civility.observability.gunicorn import ACCESS_FORMAT

    atoms = {"h": "203.0.113.9", "m": "GET", "U": "/healthz", "s": "200", "M": "3", "B": "11",
             "{x-request-id}o": "abc123abc123", "l": "-", "u": "-", "t": "[06/Dec/2026:20:00:00 +0000]",
             "r": "GET /healthz HTTP/1.1", "b": "11", "f": "-", "a": "curl"}
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, ACCESS_FORMAT, (), None)
    record.args = atoms  # as gunicorn passes them (a mapping, which LogRecord's constructor mangles)
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc123abc123"
    assert line["http"] == {"method": "GET", "path": "/healthz", "status": 200, "duration_ms": 3, "bytes": 11,
                            "client": "203.0.113.9"}


@pytest.mark.django_db
def test_the_wsgi_application_answers_with_a_request_id():
    from civility.wsgi import application

    headers, _ = call(application, PATH_INFO="/healthz", SERVER_NAME="127.0.0.1", SERVER_PORT="80",
                      **{"wsgi.url_scheme": "http", "wsgi.input": io.BytesIO()})
    assert len(headers["X-Request-ID"]) == 32


def test_the_log_format_setting_is_checked(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from civility.settings.env import env_choice

    monkeypatch.setenv("CIVILITY_LOG_FORMAT", "xml")
    with pytest.raises(ImproperlyConfigured, match="CIVILITY_LOG_FORMAT='xml': expected one of text, json"):
        env_choice("CIVILITY_LOG_FORMAT", "text", ("text", "json"))
