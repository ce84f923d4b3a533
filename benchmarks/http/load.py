"""Driving wrk: one bounded run per row, after a warm-up, with status codes counted.

wrk keeps a fixed number of connections busy (closed loop): each sends its next request when
the previous answer arrives, so the rate is what the server sustains at that concurrency and
the latencies include the time a request waits for a free worker thread.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.http.stack import PROXY_HEADERS, Unavailable

SCRIPT = Path(__file__).with_name("wrk.lua")
INSTALL_HINT = ("wrk, the HTTP load generator, is not installed. Install it with "
                "`sudo apt-get install wrk` (Debian/Ubuntu) or `brew install wrk` (macOS);")


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise Unavailable(INSTALL_HINT)
    return path


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    codes: dict[int, int]
    #: socket errors and timeouts (requests that never got a status)
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def failed(self, expect: int) -> int:
        """Requests that went wrong: another status than ``expect``, or none (socket errors, timeouts)."""
        return (sum(n for code, n in self.codes.items() if code != expect)
                + sum(v for k, v in self.errors.items() if k != "status"))

    def codes_text(self) -> str:
        text = ", ".join(f"{code}: {n:,}" for code, n in sorted(self.codes.items())) or "none"
        failed = {k: v for k, v in self.errors.items() if v and k != "status"}
        if failed:
            text += "; socket " + ", ".join(f"{k} {v:,}" for k, v in failed.items())
        return text


@dataclass(frozen=True)
class Load:
    """What one wrk run sends."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    #: POST mode: a file of "ip<TAB>json body" lines and the path to post them to
    bodies: Path | None = None
    post_path: str = ""


def run(load: Load, *, seconds: float, connections: int, threads: int) -> Result:
    """One wrk run of ``seconds``; raises Unavailable when wrk fails."""
    threads = max(1, min(threads, connections))
    cmd = [wrk_path(), f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s",
           "-s", str(SCRIPT)]
    for name, value in {**PROXY_HEADERS, **load.headers}.items():
        cmd += ["-H", f"{name}: {value}"]
    cmd.append(load.url)
    if load.bodies is not None:
        cmd += ["--", "post", str(load.bodies), load.post_path, str(threads)]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
    line = next((line for line in result.stdout.splitlines() if line.startswith("BENCH_JSON ")), None)
    if result.returncode or line is None:
        raise Unavailable(f"wrk failed ({result.returncode}):\n{result.stderr.strip() or result.stdout.strip()}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    lat = data["latency_us"]
    return Result(
        requests=data["requests"], seconds=data["duration_us"] / 1e6,
        p50_ms=lat["p50"] / 1000, p90_ms=lat["p90"] / 1000, p99_ms=lat["p99"] / 1000, max_ms=lat["max"] / 1000,
        codes={int(k): v for k, v in data["codes"].items()}, errors=data["errors"],
    )
