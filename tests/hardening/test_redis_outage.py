"""Defect 2 of the hardening issue: with Redis down, the widget's requests must still work.

The test starts a redis-server of its own, lets the application use it (so the thread's
fast path and the cached embed origins are in play), kills it, and then drives what the
widget sends from a newspaper's page — all carrying ``Origin`` — through the real WSGI
application, as gunicorn calls it.
"""

from __future__ import annotations

import io
import json
import shutil
import socket
import subprocess
import sys
import time

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from civility.accounts.models import Role
from civility.accounts.services import token_create
from civility.comments.models import Comment, Status
from civility.wsgi import application
from tests.conftest import approve, make_user, submit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed"),
]

EMBED = "https://news.example.org"
THREAD = "/api/v1/articles/lachin-corridor/comments"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_server(settings):
    """A private redis-server, the application's cache while it lives; yields the process."""
    import redis

    port = _free_port()
    proc = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    probe = redis.Redis(port=port, socket_connect_timeout=0.5)
    deadline = time.monotonic() + 10
    while True:  # wait until it accepts connections
        try:
            probe.ping()
            break
        except redis.ConnectionError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.skip("redis-server did not start")
            time.sleep(0.05)
    before = settings.CACHES
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    yield proc
    settings.CACHES = before  # before the shared fixtures clear the cache
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def call(method: str, path: str, body: bytes = b"", **headers: str):
    """One request through the WSGI application; returns (status code, headers, body)."""
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "203.0.113.9", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr, "wsgi.multithread": True,
        "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0),
    }
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
        environ["CONTENT_TYPE"] = headers.pop("content_type", "application/json")
    environ.update({"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()})
    got = {}

    def start_response(status, response_headers, exc_info=None):
        got["status"], got["headers"] = int(status.split()[0]), {k.lower(): v for k, v in response_headers}

    # as Django's test client does: the test's transaction must survive the request signals
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        content = b"".join(result)
        getattr(result, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return got["status"], got["headers"], content


@pytest.fixture
def embedded_thread(site, article, moderator):
    site.allowed_origins = EMBED
    site.save()
    approve(moderator, submit(article, "An approved comment."))
    return article


def _widget_requests_work(moderator_token: str) -> None:
    # The thread, with the CORS header the widget's fetch needs.
    status, headers, body = call("GET", THREAD, Origin=EMBED)
    assert status == 200, body
    assert headers["access-control-allow-origin"] == EMBED
    assert "An approved comment." in json.loads(body)["comments"][0]["body_html"]

    # The preflight of the widget's JSON POST.
    status, headers, _ = call("OPTIONS", THREAD, Origin=EMBED, Access_Control_Request_Method="POST",
                              Access_Control_Request_Headers="content-type")
    assert status == 200
    assert headers["access-control-allow-origin"] == EMBED

    # Who the widget talks for.
    status, headers, body = call("GET", "/api/v1/session", Origin=EMBED)
    assert status == 200
    assert headers["access-control-allow-origin"] == EMBED
    assert json.loads(body)["authenticated"] is False

    # A reader's comment: accepted once, stored once (rate limits fail open).
    before = Comment.objects.count()
    payload = {"body": "Written while the cache was down.", "author_name": "Reader",
               "author_email": "reader@example.org"}
    status, headers, body = call("POST", THREAD, json.dumps(payload).encode(), Origin=EMBED)
    assert status == 202, body
    assert headers["access-control-allow-origin"] == EMBED
    assert Comment.objects.count() == before + 1
    new = Comment.objects.get(pk=json.loads(body)["id"])
    assert new.body == payload["body"]

    # Staff: the queue and a decision, with a bearer token.
    auth = f"Bearer {moderator_token}"
    status, _, body = call("GET", "/api/v1/moderation/queue", Authorization=auth)
    assert status == 200, body
    assert new.pk in [c["id"] for c in json.loads(body)["comments"]]
    status, _, body = call("POST", f"/api/v1/moderation/comments/{new.pk}/decision",
                           json.dumps({"action": "approve"}).encode(), Authorization=auth)
    assert status == 200, body
    new.refresh_from_db()
    assert new.status == Status.APPROVED

    # Readers see the approval at once: the page comes from the database.
    status, _, body = call("GET", THREAD, Origin=EMBED)
    assert status == 200
    assert "Written while the cache was down." in body.decode()


def test_the_widget_works_while_redis_is_down(redis_server, embedded_thread):
    token = token_create(user=make_user(Role.MODERATOR, "outage-mod"))
    # With Redis up, the same requests fill the cache: the fast path's entries and the origins.
    status, _, _ = call("GET", THREAD, Origin=EMBED)
    assert status == 200
    from django.core.cache import cache

    assert cache.get("civility:embed-origins") is not None

    redis_server.kill()
    redis_server.wait()
    _widget_requests_work(token)
    assert Comment.objects.filter(body="Written while the cache was down.").count() == 1


def test_the_widget_works_when_redis_was_never_there(redis_server, embedded_thread):
    redis_server.kill()
    redis_server.wait()
    token = token_create(user=make_user(Role.MODERATOR, "outage-mod"))
    _widget_requests_work(token)
