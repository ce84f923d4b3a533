"""``civility notifications tick``: the periodic notification work, once (for cron, or to see it run).

``civility worker`` already queues it every ``CIVILITY_PERIODIC_TASKS`` interval.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from civility.readiness import require_migrated


class Command(BaseCommand):
    help = "Run the periodic notification work once: `civility notifications tick`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["tick"])

    def handle(self, *args, action: str, **opts) -> None:
        from civility.notifications.tasks import notifications_tick

        require_migrated(hint="Run `civility migrate` first.")
        done = notifications_tick.call()
        self.stdout.write(f"notifications: {done} sent")
