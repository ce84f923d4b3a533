"""The HTTP benchmark's own logic: verdicts, status reporting, and clear exits when a
dependency is missing. (The benchmark itself runs with `make bench`, never in the suite.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.http.__main__ import GET_TARGET, QUEUE_TARGET
from benchmarks.http.load import Result

ROOT = Path(__file__).resolve().parents[1]


def result(**kw) -> Result:
    values = {"requests": 100, "seconds": 1.0, "p50_ms": 5.0, "p90_ms": 8.0, "p99_ms": 10.0, "max_ms": 12.0,
              "codes": {200: 100}} | kw
    return Result(**values)


def test_non_2xx_and_socket_errors_are_shown():
    r = result(codes={200: 90, 500: 7, 429: 3}, errors={"connect": 0, "read": 2, "write": 0, "status": 10,
                                                       "timeout": 1})
    assert r.codes_text() == "200: 90, 429: 3, 500: 7; socket read 2, timeout 1"
    assert r.failed(200) == 13  # 10 other statuses, a read error and a timeout ("status" counts answers)


def test_a_post_row_that_expects_202_counts_200s_as_failures():
    assert result(codes={202: 95, 200: 5}).failed(202) == 5
    assert result(codes={202: 100}, errors={"status": 100}).failed(202) == 0


@pytest.mark.parametrize(("rps", "p99", "failed", "requests", "met"), [
    (3500, 15, 0, 35_000, "yes"),
    (2500, 15, 0, 25_000, "**no**"),  # too slow a rate
    (3500, 25, 0, 35_000, "**no**"),  # too slow a tail
    (3500, 15, 1, 35_000, "**no**"),  # one failed request fails the row
    (0, 0, 0, 0, "**no**"),           # nothing completed is not a pass
])
def test_verdict(rps, p99, failed, requests, met):
    assert GET_TARGET.met(rps, p99, failed, requests) == met


def test_a_latency_only_target_ignores_the_rate():
    assert QUEUE_TARGET.met(3, 140, 0, 30) == "yes"


def _bench(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "benchmarks.http", "--seconds", "1"], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=120, check=False)


def test_without_wrk_it_says_how_to_install_it(tmp_path):
    done = _bench({"PATH": str(tmp_path)})
    assert done.returncode == 2
    assert "apt-get install wrk" in done.stderr
    assert "Traceback" not in done.stderr


def test_unreachable_postgres_is_a_message_not_a_traceback(tmp_path):
    wrk = tmp_path / "wrk"
    wrk.write_text("#!/bin/sh\nexit 1\n")
    wrk.chmod(0o755)
    done = _bench({"PATH": f"{tmp_path}:{os.environ.get('PATH', '')}", "BENCH_DB": "postgres",
                   "BENCH_DATABASE_URL": "postgres://postgres@127.0.0.1:1/civility_bench"})
    assert done.returncode == 2
    assert "PostgreSQL does not answer at 127.0.0.1:1" in done.stderr
    assert "Traceback" not in done.stderr
