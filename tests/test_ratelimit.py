"""Rate limits shared by every process once REDIS_URL is set, and skipped when the cache is down.

The Redis tests use the local Redis (``CIVILITY_TEST_REDIS_URL``, default
``redis://127.0.0.1:6379/0``) with keys unique to this run (daily windows, so that two counts never straddle one; the
keys expire by themselves: ``cache.clear()`` would flush the whole Redis database), and are skipped when it does not
answer, unless ``CIVILITY_REQUIRE_REDIS=1`` (CI), which makes them fail instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from django.test import RequestFactory, override_settings

from civility.errors import RateLimited
from civility.ratelimit import submission_check

REDIS_URL = os.environ.get("CIVILITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(scope="session")
def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        reason = f"Redis at {REDIS_URL} does not answer ({exc}); set CIVILITY_TEST_REDIS_URL or start redis-server"
        if os.environ.get("CIVILITY_REQUIRE_REDIS") == "1":
            pytest.fail(reason + " (CIVILITY_REQUIRE_REDIS=1)")
        pytest.skip(reason)
    return REDIS_URL


_PROBE = """
import sys
import django
django.setup()
from django.core.cache import caches
from django.test import RequestFactory
from civility.errors import RateLimited
from civility.ratelimit import submission_check
try:
    submission_check(RequestFactory().post("/"), email=sys.argv[1])
    outcome = "allowed"
except RateLimited:
    outcome = "limited"
print(type(caches["default"]).__name__, outcome)
"""


def _probe(email: str, tmp_path, **env: str) -> str:
    """One separate Python process counts one submission from ``email``."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "DJANGO_SETTINGS_MODULE": "civility.settings.base", "CIVILITY_DATA_DIR": str(tmp_path),
        "CIVILITY_SUBMIT_RATE_PER_IP": "off", "CIVILITY_SUBMIT_RATE_PER_EMAIL": "1/d", **env,
    }
    r = subprocess.run([sys.executable, "-c", _PROBE, email], capture_output=True, text=True, env=environment,
                       check=False, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_two_processes_share_one_counter_through_redis(redis_url, tmp_path):
    email = f"{uuid.uuid4().hex}@example.org"  # keys unique to this run
    assert _probe(email, tmp_path, REDIS_URL=redis_url) == "RedisCache allowed"
    assert _probe(email, tmp_path, REDIS_URL=redis_url) == "RedisCache limited"


def test_without_redis_each_process_counts_alone(tmp_path):
    email = f"{uuid.uuid4().hex}@example.org"
    assert _probe(email, tmp_path, REDIS_URL="") == "LocMemCache allowed"
    assert _probe(email, tmp_path, REDIS_URL="") == "LocMemCache allowed"


def _redis_settings(url: str, prefix: str) -> dict:
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                        "KEY_PREFIX": prefix, "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}


def test_two_cache_clients_in_one_process_share_the_counter(redis_url):
    from django.core.cache import caches

    prefix = f"civility-test-{uuid.uuid4().hex}"
    request = RequestFactory().post("/")
    with override_settings(CACHES=_redis_settings(redis_url, prefix), CIVILITY_SUBMIT_RATE_PER_IP=None,
                           CIVILITY_SUBMIT_RATE_PER_EMAIL="2/d"):
        submission_check(request, email="a@example.org")
        first = caches["default"]
        caches.close_all()
        del caches["default"]  # a fresh client with its own connection pool
        assert caches["default"] is not first
        submission_check(request, email="a@example.org")
        with pytest.raises(RateLimited):
            submission_check(request, email="a@example.org")


@override_settings(CACHES=_redis_settings("redis://127.0.0.1:1/0", "nowhere"), CIVILITY_SUBMIT_RATE_PER_IP="1/h")
def test_an_unreachable_cache_lets_submissions_through(caplog):
    request = RequestFactory().post("/")
    for _ in range(3):
        submission_check(request, email="")
    assert "rate limit submit-ip not checked" in caplog.text
