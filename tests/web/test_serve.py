"""``civility serve``: the embedded default, and ``--production`` (workers, preload, refusals)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from civility.web.management.commands.serve import ServerConfig, default_workers
from tests.test_ratelimit import redis_url  # noqa: F401 (fixture)

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "",  # let `civility serve --production` choose the production settings
    "SECRET_KEY": "test-" + "k" * 60,
    "CIVILITY_ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": "",
}


@pytest.mark.parametrize(("cores", "workers"), [(1, 3), (2, 5), (4, 9), (5, 11), (6, 12), (64, 12)])
def test_default_workers_is_two_per_core_plus_one_capped(cores, workers):
    assert default_workers(cores) == workers


def test_production_preloads_the_app_and_the_embedded_server_does_not():
    production = ServerConfig(bind="0.0.0.0:8000", workers=5, threads=2, production=True).gunicorn()
    assert production["preload_app"] is True
    assert production["workers"] == 5 and production["worker_class"] == "civility.web.httpworker.BufferingThreadWorker"
    embedded = ServerConfig(bind="127.0.0.1:8000", workers=1, threads=8, production=False).gunicorn()
    assert "preload_app" not in embedded and embedded["workers"] == 1


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_several_workers_without_a_shared_cache_are_refused():
    with pytest.raises(CommandError, match=r"--workers 3 needs a cache that all workers share: set REDIS_URL"):
        call_command("serve", "--production", "--workers", "3")


def test_workers_without_production_are_refused():
    with pytest.raises(CommandError, match="--workers needs --production"):
        call_command("serve", "--workers", "2")


@pytest.mark.parametrize("workers", ["0", "-2"])
def test_workers_must_be_positive(workers):
    with pytest.raises(CommandError, match="--workers must be at least 1"):
        call_command("serve", "--production", "--workers", workers)


def test_unreadable_workers_variable_names_it(monkeypatch):
    monkeypatch.setenv("CIVILITY_WORKERS", "many")
    with pytest.raises(CommandError, match="CIVILITY_WORKERS='many'"):
        call_command("serve", "--production")


@override_settings(REDIS_URL="redis://127.0.0.1:1/0", CACHES={"default": {
    "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}})
def test_an_unreachable_redis_is_refused_with_its_url():
    with pytest.raises(CommandError, match=r"REDIS_URL='redis://127.0.0.1:1/0' does not answer"):
        call_command("serve", "--production", "--workers", "2")


def _civility(*args: str, env: dict[str, str], **kwargs):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | env
    environment = {k: v for k, v in environment.items() if v != "" or k == "DATABASE_URL"}
    return [sys.executable, "-m", "civility.cli", *args], environment


def test_production_refuses_an_unmigrated_database_without_a_traceback(tmp_path):
    cmd, environment = _civility("serve", "--production", "--workers", "1", "--port", "1",
                                 env={**PRODUCTION_ENV, "CIVILITY_DATA_DIR": str(tmp_path)})
    r = subprocess.run(cmd, env=environment, capture_output=True, text=True, check=False, timeout=120)
    assert r.returncode == 1
    assert "migrations are not applied. Run `civility migrate`" in r.stderr
    assert "Traceback" not in r.stderr


def test_production_without_a_secret_key_is_a_configuration_error(tmp_path):
    cmd, environment = _civility("serve", "--production", env={
        **PRODUCTION_ENV, "SECRET_KEY": "", "CIVILITY_DATA_DIR": str(tmp_path)})
    environment.pop("SECRET_KEY", None)
    r = subprocess.run(cmd, env=environment, capture_output=True, text=True, check=False, timeout=120)
    assert r.returncode == 2
    assert "SECRET_KEY must be set" in r.stderr and "Traceback" not in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, **headers: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (our own local server)
    try:
        with urllib.request.urlopen(request, timeout=5) as r:  # noqa: S310
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _wait_for(check, what: str, proc: subprocess.Popen, log: Path, deadline_s: float = 90):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            pytest.fail(f"the server exited ({proc.returncode}) while waiting for {what}:\n{log.read_text()}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}:\n{log.read_text()}")


def test_production_server_runs_preforked_workers_sharing_redis(tmp_path, redis_url):  # noqa: F811
    env = {**PRODUCTION_ENV, "CIVILITY_DATA_DIR": str(tmp_path), "REDIS_URL": redis_url, "CIVILITY_WORKERS": "2"}
    cmd, environment = _civility("migrate", "--verbosity", "0", env=env)
    subprocess.run(cmd, env=environment, check=True, timeout=120)
    port = _free_port()
    cmd, environment = _civility("serve", "--production", "--port", str(port), env=env)
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, env=environment, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(lambda: _get(f"{base}/healthz")[0] == 200, "/healthz", proc, log)
        _wait_for(lambda: log.read_text().count("Booting worker with pid") == 2, "two workers", proc, log)
        text = log.read_text()
        assert "2 workers x 1 threads" in text
        # WhiteNoise serves the widget; the proxy says the request came over HTTPS
        status, body = _get(f"{base}/static/civility/embed.js", **{"X-Forwarded-Proto": "https"})
        assert status == 200 and b"civility" in body.lower()
        # no demo data in production unless asked
        status, _ = _get(f"{base}/api/v1/articles/lachin-corridor/comments", **{"X-Forwarded-Proto": "https"})
        assert status == 404
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_a_port_in_use_is_refused_before_anything_starts(capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match=f"Cannot listen on 127.0.0.1:{port}.*--port or PORT"):
            call_command("serve", "--port", str(port), "--no-worker")
    assert "Civility is ready" not in capsys.readouterr().out


def test_the_embedded_worker_is_started_again_when_it_dies():
    """``civility serve`` keeps its background worker alive: killed, it comes back; stopped, it stays down."""
    import signal
    import sys
    import time

    from civility.web.management.commands.serve import Supervised

    sleeper = Supervised([sys.executable, "-c", "import time; time.sleep(60)"], name="sleeper", delay=(0.05, 0.2))
    sleeper.start()
    try:
        first = sleeper.child
        first.send_signal(signal.SIGKILL)
        deadline = time.monotonic() + 20
        while sleeper.starts < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sleeper.starts == 2
        assert sleeper.child is not first and sleeper.child.poll() is None
    finally:
        sleeper.stop(timeout=5)
    assert sleeper.child.poll() is not None  # stopped with the server...
    time.sleep(0.3)
    assert sleeper.starts == 2  # ...and not started again


def test_the_warm_up_leaves_what_it_loaded_to_no_garbage_collection(db):
    """Loaded before the fork, the models and word lists are frozen: full collections in the
    workers then skip them (they used to pause a worker for 60-110 ms each)."""
    import gc

    from civility.web.management.commands.serve import _warm_up

    gc.unfreeze()
    try:
        _warm_up()
        assert gc.get_freeze_count() > 100_000
    finally:
        gc.unfreeze()
