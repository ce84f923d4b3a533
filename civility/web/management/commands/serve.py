"""``civility serve``: migrate, ensure the demo article, and serve HTTP with gunicorn.

Plain ``civility serve`` is the embedded deployment (``make run``): one server process, demo
data, and a ``civility worker`` child for background tasks that stops with it.
``civility serve --production`` is one app server of a scaled-out deployment
(docs/deploy.md): several pre-forked worker processes sharing Redis and the database,
no demo data, and no migrations unless asked (run ``civility migrate`` once per release).
"""

from __future__ import annotations

import gc
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from civility import release
from civility.background.queue import has_queue
from civility.observability.gunicorn import ACCESS_FORMAT
from civility.publishing.demo import demo_ensure
from civility.readiness import require_migrated

log = logging.getLogger(__name__)

MAX_DEFAULT_WORKERS = 12
#: caches rate-limit counters cannot work on across processes (django-ratelimit's own list, in
#: django_ratelimit.checks; not imported from there, which would register its system checks)
UNSHARED_CACHES = {
    "django.core.cache.backends.dummy.DummyCache": "keeps nothing",
    "django.core.cache.backends.locmem.LocMemCache": "is not shared between processes",
    "django.core.cache.backends.filebased.FileBasedCache": "does not support atomic increment",
    "django.core.cache.backends.db.DatabaseCache": "does not support atomic increment",
}


def default_workers(cores: int) -> int:
    """Gunicorn's rule of thumb, 2 × cores + 1, capped: every worker holds its own database
    connections (one per thread) and its private writes to the shared models."""
    return max(1, min(2 * cores + 1, MAX_DEFAULT_WORKERS))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what this process may use (containers, taskset)
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class ServerConfig:
    bind: str
    workers: int
    threads: int
    production: bool

    def gunicorn(self) -> dict[str, object]:
        """Gunicorn settings. gthread: processes give CPU parallelism for triage; its poller
        keeps idle keep-alive connections without a thread each. --production runs one thread
        per process by default (threads of one process share the GIL, and two per process
        cost a fifth of the comment submissions a second: docs/decisions.md); the embedded
        server runs 8 in its one process, where requests waiting on the database overlap."""
        options: dict[str, object] = {
            # gthread whose main loop reads each request in full before a thread takes it, so
            # that slow clients cannot hold the threads (civility/web/httpworker.py)
            "bind": self.bind, "workers": self.workers, "threads": self.threads,
            "worker_class": "civility.web.httpworker.BufferingThreadWorker",
            "accesslog": "-",
            # its lines carry the request id, in JSON with CIVILITY_LOG_FORMAT=json
            "logger_class": "civility.observability.gunicorn.Logger",
            "access_log_format": ACCESS_FORMAT,
        }
        if self.production:
            options |= {
                # Load Django, the word lists and the language models once in the master, before
                # forking: workers share those pages copy-on-write instead of loading each a copy.
                "preload_app": True,
                # Recycle a worker now and then (staggered) so slow leaks cannot grow forever.
                "max_requests": 10_000, "max_requests_jitter": 1_000,
                "timeout": 30, "graceful_timeout": 30,
            }
        return options


class Command(BaseCommand):
    help = "Migrate the database, make sure the demo article exists, and serve Civility."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=None, help="default: $PORT or 8000")
        parser.add_argument("--threads", type=int, default=None,
                            help="threads per worker process (default 8; 1 with --production)")
        parser.add_argument("--no-demo", action="store_true", help="do not create the demo data")
        parser.add_argument("--no-worker", action="store_true",
                            help="do not start a `civility worker` for background tasks (run your own)")
        parser.add_argument("--production", action="store_true",
                            help="several worker processes, app preloaded before fork, no demo data, "
                                 "migrations only with --migrate (docs/deploy.md)")
        parser.add_argument("--workers", type=int, default=None,
                            help=f"worker processes with --production (default: $CIVILITY_WORKERS, else "
                                 f"2 x cores + 1, at most {MAX_DEFAULT_WORKERS})")
        parser.add_argument("--migrate", action="store_true",
                            help="with --production: apply migrations before serving")
        parser.add_argument("--demo", action="store_true", help="with --production: create the demo data")

    def handle(self, *args, host: str, port: int | None, threads: int | None, no_demo: bool, no_worker: bool,
               production: bool, workers: int | None, migrate: bool, demo: bool, **opts) -> None:
        port = port if port is not None else _port_from_env()
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is out of range (1-65535)")
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        _port_free(host, port)
        if production:
            config = ServerConfig(bind=bind, workers=_workers(workers), threads=_positive("--threads", threads or 1),
                                  production=True)
            self._prepare_production(config, migrate=migrate, demo=demo)
        else:
            if workers is not None:
                raise CommandError("--workers needs --production (plain `civility serve` runs one process).")
            config = ServerConfig(bind=bind, workers=1, threads=_positive("--threads", threads or 8),
                                  production=False)
            call_command("migrate", interactive=False, verbosity=0)
            _triage_recover()
            self._announce(host, port, demo=settings.CIVILITY_DEMO and not no_demo)
            if not no_worker and has_queue():
                connections.close_all()
                with _worker_child():
                    _serve(config)
                return
        _serve(config)

    def _announce(self, host: str, port: int, *, demo: bool) -> None:
        base = f"http://{host if host not in ('0.0.0.0', '::') else '127.0.0.1'}:{port}"  # noqa: S104
        self.stdout.write(self.style.SUCCESS("Civility is ready."))
        if demo:
            data = demo_ensure()
            self.stdout.write(f"  Article page:     {base}/articles/{data.article.key}/")
            if data.new_password:
                self.stdout.write(
                    f"  Demo moderator:   user '{data.moderator.username}', password "
                    f"'{data.new_password}' (shown once; reset with "
                    f"`civility user password {data.moderator.username}`)"
                )
        self.stdout.write(f"  Moderation queue: {base}/moderation/")
        self.stdout.write(f"  Log in:           {base}/accounts/login/")
        self.stdout.write(f"  API docs:         {base}/api/docs")
        self.stdout.flush()

    def _prepare_production(self, config: ServerConfig, *, migrate: bool, demo: bool) -> None:
        backend = settings.CACHES["default"]["BACKEND"]
        if config.workers > 1 and backend in UNSHARED_CACHES:
            raise CommandError(
                f"--workers {config.workers} needs a cache that all workers share: set REDIS_URL "
                f"(e.g. redis://127.0.0.1:6379/0), or run --workers 1. {backend.rsplit('.', 1)[-1]} "
                f"{UNSHARED_CACHES[backend]}, so rate limits would not hold."
            )
        _cache_answers()
        if migrate:
            call_command("migrate", interactive=False, verbosity=0)
        else:
            require_migrated(hint="Run `civility migrate` once (from one machine) before starting the app servers, "
                                  "or pass --migrate.")
        if demo:
            demo_ensure()
        _triage_recover()
        _warm_up()
        # Nothing the master opened may be shared by the forked workers.
        connections.close_all()
        caches.close_all()
        self.stdout.write(self.style.SUCCESS(
            f"Civility (production) on {config.bind}: {config.workers} workers x {config.threads} threads."))
        self.stdout.flush()


#: the embedded worker is started again after it exits; the pause doubles while it keeps
#: failing quickly (up to the second number) and starts over once it has run a while
RESTART_DELAY = (1.0, 60.0)
RAN_A_WHILE = 60.0


class Supervised:
    """A child process that is started again whenever it exits, until :meth:`stop`.

    Only the process that started it stops it. Gunicorn forks its workers from inside
    ``with _worker_child()``, so a worker leaving that block (its own exit) runs the
    ``finally`` too; there the child is not its own, and the forked copy of the watching
    thread's ``Popen`` lock would make it look alive: it must not be signalled from there.
    """

    def __init__(self, argv: list[str], *, name: str, delay: tuple[float, float] = RESTART_DELAY) -> None:
        self.argv, self.name, self.delay = argv, name, delay
        self.starts = 0
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self.child: subprocess.Popen | None = None
        self._owner = os.getpid()

    def start(self) -> None:
        self._spawn()
        threading.Thread(target=self._watch, name=f"supervise {self.name}", daemon=True).start()

    def _spawn(self) -> None:
        with self._lock:
            if self._stopping.is_set():
                return
            # its own session: a Ctrl-C in the terminal reaches only the server, which then
            # asks the child once to stop after its current task
            self.child = subprocess.Popen(self.argv, start_new_session=True)  # noqa: S603 (argv is ours)
            self.starts += 1
        log.info("%s started (pid %s)", self.name, self.child.pid)

    def _watch(self) -> None:
        pause = self.delay[0]
        while True:
            child, began = self.child, time.monotonic()
            code = child.wait()
            if self._stopping.is_set():
                return
            if time.monotonic() - began >= RAN_A_WHILE:
                pause = self.delay[0]
            # (the status reads 0 when gunicorn's master reaped the child before this thread did)
            log.warning("%s (pid %s) stopped unexpectedly (status %s); starting it again in %.0f s",
                        self.name, child.pid, code, pause)
            if self._stopping.wait(pause):
                return
            pause = min(pause * 2, self.delay[1])
            self._spawn()

    def stop(self, timeout: float = 30) -> None:
        if os.getpid() != self._owner:  # a forked gunicorn worker on its way out
            return
        with self._lock:
            self._stopping.set()
            child = self.child
        if child is None or child.poll() is not None:
            return
        child.terminate()
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=10)


@contextmanager
def _worker_child() -> Iterator[None]:
    """A ``civility worker`` beside the embedded server, restarted if it dies, stopped with it.

    A child process rather than a thread: the server forks its gunicorn worker, and a
    thread running tasks must not be there when it does. The child also stops by itself if
    this process is killed (``--stop-with-parent``).
    """
    # (civility.cli has put DJANGO_SETTINGS_MODULE in the environment it inherits)
    worker = Supervised([sys.executable, "-m", "civility.cli", "worker", "--stop-with-parent"],
                        name="background worker")
    worker.start()
    try:
        yield
    finally:
        worker.stop()


def _positive(name: str, value: int) -> int:
    if value < 1:
        raise CommandError(f"{name} must be at least 1 (got {value})")
    return value


def _workers(given: int | None) -> int:
    if given is not None:
        return _positive("--workers", given)
    raw = os.environ.get("CIVILITY_WORKERS", "").strip()
    if not raw:
        return default_workers(_cores())
    try:
        return _positive("CIVILITY_WORKERS", int(raw))
    except ValueError:
        raise CommandError(f"CIVILITY_WORKERS={raw!r} is not a number of processes") from None


def _cache_answers() -> None:
    try:
        caches["default"].set("civility:serve:probe", 1, 10)
    except Exception as exc:
        where = f"REDIS_URL={_without_password(settings.REDIS_URL)!r}" if settings.REDIS_URL else "the cache"
        raise CommandError(f"{where} does not answer ({exc}). Start Redis or fix the URL.") from None


def _without_password(url: str) -> str:
    """The URL to show in a message: a password in it becomes ***."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))


def _triage_recover() -> None:
    """Triage the comments a crash left without a report (civility.triage.recovery). With a
    task queue the workers do it (plain serve's worker child too); without one, nothing else will."""
    if has_queue():
        return
    from civility.triage.recovery import triage_missing

    try:
        triage_missing()
    except Exception:  # serving matters more; the next start tries again
        log.exception("could not triage the comments left without a triage report")


def _warm_up() -> None:
    """Load the triage models in the master so that the workers share them, then freeze them.

    ``gc.freeze()`` moves everything loaded so far (Django, the word lists, the models:
    millions of objects) out of the garbage collector's reach. Otherwise every full
    collection in a worker walks all of it: 60-110 ms pauses, about one every 25 queue
    requests, which set the queue's p99. It also keeps the collector from writing to those
    pages, so they stay shared with the master instead of being copied into each worker.
    """
    from civility.triage.services import triage_text

    try:
        triage_text("Warm-up: this text loads the word lists and language models before the workers fork.")
    except Exception:  # a broken signal shows on the first comment too; serving matters more
        log.exception("triage warm-up failed; each worker will load its models on first use")
    # What Django does lazily on the first request, each worker would pay for again after
    # every recycling: importing the URL configuration (every view, the API, the admin;
    # 80 ms) and compiling the e-mail validator's expressions (25 ms).
    from django.core.validators import validate_email
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018  (populates the resolver, importing every URLconf)
    validate_email("warm-up@example.org")
    release.fingerprint()  # cached-page keys carry it (a few ms of reading files)
    gc.collect()
    gc.freeze()


def _port_free(host: str, port: int) -> None:
    """Say so before anything starts when another program holds the address."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise CommandError(
                f"Cannot listen on {host}:{port} ({exc.strerror}): another program, perhaps an earlier "
                f"`civility serve`, is using it. Stop it, or choose another port with --port or PORT."
            ) from None


def _port_from_env() -> int:
    raw = os.environ.get("PORT", "8000")
    try:
        port = int(raw)
    except ValueError:
        raise CommandError(f"PORT={raw!r} is not a port number") from None
    if not 0 < port < 65536:
        raise CommandError(f"PORT={port} is out of range (1-65535)")
    return port


def _serve(config: ServerConfig) -> None:
    from gunicorn.app.base import BaseApplication

    from civility.wsgi import application

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in config.gunicorn().items():
                self.cfg.set(key, value)

        def load(self):
            return application

    Server().run()
