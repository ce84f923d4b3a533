"""`/metrics` and JSON logs under `civility serve --production` with two gunicorn workers.

Each worker counts in files of its own (prometheus-client's multiprocess mode); whichever
worker answers a scrape adds them all up, so every scrape reports the same totals. With
``CIVILITY_LOG_FORMAT=json`` every log line is a JSON object, and a request's lines (the
access line included) carry the id its response sent as ``X-Request-ID``.
"""

from __future__ import annotations

import json
import subprocess

from prometheus_client.parser import text_string_to_metric_families

from tests.hardening.test_redis_outage_production import request
from tests.hardening.test_slow_clients import migrate, server
from tests.test_ratelimit import redis_url  # noqa: F401 (fixture)
from tests.web.test_serve import PRODUCTION_ENV, _civility

TOKEN = "scrape-" + "s" * 40
EMBED = "https://news.example.org"
HEALTHZ = ("civility_http_request_duration_seconds_count", (("method", "GET"), ("route", "healthz"),
                                                            ("status", "2xx")))


def civility(env, tmp_path, *args: str) -> str:
    cmd, environment = _civility(*args, env={**env, "CIVILITY_DATA_DIR": str(tmp_path)})
    return subprocess.run(cmd, env=environment, check=True, timeout=120, capture_output=True, text=True).stdout


def samples(body: bytes) -> dict:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(body.decode()) for s in family.samples}


def test_metrics_add_up_the_workers_and_need_the_token(tmp_path, redis_url):  # noqa: F811
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_999999.db").write_bytes(b"left by an earlier run")
    env = {**PRODUCTION_ENV, "REDIS_URL": redis_url, "CIVILITY_EMBED_ORIGINS": EMBED,
           "CIVILITY_METRICS_TOKEN": TOKEN, "CIVILITY_SUBMIT_RATE_PER_IP": "1/min",
           "PROMETHEUS_MULTIPROC_DIR": str(folder), "CIVILITY_LOG_FORMAT": "json"}
    migrate(env, tmp_path)
    civility(env, tmp_path, "site", "create", "gazette", "--name", "Gazette")
    civility(env, tmp_path, "article", "create", "corridor", "--title", "The corridor")
    civility(env, tmp_path, "user", "create", "mira", "--role", "moderator")
    token = civility(env, tmp_path, "user", "token", "mira").strip()

    with server(["serve", "--production", "--workers", "2"], env, tmp_path) as base:
        assert not (folder / "counter_999999.db").exists()  # an earlier run's counts are not added
        status, _, body = request(base, "GET", "/metrics", Authorization=f"Bearer {TOKEN}")
        assert status == 200
        probes = samples(body)[HEALTHZ]  # server() waited for /healthz: at least one answered
        ids = set()
        for _ in range(10):
            status, headers, _ = request(base, "GET", "/healthz")
            assert status == 200
            ids.add(headers["X-Request-ID"])
        assert len(ids) == 10
        status, headers, _ = request(base, "GET", "/no-such-page", **{"X-Request-ID": "proxy-given-id-42"})
        assert status == 404 and headers["X-Request-ID"] == "proxy-given-id-42"
        comment = {"body": "A civil remark.", "author_name": "Ayşə", "author_email": "a@example.org"}
        status, _, body = request(base, "POST", "/api/v1/articles/corridor/comments", comment, Origin=EMBED)
        assert status == 202, body
        comment_id = json.loads(body)["id"]
        status, _, _ = request(base, "POST", "/api/v1/articles/corridor/comments", comment, Origin=EMBED)
        assert status == 429
        status, _, body = request(base, "POST", f"/api/v1/moderation/comments/{comment_id}/decision",
                                  {"action": "reject", "reason": "spam"}, Authorization=f"Bearer {token}")
        assert status == 200, body

        # without the token: refused (and /metrics is answered over plain HTTP, like /healthz)
        status, headers, _ = request(base, "GET", "/metrics", **{"X-Forwarded-Proto": "http"})
        assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
        assert request(base, "GET", "/metrics", Authorization="Bearer nope")[0] == 401

        scrapes = []
        for _ in range(6):  # answered by either worker
            status, headers, body = request(base, "GET", "/metrics", Authorization=f"Bearer {TOKEN}",
                                            **{"X-Forwarded-Proto": "http"})
            assert status == 200 and headers["Content-Type"].startswith("text/plain; version=")
            scrapes.append(samples(body))
        assert len({p.name.split("_")[-1] for p in folder.glob("*.db")}) >= 2  # the master's and workers' files

    lines = [line for line in (tmp_path / "server.log").read_text().splitlines()
             if line.strip() and not line.startswith("Civility (production) on ")]  # the command's banner
    records = [json.loads(line) for line in lines]  # every log line is JSON
    assert {"time", "level", "logger", "message", "request_id", "process"} <= set(records[0])
    access = {r["request_id"]: r for r in records if r["logger"] == "gunicorn.access"}
    assert ids <= set(access)  # each /healthz access line has its request's id
    assert access["proxy-given-id-42"]["http"]["status"] == 404
    assert access["proxy-given-id-42"]["http"]["path"] == "/no-such-page"
    # Django's own line about the 404 was written while that request was served: it has its id
    assert any(r["logger"] == "django.request" and r["request_id"] == "proxy-given-id-42" for r in records)

    for seen in scrapes:
        assert seen[HEALTHZ] == probes + 10
        assert seen[("civility_comments_submitted_total", ())] == 1
        assert seen[("civility_rate_limited_total", (("limit", "submit-ip"),))] == 1
        assert seen[("civility_decisions_total", (("action", "reject"), ("reason", "spam")))] == 1
        assert seen[("civility_triage_duration_seconds_count", ())] == 1
        assert seen[("civility_comments_pending", ())] == 0
        assert seen[("civility_comments_oldest_pending_age_seconds", ())] == 0
        assert seen[("civility_background_tasks", (("state", "failed"),))] == 0
        assert seen[("civility_metrics_database_up", ())] == 1
        posts = [v for (name, labels), v in seen.items() if name == "civility_http_request_duration_seconds_count"
                 and ("method", "POST") in labels and ("status", "4xx") in labels]
        assert posts == [1]  # the refused submission, under its route
