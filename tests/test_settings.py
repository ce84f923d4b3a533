"""Settings from the environment, and production settings that pass `check --deploy`."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from civility.settings import env


@pytest.mark.parametrize(("raw", "rate"), [("5/min", "5/m"), ("20/h", "20/h"), ("100/hour", "100/h"),
                                          ("10/30s", "10/30s"), ("3/minutes", "3/m"), ("off", None),
                                          ("OFF", None)])
def test_rates(monkeypatch, raw, rate):
    monkeypatch.setenv("X_RATE", raw)
    assert env.env_rate("X_RATE", "1/m") == rate


@pytest.mark.parametrize("raw", ["five/min", "5", "5/fortnight", "-1/m"])
def test_bad_rates_name_the_variable(monkeypatch, raw):
    monkeypatch.setenv("X_RATE", raw)
    with pytest.raises(ImproperlyConfigured, match="X_RATE"):
        env.env_rate("X_RATE", "1/m")


def test_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env.env_bool("X_FLAG", False)


def test_generated_secret_key_is_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    key = env.secret_key(tmp_path)
    assert len(key) >= 50 and env.secret_key(tmp_path) == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_passwords_are_hashed_with_argon2():
    from civility.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sqlite_runs_in_wal_mode(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # the test database lives in memory, where SQLite reports "memory"; a file database must be WAL
    assert mode in {"wal", "memory"}


def _civility(*args, **env_vars):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | env_vars
    return subprocess.run([sys.executable, "-m", "civility.cli", *args], capture_output=True, text=True,
                          env=environment, check=False, timeout=120)


def test_production_settings_pass_check_deploy(tmp_path):
    r = _civility("check", "--deploy", "--fail-level", "WARNING",
                  DJANGO_SETTINGS_MODULE="civility.settings.production",
                  SECRET_KEY="p" * 20 + "-Kq8zV3xWmN2rT7yL5bJ9cH4fD6gS1aE0uI",
                  CIVILITY_ALLOWED_HOSTS="comments.example.org",
                  CIVILITY_DATA_DIR=str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no issues" in r.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env_vars = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    r = subprocess.run([sys.executable, "-m", "civility.cli", "check"], capture_output=True, text=True, check=False,
                       env={**env_vars, "DJANGO_SETTINGS_MODULE": "civility.settings.production",
                            "CIVILITY_ALLOWED_HOSTS": "x.example", "CIVILITY_DATA_DIR": str(tmp_path)})
    assert r.returncode != 0
    assert "SECRET_KEY must be set" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_file_database_is_created_in_wal_mode(tmp_path):
    r = _civility("migrate", "--verbosity", "0", CIVILITY_DATA_DIR=str(tmp_path), DATABASE_URL="")
    assert r.returncode == 0, r.stderr
    import sqlite3

    with sqlite3.connect(tmp_path / "civility.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_security_headers(client, db):
    r = client.get("/accounts/login/")
    assert r["X-Frame-Options"] == "DENY"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in r["Content-Security-Policy"]
    assert "script-src 'self'" in r["Content-Security-Policy"]
    assert r["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(("name", "value", "message"), [
    ("CIVILITY_TASKS_BACKEND", "redis", "CIVILITY_TASKS_BACKEND='redis': expected one of database, immediate"),
    ("CIVILITY_WORKER_LEASE", "soon", "CIVILITY_WORKER_LEASE='soon': expected a number of seconds"),
    ("CIVILITY_WORKER_LEASE", "0", "CIVILITY_WORKER_LEASE='0': expected at least 1 seconds"),
])
def test_bad_task_settings_name_the_variable(tmp_path, name, value, message):
    r = _civility("worker", CIVILITY_DATA_DIR=str(tmp_path), **{name: value})
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr


def test_the_worker_explains_an_unmigrated_database(tmp_path):
    r = _civility("worker", CIVILITY_DATA_DIR=str(tmp_path), DATABASE_URL="", CIVILITY_TASKS_BACKEND="database")
    assert r.returncode == 1
    assert "migrations are not applied. Run `civility migrate` first." in r.stderr
    assert "Traceback" not in r.stderr
