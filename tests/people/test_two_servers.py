"""A ban made through one app server holds on another at once: both `civility serve --production`,
sharing the database and a private Redis, as in a scaled-out setup (docs/deploy.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from tests.hardening.test_redis_outage_production import request
from tests.hardening.test_slow_clients import migrate, server
from tests.web.test_serve import PRODUCTION_ENV, _civility, _free_port

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")

THREAD = "/api/v1/articles/corridor/comments"
COMMENT = {"body": "Back again.", "author_name": "Troll", "author_email": "troll@example.org"}


def test_a_ban_made_on_one_server_is_enforced_by_the_other_at_once(tmp_path):
    port = _free_port()
    redis = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind",
                              "127.0.0.1", "--save", "", "--appendonly", "no"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import redis as redis_client

        probe, deadline = redis_client.Redis(port=port, socket_connect_timeout=0.5), time.monotonic() + 10
        while True:
            try:
                probe.ping()
                break
            except redis_client.ConnectionError:
                if redis.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("redis-server did not start")
                time.sleep(0.05)
        env = {**PRODUCTION_ENV, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
        migrate(env, tmp_path)
        setup = ("from civility.publishing.models import Article, Site; "
                 "from civility.accounts.services import user_create, token_create; "
                 "site = Site.objects.create(name='Gazette', slug='gazette'); "
                 "Article.objects.create(site=site, key='corridor', title='The corridor'); "
                 "user, _ = user_create(username='mod', role='moderator', email='mod@news.test'); "
                 "print(token_create(user=user))")
        cmd, environment = _civility("shell", "-c", setup, env={**env, "CIVILITY_DATA_DIR": str(tmp_path)})
        token = subprocess.run(cmd, env=environment, check=True, timeout=120, capture_output=True,
                               text=True).stdout.strip().splitlines()[-1]
        auth = {"Authorization": f"Bearer {token}"}
        serve = ["serve", "--production", "--workers", "1"]
        with server(serve, env, tmp_path) as one, server(serve, env, tmp_path) as two:
            assert request(two, "POST", THREAD, COMMENT)[0] == 202
            status, _, body = request(one, "POST", "/api/v1/moderation/bans",
                                      {"email": "troll@example.org", "reason": "Keeps coming back"}, **auth)
            assert status == 201, body
            status, _, body = request(two, "POST", THREAD, COMMENT)
            assert status == 403 and b'"banned"' in body

            ban_id = json.loads(request(one, "GET", "/api/v1/moderation/bans", **auth)[2])["bans"][0]["id"]
            assert request(two, "DELETE", f"/api/v1/moderation/bans/{ban_id}", **auth)[0] == 200
            assert request(one, "POST", THREAD, {**COMMENT, "body": "Sorry."})[0] == 202
    finally:
        if redis.poll() is None:
            redis.kill()
        redis.wait()
