"""HTTP benchmark: the production server under wrk, on loopback, with a seeded database.

    .venv/bin/python -m benchmarks.http            # make bench
    BENCH_DB=postgres .venv/bin/python -m benchmarks.http
    BENCH_SECONDS=5 .venv/bin/python -m benchmarks.http

Starts ``civility serve --production`` in a throw-away data directory, seeds it (see
``seed.py``), loads each endpoint for BENCH_SECONDS after a warm-up, and prints a markdown
table with the targets next to the measurements. docs/benchmarks.md explains every row.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import secrets
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.http import load, stack
from benchmarks.http.stack import Unavailable


@dataclass(frozen=True)
class Target:
    text: str
    min_rps: float | None = None
    max_p99_ms: float | None = None

    def met(self, rps: float, p99_ms: float, failed: int, requests: int) -> str:
        ok = (requests > 0 and not failed and (self.min_rps is None or rps >= self.min_rps)
              and (self.max_p99_ms is None or p99_ms < self.max_p99_ms))
        return "yes" if ok else "**no**"


GET_TARGET = Target("≥ 3,000 rps, p99 < 20 ms", 3000, 20)
POST_TARGET = Target("≥ 400 rps, p99 < 100 ms", 400, 100)
QUEUE_TARGET = Target("p99 < 150 ms", None, 150)
#: a copy-paste campaign must not slow submissions below this share of the ordinary POST rate
FLOOD_SHARE = 0.5
#: greetings in front of the flood's copies (with a running number: every copy is another text)
FLOOD_PREFIXES = ("Read this:", "Friends,", "Everyone, share!", "Wake up:", "Truth:", "Listen,", "Please read.")
MEMORY_TARGET_MIB = 300


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        raise Unavailable(f"{name}={raw!r} is not a number") from None


def _env_int(name: str, default: int) -> int:
    value = _env_float(name, default)
    if value != int(value) or value < 0:
        raise Unavailable(f"{name}={value:g} is not a whole number ≥ 0")
    return int(value)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default=os.environ.get("BENCH_DB") or "sqlite")
    parser.add_argument("--seconds", type=float, default=None, help="per row (default $BENCH_SECONDS or 10)")
    parser.add_argument("--warmup", type=float, default=None, help="per row (default $BENCH_WARMUP or 3)")
    parser.add_argument("--workers", default=os.environ.get("BENCH_WORKERS") or None,
                        help="serve's --workers (default: what serve picks)")
    parser.add_argument("--connections", type=int, default=None,
                        help="wrk connections (default $BENCH_CONNECTIONS, else 2 x workers x threads)")
    parser.add_argument("--keep", action="store_true", help="keep the data directory and database")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.db not in ("sqlite", "postgres"):
        raise Unavailable(f"BENCH_DB={args.db!r}: use sqlite or postgres")
    args.seconds = args.seconds if args.seconds is not None else _env_float("BENCH_SECONDS", 10)
    args.warmup = args.warmup if args.warmup is not None else _env_float("BENCH_WARMUP", 3)
    args.connections = args.connections or _env_int("BENCH_CONNECTIONS", 0)
    args.queue_connections = _env_int("BENCH_QUEUE_CONNECTIONS", 2)
    return args


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.rng = random.Random(args.seed)
        self.tmp = Path(tempfile.mkdtemp(prefix="civility-http-bench-"))
        self.notes: list[str] = []
        self.rows: list[str] = []
        self.database_url = ""
        self.redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
        self.redis = False

    # ------------------------------------------------------------------ set-up

    def environment(self) -> dict[str, str]:
        if self.args.db == "postgres":
            self.database_url = os.environ.get("BENCH_DATABASE_URL",
                                               "postgres://postgres@127.0.0.1:5432/civility_bench")
            stack.postgres_create(self.database_url)
        else:
            self.database_url = f"sqlite:///{self.tmp / 'civility.sqlite3'}"
        try:
            stack.redis_flush(self.redis_url)
            self.redis = True
        except Unavailable as exc:
            if self.args.db == "postgres":
                raise
            self.notes.append(f"No Redis ({str(exc).splitlines()[0]}): `civility serve --production` runs "
                              "one worker without a shared cache, so this run used --workers 1.")
            self.args.workers = "1"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "civility.settings.production",
            "CIVILITY_DATA_DIR": str(self.tmp),
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "CIVILITY_ALLOWED_HOSTS": "127.0.0.1",
            "CIVILITY_SUBMIT_RATE_PER_IP": "off",
            "CIVILITY_SUBMIT_RATE_PER_EMAIL": "off",
            # behind one proxy: X-Forwarded-For carries each simulated reader's address
            "CIVILITY_TRUSTED_PROXIES": "1",
            "CIVILITY_DEMO": "false",
            "CIVILITY_LOG_LEVEL": "WARNING",
        }
        if self.redis:
            env["REDIS_URL"] = self.redis_url
        else:
            env.pop("REDIS_URL", None)
        return env

    def seed(self, env: dict[str, str]):
        started = time.monotonic()
        stack.civility("migrate", "--no-input", env=env)
        os.environ.update(env)
        import django

        django.setup()
        from benchmarks.http import seed

        self.texts, source = seed.corpus(self.rng)
        seeded = seed.seed(self.texts, rng=self.rng, processes=stack.machine().cores)
        self.post_texts = self.texts[sum(seed.THREAD_SIZES) + seed.PENDING_TEXTS:]
        print(f"seeded in {time.monotonic() - started:.0f} s: threads of "
              f"{', '.join(f'{n:,}' for n in seeded.thread_keys)} approved comments, {seeded.pending:,} pending; "
              f"texts: {source}", flush=True)
        return seeded

    # ------------------------------------------------------------------ rows

    def measure(self, name: str, work: load.Load, target: Target, expect: int,
                connections: int | None = None, warm: Path | None = None) -> load.Result:
        """One row: warm-up, then BENCH_SECONDS of wrk; ``self.alone_ms`` comes from :meth:`check`.
        ``warm``: the bodies to POST during the warm-up (default: unused texts)."""
        print(f"  {name} …", flush=True)
        connections = connections or self.connections
        if self.args.warmup > 0:
            warm_work = (load.Load(work.url, work.headers, warm, work.post_path) if warm is not None
                         else self._warm(work))
            load.run(warm_work, seconds=self.args.warmup, connections=connections, threads=self.threads)
        result = load.run(work, seconds=self.args.seconds, connections=connections, threads=self.threads)
        # requests wrk gave up on must not slow the next row
        if not stack.settle([self.server.process.pid, *self.server.workers()]):
            self.notes.append(f"After {name} the server was still busy 5 minutes later.")
        failed = result.failed(expect)
        if not result.requests:
            self.notes.append(f"{name}: no request completed within the row's {self.args.seconds:g} s (each took "
                              f"longer than that under this load; wrk counts only completed requests).")
        met = target.met(result.rps, result.p99_ms, failed, result.requests)
        self.rows.append(f"| {name} | {result.requests:,} | {result.rps:,.0f} | {result.p50_ms:.1f} | "
                         f"{result.p99_ms:.1f} | {self.alone_ms:.1f} | {target.text} | {met} | {result.codes_text()} |")
        return result

    def _warm(self, work: load.Load) -> load.Load:
        if work.bodies is None:
            return work
        return load.Load(work.url, work.headers, self._bodies("warm", int(self.args.warmup * 600)), work.post_path)

    def _bodies(self, name: str, count: int) -> Path:
        """Comment submissions, one "ip<TAB>json" line each, from texts no earlier run used."""
        from benchmarks.http.seed import client_ip, commenter

        texts = self._take(name, max(3, count))
        path = self.tmp / f"bodies-{name}.txt"
        with path.open("w") as out:
            for text in texts:
                author, email = commenter(self.rng.randrange(30_000))
                out.write(client_ip(self.rng) + "\t"
                          + json.dumps({"body": text, "author_name": author, "author_email": email}) + "\n")
        return path

    def _take(self, name: str, count: int) -> list[str]:
        """``count`` texts no earlier row used; seeded ones (already stored) when they run out, said so."""
        texts, self.post_texts = self.post_texts[:count], self.post_texts[count:]
        if len(texts) < count:
            self.notes.append(f"Only {len(texts):,} unused texts were left for {name}: it reuses seeded texts.")
            texts = texts + self.texts[:count - len(texts)]
        return texts

    def check(self, url: str, headers: dict[str, str], expect: int, posts: list[tuple[str, str]] = ()) -> bytes:
        """Fetch ``url`` three times, one at a time: what it answers, and how fast with no load.
        With ``posts`` ((client address, JSON body) each), POST those instead."""
        times = []
        for i in range(3):
            started = time.perf_counter()
            if posts:
                ip, data = posts[i % len(posts)]
                status, body = stack.fetch(url, {**headers, "X-Forwarded-For": ip}, data.encode())
            else:
                status, body = stack.fetch(url, headers)
            times.append((time.perf_counter() - started) * 1000)
            if status != expect:
                self.notes.append(f"Before its row, {url} answered {status or 'nothing'}, not {expect}: "
                                  f"{body[:300]!r}")
                break
        self.alone_ms = min(times)
        return body

    # ------------------------------------------------------------------ the run

    def run(self) -> None:
        load.wrk_path()
        info = stack.machine()
        env = self.environment()
        seeded = self.seed(env)
        port = stack.free_port()
        serve_args = ["--production", "--port", str(port)]
        if self.args.workers:
            serve_args += ["--workers", str(self.args.workers)]
        server = stack.serve(serve_args, env=env, port=port, log=self.tmp / "server.log")
        try:
            banner = server.banner
            found = re.search(r"(\d+) workers x (\d+) threads", banner)
            if not found:
                raise Unavailable(f"`civility serve --production` did not name its workers and threads: {banner!r}")
            workers, threads = int(found[1]), int(found[2])
            # twice what the server serves at once: requests queue, as in a burst
            self.connections = self.args.connections or 2 * workers * threads
            self.threads = min(info.cores, self.connections)
            self.queue_connections = self.args.queue_connections
            print(f"server: {banner.strip()} wrk: {self.connections} connections, {self.threads} threads, "
                  f"{self.args.seconds:g} s per row after {self.args.warmup:g} s warm-up", flush=True)
            self.server = server
            self.load_rows(server.base, seeded)
            memory = [stack.memory_mib(pid) for pid in server.workers()]
        finally:
            server.stop()
        errors = [line for line in (self.tmp / "server.log").read_text().splitlines()
                  if "Traceback" in line or " ERROR " in line or "[ERROR]" in line]
        if errors:
            self.notes.append(f"The server logged {len(errors)} errors, e.g. {errors[0][:200]}")
        print("  triage throughput …", flush=True)
        self.triage_row(info.cores)
        print("  civility worker …", flush=True)
        self.worker_row(info.cores, env)
        self.memory_row(memory)
        self.report(info, banner, workers, threads)

    def load_rows(self, base: str, seeded) -> None:
        api = base + "/api/v1"
        for size, key in seeded.thread_keys.items():
            url = f"{api}/articles/{key}/comments"
            page = json.loads(self.check(url, {}, 200) or b"{}")
            tops = sum(1 for c in page.get("comments", []) if c.get("parent_id") is None)
            self.measure(f"thread GET, {size:,} approved (first page: {tops} top-level + replies)",
                         load.Load(url), GET_TARGET, 200)
        bearer = {"Authorization": f"Bearer {seeded.token}"}
        queue = json.loads(self.check(api + "/moderation/queue", bearer, 200) or b"{}")
        # Moderators are few: the queue rows keep QUEUE_CONNECTIONS of them paging without a pause.
        self.measure(f"queue API, {queue.get('count', 0):,} pending (50 a page, bearer token; "
                     f"{self.queue_connections} connections)",
                     load.Load(api + "/moderation/queue", bearer), QUEUE_TARGET, 200, self.queue_connections)
        cookie = {"Cookie": seeded.session_cookie}
        self.check(base + "/moderation/", cookie, 200)
        self.measure(f"queue page /moderation/, {seeded.pending:,}+ pending (session; "
                     f"{self.queue_connections} connections)",
                     load.Load(base + "/moderation/", cookie), QUEUE_TARGET, 200, self.queue_connections)
        path = f"/api/v1/articles/{seeded.thread_keys[min(seeded.thread_keys)]}/comments"
        headers = {"Content-Type": "application/json", "User-Agent": "Mozilla/5.0 (bench) Firefox/128.0"}
        probe = self._bodies("check", 3)
        self.check(base + path, headers, 202, [tuple(line.split("\t", 1)) for line in probe.read_text().splitlines()])
        bodies = self._bodies("measure", int(self.args.seconds * 1000))
        ordinary = self.measure("comment POST, full synchronous triage (202)",
                                load.Load(base + path, headers, bodies, path), POST_TARGET, 202)
        self.flood_row(base, path, headers, ordinary)

    def flood_row(self, base: str, path: str, headers: dict[str, str], ordinary: load.Result) -> None:
        """A copy-paste campaign: one text over and over, each copy behind another prefix and from
        another commenter, so each is a new near-duplicate of all the earlier ones (issue 15.8)."""
        text = self._campaign_text()
        per_second = 1000
        warm = self._flood_bodies("flood-warm", text, int(self.args.warmup * per_second), start=0)
        bodies = self._flood_bodies("flood", text, int(self.args.seconds * per_second),
                                    start=int(self.args.warmup * per_second))
        target = Target(f"≥ {FLOOD_SHARE:.0%} of the comment POST row ({FLOOD_SHARE * ordinary.rps:,.0f} rps)",
                        FLOOD_SHARE * ordinary.rps)
        self.check(base + path, headers, 202,
                   [tuple(line.split("\t", 1)) for line in warm.read_text().splitlines()[:3]])
        self.measure("flood of one text: comment POST of a campaign's copies, each with another prefix (202)",
                     load.Load(base + path, headers, bodies, path), target, 202, warm=warm)

    def _campaign_text(self) -> str:
        """An unused text long enough to be compared by near-duplicate (≥ 25 words)."""
        for i, text in enumerate(self.post_texts):
            if len(text.split()) >= 25:
                del self.post_texts[i]
                return text
        return ("The ministry has hidden the truth about the corridor for months while families wait at the "
                "checkpoint without medicine. Share this everywhere, call your deputy today and demand that the "
                "road is opened before winter comes, before more people die waiting.")

    def _flood_bodies(self, name: str, text: str, count: int, *, start: int) -> Path:
        from benchmarks.http.seed import client_ip

        path = self.tmp / f"bodies-{name}.txt"
        with path.open("w") as out:
            for n in range(start, start + max(3, count)):
                body = f"{FLOOD_PREFIXES[n % len(FLOOD_PREFIXES)]} {n} {text}"
                out.write(client_ip(self.rng) + "\t" + json.dumps(
                    {"body": body, "author_name": f"Campaigner {n}", "author_email": f"campaigner{n}@example.org"}
                ) + "\n")
        return path

    def triage_row(self, cores: int) -> None:
        from benchmarks.http import triage_rate

        texts = self._take("the triage row", int(self.args.seconds * 400 * cores))
        result = triage_rate.measure(texts, seconds=self.args.seconds, processes=cores, rng=self.rng)
        self._throughput_row(f"triage throughput, in-process: `triage_comment` on stored pending comments, "
                             f"{result.processes} processes (not through `civility worker`; no HTTP)", result)

    def worker_row(self, cores: int, env: dict[str, str]) -> None:
        from benchmarks.http import worker_rate

        if not worker_rate.available():
            self.notes.append("No `civility worker` with a database task queue here: no tasks/s row.")
            return
        # enqueueing costs an INSERT each
        texts = self._take("the worker row", int(self.args.seconds * 100 * cores))
        result = worker_rate.measure(texts, seconds=self.args.seconds, processes=cores, rng=self.rng, env=env,
                                     log=self.tmp / "worker.log")
        self._throughput_row(f"triage tasks through `civility worker` ({result.processes} processes, "
                             f"`triage_again` tasks from the database queue)", result)

    def _throughput_row(self, name: str, result) -> None:
        from benchmarks.triage import percentile

        ms = result.latencies_ms
        self.rows.append(
            f"| {name} | {result.comments:,} | {result.rate:,.0f}/s | {percentile(ms, 50):.1f} | "
            f"{percentile(ms, 99):.1f} | — | ≥ 400/s (what the POST target needs) | "
            f"{'yes' if result.rate >= 400 else '**no**'} | — |")

    def memory_row(self, memory: list[tuple[float, float]]) -> None:
        if not memory:
            self.rows.append("| memory per app worker | — | — | — | — | — | < 300 MB | **no** | no workers found |")
            return
        rss = max(r for r, _ in memory)
        pss = sum(p for _, p in memory) / len(memory)
        self.rows.append(
            f"| memory per app worker after the load (VmRSS, max of {len(memory)}; PSS mean {pss:.0f} MiB) "
            f"| — | — | — | — | — | < {MEMORY_TARGET_MIB} MB | {'yes' if rss < MEMORY_TARGET_MIB else '**no**'} "
            f"| RSS {', '.join(f'{r:.0f}' for r, _ in memory)} MiB |")

    def report(self, info: stack.Machine, banner: str, workers: int, threads: int) -> None:
        db = "PostgreSQL" if self.args.db == "postgres" else "SQLite (WAL)"
        print()
        print(f"### HTTP benchmark — {db}, {workers} workers x {threads} threads, "
              f"{'Redis' if self.redis else 'no Redis'}")
        print()
        print(f"Machine: {info.describe()}.")
        print(f"wrk on the same machine: {self.connections} connections ({self.queue_connections} for the queue), "
              f"{self.threads} threads, "
              f"{self.args.seconds:g} s per row after a {self.args.warmup:g} s warm-up.")
        print()
        print("| row | requests | rps | p50 ms | p99 ms | alone ms | target (2 cores) | met | status codes |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |")
        for row in self.rows:
            print(row)
        for note in self.notes:
            print(f"\nNote: {note}")

    def cleanup(self) -> None:
        if self.args.keep:
            print(f"kept {self.tmp} ({self.database_url})")
            return
        if self.args.db == "postgres" and self.database_url:
            if "django" in sys.modules:
                from django.db import connections

                connections.close_all()
            stack.postgres_drop(self.database_url)
        if self.redis:
            with contextlib.suppress(Unavailable):
                stack.redis_flush(self.redis_url)
        shutil.rmtree(self.tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    try:
        bench = Bench(_arguments(argv))
    except Unavailable as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    try:
        bench.run()
    except Unavailable as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        bench.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
