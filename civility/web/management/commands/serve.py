"""``civility serve``: migrate, ensure the demo article, and serve HTTP with gunicorn."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.publishing.demo import demo_ensure


class Command(BaseCommand):
    help = "Migrate the database, make sure the demo article exists, and serve Civility."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=None, help="default: $PORT or 8000")
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-demo", action="store_true", help="do not create the demo data")

    def handle(self, *args, host: str, port: int | None, threads: int, no_demo: bool, **opts) -> None:
        port = port if port is not None else _port_from_env()
        call_command("migrate", interactive=False, verbosity=0)
        base = f"http://{host if host not in ('0.0.0.0', '::') else '127.0.0.1'}:{port}"  # noqa: S104
        self.stdout.write(self.style.SUCCESS("Civility is ready."))
        if settings.CIVILITY_DEMO and not no_demo:
            demo = demo_ensure()
            self.stdout.write(f"  Article page:     {base}/articles/{demo.article.key}/")
            if demo.new_password:
                self.stdout.write(
                    f"  Demo moderator:   user '{demo.moderator.username}', password "
                    f"'{demo.new_password}' (shown once; reset with "
                    f"`civility user password {demo.moderator.username}`)"
                )
        self.stdout.write(f"  Moderation queue: {base}/moderation/")
        self.stdout.write(f"  Log in:           {base}/accounts/login/")
        self.stdout.write(f"  API docs:         {base}/api/docs")
        self.stdout.flush()
        _serve(bind=f"[{host}]:{port}" if ":" in host else f"{host}:{port}", threads=threads)


def _port_from_env() -> int:
    raw = os.environ.get("PORT", "8000")
    try:
        port = int(raw)
    except ValueError:
        raise CommandError(f"PORT={raw!r} is not a port number") from None
    if not 0 < port < 65536:
        raise CommandError(f"PORT={port} is out of range (1-65535)")
    return port


def _serve(*, bind: str, threads: int) -> None:
    from gunicorn.app.base import BaseApplication

    from civility.wsgi import application

    class Server(BaseApplication):
        def load_config(self) -> None:
            # One process: the embedded deployment keeps rate limits in process memory.
            for key, value in {"bind": bind, "workers": 1, "threads": threads,
                               "accesslog": "-", "worker_class": "gthread"}.items():
                self.cfg.set(key, value)

        def load(self):
            return application

    Server().run()
