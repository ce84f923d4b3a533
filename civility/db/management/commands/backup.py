"""``civility backup FILE``: a consistent copy of the database, taken while the servers run."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.errors import CivilityError
from civility.portability.backup import backup_create


class Command(BaseCommand):
    help = ("Copy the whole database to FILE while Civility keeps running (SQLite: a database file; "
            "PostgreSQL: pg_dump's custom format). `civility restore FILE` puts it back.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")

    def handle(self, *args, file: Path, overwrite: bool, **opts) -> None:
        try:
            size = backup_create(path=file, overwrite=overwrite)
        except CivilityError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"backed up to {file} ({size:,} bytes)")
