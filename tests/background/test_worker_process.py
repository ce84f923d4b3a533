"""Real ``civility worker`` processes: one killed mid-task, and the one ``civility serve`` starts.

They share a SQLite file (the test database lives in memory, out of their reach); the
PostgreSQL + Redis version runs in .ci/scale-scenario.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment |= {"DJANGO_SETTINGS_MODULE": "civility.settings.base", "CIVILITY_DATA_DIR": str(tmp_path),
                    "DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}", "CIVILITY_TASKS_BACKEND": "database",
                    "CIVILITY_WORKER_LEASE": "1.5", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "civility.cli", "migrate", "--verbosity", "0"], env=environment,
                   cwd=ROOT, check=True, timeout=120)
    return environment


def query(tmp_path: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(tmp_path / "queue.sqlite3", timeout=10) as db:
        return db.execute(sql, params).fetchall()


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("a") as out:
        return subprocess.Popen([sys.executable, "-m", "civility.cli", *args], env=env, cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT)


def wait_for(check, what: str, log: Path, deadline_s: float = 60):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what}:\n{log.read_text()}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_a_task_whose_worker_is_killed_is_finished_by_the_next_worker(tmp_path, env):
    marks = tmp_path / "marks"
    marks.mkdir()
    enqueue = f"from tests.background.tasks import hold; print(hold.enqueue({str(marks)!r}).id)"
    out = subprocess.run([sys.executable, "-m", "civility.cli", "shell", "-c", enqueue], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=60)
    task_id = out.stdout.split()[-1].replace("-", "")
    # only the task under test (workers also queue their periodic ones, CIVILITY_PERIODIC_TASKS)
    hold = "FROM django_tasks_database_dbtaskresult WHERE task_path = 'tests.background.tasks.hold'"
    status = lambda: query(tmp_path, f"SELECT status {hold}")[0][0]  # noqa: E731
    log = tmp_path / "workers.log"

    first = start(["worker", "--interval", "0.2"], env, log)
    try:
        wait_for(lambda: (marks / "attempt-1").exists(), "the first attempt to start", log)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        stop(first)
    assert status() == "RUNNING"  # django-tasks-db alone would leave it so for ever
    assert not (marks / "done").exists()

    second = start(["worker", "--interval", "0.2"], env, log)
    try:
        wait_for(lambda: status() == "SUCCESSFUL", "the second worker to finish the task", log)
    finally:
        stop(second)
    assert (marks / "done").read_text() == "2"
    assert (marks / "attempt-2").read_text() == str(second.pid)
    ((row_id, worker_ids),) = query(tmp_path, f"SELECT id, worker_ids {hold}")
    assert row_id.replace("-", "") == task_id
    assert str(first.pid) in worker_ids and str(second.pid) in worker_ids
    assert "queued again: its worker" in log.read_text()
    assert "Traceback" not in log.read_text()


def test_plain_serve_runs_a_worker_that_stops_with_it(tmp_path, env):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    server = start(["serve", "--port", str(port), "--no-demo"], env, log)
    try:
        wait_for(lambda: query(tmp_path, "SELECT pid FROM background_workerbeat"), "the worker to report", log)
        (pid,) = query(tmp_path, "SELECT pid FROM background_workerbeat")[0]
        assert pid != server.pid
    finally:
        stop(server)
    assert server.returncode == 0
    wait_for(lambda: not _alive(pid), "the worker to stop", log, deadline_s=30)
    assert query(tmp_path, "SELECT count(*) FROM background_workerbeat") == [(0,)]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
