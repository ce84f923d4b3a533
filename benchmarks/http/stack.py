"""What the HTTP benchmark runs against: the database, Redis, the server, and the machine.

Every failure a person can fix (PostgreSQL or Redis down, wrk missing, the server not
starting) raises :class:`Unavailable` with a message saying what to do; ``__main__`` prints
it and exits without a traceback.
"""

from __future__ import annotations

import os
import platform
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BIN = Path(__file__).resolve().parents[2] / ".venv" / "bin"
#: the server thinks it sits behind a TLS-terminating proxy, as in production
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


class Unavailable(Exception):
    """Something the benchmark needs is missing; the message says how to fix it."""


# ------------------------------------------------------------------ PostgreSQL and Redis


def postgres_create(url: str) -> None:
    """A fresh, empty database at ``url`` (dropped first when it exists)."""
    name = _db_name(url)
    with _postgres_admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def postgres_drop(url: str) -> None:
    name = _db_name(url)
    try:
        with _postgres_admin(url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except Unavailable:
        pass


def _db_name(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise Unavailable(f"BENCH_DATABASE_URL={url!r}: the database name must be letters, digits and '_'.")
    return name


def _postgres_admin(url: str):
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    try:
        return psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        raise Unavailable(
            f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432} ({str(exc).strip()}).\n"
            f"Start it (e.g. `pg_ctlcluster 15 main start`, as .ci/run does) or set BENCH_DATABASE_URL."
        ) from None


def redis_flush(url: str) -> None:
    """Empty the Redis database at ``url``; Unavailable when Redis does not answer."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        client.flushdb()
        client.close()
    except redis.RedisError as exc:
        raise Unavailable(
            f"Redis does not answer at {url} ({exc}).\n"
            f"Start it (e.g. `redis-server --daemonize yes`, as .ci/run does) or set BENCH_REDIS_URL."
        ) from None


# ------------------------------------------------------------------ the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def civility(*args: str, env: dict[str, str]) -> str:
    """Run a ``civility`` command to completion; its output, or Unavailable with it."""
    result = subprocess.run([str(BIN / "civility"), *args], env=env, capture_output=True, text=True,  # noqa: S603
                            check=False)
    if result.returncode:
        raise Unavailable(f"`civility {' '.join(args)}` failed:\n{result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


@dataclass
class Server:
    process: subprocess.Popen
    base: str
    log: Path

    @property
    def banner(self) -> str:
        """serve's start-up line: 'Civility (production) on …: N workers x T threads.'"""
        return next((line for line in self.log.read_text().splitlines() if "Civility (production)" in line), "")

    def workers(self) -> list[int]:
        """Process ids of the gunicorn workers (the master's children)."""
        return children(self.process.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # gunicorn: graceful shutdown
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # its own session: only our processes
                self.process.wait()


def serve(args: list[str], *, env: dict[str, str], port: int, log: Path) -> Server:
    """Start ``civility serve …`` in its own session and wait until /healthz answers."""
    with log.open("w") as out:  # gunicorn's access log goes here too: a file, never an undrained pipe
        process = subprocess.Popen([str(BIN / "civility"), "serve", *args],  # noqa: S603
                                   env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = "\n".join(log.read_text().splitlines()[-20:])
            raise Unavailable(f"`civility serve {' '.join(args)}` exited with {process.returncode}:\n{tail}")
        if _answers(server.base + "/healthz"):
            return server
        time.sleep(0.2)
    server.stop()
    raise Unavailable(f"the server did not answer {server.base}/healthz within 120 s; see {log}")


def settle(pids: list[int], *, within_s: float = 300) -> bool:
    """Wait until the server's processes are idle (under 5% of a core for half a second): they
    may still be working off requests whose clients gave up. False if they never were."""
    deadline = time.monotonic() + within_s
    before = _cpu_ticks(pids)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = _cpu_ticks(pids)
        if now - before < 0.05 * 0.5 * os.sysconf("SC_CLK_TCK"):
            return True
        before = now
    return False


def _cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, headers=PROXY_HEADERS)  # noqa: S310 (our own loopback server)
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def fetch(url: str, headers: dict[str, str], data: bytes | None = None) -> tuple[int, bytes]:
    """One request (to check a row's URL answers as expected before loading it); POST with ``data``."""
    request = urllib.request.Request(url, data=data, headers={**PROXY_HEADERS, **headers})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
        return 0, f"no answer: {exc}".encode()


# ------------------------------------------------------------------ the machine


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return sorted(out)


def memory_mib(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process in MiB. PSS divides pages shared with the preloaded master
    and the other workers between them, so it is what one more worker really costs."""
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    rollup = Path(f"/proc/{pid}/smaps_rollup")
    if rollup.exists():
        for line in rollup.read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    return rss, pss


@dataclass(frozen=True)
class Machine:
    cores: int
    cpu: str
    ram_gib: float
    load: str
    python: str

    def describe(self) -> str:
        return (f"{self.cores} cores ({self.cpu}), {self.ram_gib:.1f} GiB RAM, load average before the run "
                f"{self.load}, Python {self.python}, {platform.system()} {platform.release()}")


def machine() -> Machine:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                    if line.startswith("model name")), cpu)
    ram = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        ram = int(meminfo.read_text().split("MemTotal:")[1].split()[0]) / 1024**2
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return Machine(cores, cpu, ram, load, platform.python_version())
