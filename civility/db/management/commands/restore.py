"""``civility restore FILE``: put a `civility backup` back, into an empty database."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.errors import CivilityError
from civility.portability.backup import backup_restore


class Command(BaseCommand):
    help = ("Restore a `civility backup` FILE into the database of DATABASE_URL, which must be empty "
            "(--force replaces everything in it). Stop the app servers and workers first.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--force", action="store_true",
                            help="restore even into a database that has tables: everything in it is replaced")

    def handle(self, *args, file: Path, force: bool, **opts) -> None:
        try:
            result = backup_restore(path=file, force=force)
        except CivilityError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"restored {file} ({result.tables} tables)")
        if result.unapplied:
            self.stdout.write(f"the backup is from an older release: run `civility migrate` "
                              f"({result.unapplied} migrations to apply) before starting the servers")
