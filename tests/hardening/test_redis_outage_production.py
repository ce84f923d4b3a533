"""Defect 2 against the real thing: `civility serve --production` keeps answering when Redis dies.

test_redis_outage.py drives the WSGI application in-process; this one starts a private
redis-server, two gunicorn workers that use it for the cache, the rate limits and the
thread fast path, kills the redis-server, and sends what the widget sends from a
newspaper's page (each request with ``Origin``). Every answer is the normal one, and the
comment whose POST was answered is stored exactly once.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import time
import urllib.request

import pytest

from tests.hardening.test_slow_clients import migrate, server
from tests.web.test_serve import PRODUCTION_ENV, _civility, _free_port

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")

EMBED = "https://news.example.org"
THREAD = "/api/v1/articles/corridor/comments"


def request(base: str, method: str, path: str, body: dict | None = None, **headers: str):
    headers.setdefault("X-Forwarded-Proto", "https")  # as the TLS proxy in front of it says
    data = json.dumps(body).encode() if body is not None else None
    if data is not None:
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(req, timeout=15) as r:  # noqa: S310 (our own local server)
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def test_production_answers_the_widget_with_redis_killed(tmp_path):
    port = _free_port()
    redis = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind",
                              "127.0.0.1", "--save", "", "--appendonly", "no"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import redis as redis_client

        probe = redis_client.Redis(port=port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + 10
        while True:  # it answers before the app is pointed at it
            try:
                probe.ping()
                break
            except redis_client.ConnectionError:
                if redis.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("redis-server did not start")
                time.sleep(0.05)
        env = {**PRODUCTION_ENV, "REDIS_URL": f"redis://127.0.0.1:{port}/0", "CIVILITY_EMBED_ORIGINS": EMBED}
        migrate(env, tmp_path)
        setup = ("from civility.publishing.models import Article, Site; "
                 "site = Site.objects.create(name='Gazette', slug='gazette'); "
                 "Article.objects.create(site=site, key='corridor', title='The corridor')")
        cmd, environment = _civility("shell", "-c", setup, env={**env, "CIVILITY_DATA_DIR": str(tmp_path)})
        subprocess.run(cmd, env=environment, check=True, timeout=120, capture_output=True)
        with server(["serve", "--production", "--workers", "2"], env, tmp_path) as base:
            status, headers, _ = request(base, "GET", THREAD, Origin=EMBED)
            assert status == 200  # the fast path has the page now
            assert headers.get("Access-Control-Allow-Origin") == EMBED
            assert probe.dbsize() > 0  # the servers used this Redis (fast path, origins, limits)
            redis.kill()
            redis.wait()

            status, headers, body = request(base, "GET", THREAD, Origin=EMBED)
            assert status == 200 and "comments" in json.loads(body)
            assert headers.get("Access-Control-Allow-Origin") == EMBED
            status, headers, _ = request(base, "OPTIONS", THREAD, Origin=EMBED,
                                         **{"Access-Control-Request-Method": "POST",
                                            "Access-Control-Request-Headers": "content-type"})
            assert status == 200 and headers.get("Access-Control-Allow-Origin") == EMBED
            status, _, body = request(base, "GET", "/api/v1/session", Origin=EMBED)
            assert status == 200 and json.loads(body)["authenticated"] is False
            status, _, body = request(base, "POST", THREAD, {"body": "Still here when the cache is gone.",
                                                             "author_name": "Ani", "author_email": "ani@example.org"},
                                      Origin=EMBED)
            assert status == 202, body
            assert json.loads(body)["status"] == "pending"
            status, _, _ = request(base, "GET", "/healthz")
            assert status == 200
    finally:
        if redis.poll() is None:
            redis.kill()
        redis.wait()
    with sqlite3.connect(tmp_path / "civility.sqlite3") as db:
        [(stored,)] = db.execute("SELECT COUNT(*) FROM comments_comment WHERE body = ?",
                                 ("Still here when the cache is gone.",)).fetchall()
    assert stored == 1
