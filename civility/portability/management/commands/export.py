"""``civility export [--site SLUG] [--since DATE] [--output FILE]``: JSON Lines (docs/portability.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from civility.errors import CivilityError
from civility.portability.dates import parse_day_or_time
from civility.portability.exporting import export_write


class Command(BaseCommand):
    help = "Export articles, comments and decisions as JSON Lines (docs/portability.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--site", help="only this site (its slug)")
        parser.add_argument("--since", help="only comments and decisions from this day (YYYY-MM-DD) or time on")
        parser.add_argument("--output", "-o", help="write here instead of the standard output")

    def handle(self, *args, site: str | None, since: str | None, output: str | None, **opts) -> None:
        try:
            start = parse_day_or_time(since) if since else None
        except ValueError as exc:
            raise CommandError(_("--since: %(value)r is not a date (use YYYY-MM-DD).") % {"value": since}) from exc
        target = Path(output) if output else None
        try:
            if target is None:
                counts = export_write(out=self.stdout, site_slug=site, since=start)
            else:
                with target.open("w", encoding="utf-8") as out:
                    counts = export_write(out=out, site_slug=site, since=start)
        except CivilityError as exc:
            if target is not None:
                target.unlink(missing_ok=True)
            raise CommandError(exc.message) from exc
        except OSError as exc:
            raise CommandError(_("cannot write %(file)s: %(error)s") % {"file": output, "error": exc.strerror}) \
                from exc
        self.stderr.write(_("exported %(a)d articles, %(c)d comments, %(d)d decisions") % {
            "a": counts["article"], "c": counts["comment"], "d": counts["decision"]})
