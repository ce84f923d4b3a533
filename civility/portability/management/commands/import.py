"""``civility import FORMAT FILE [--site SLUG]``: bring comments from Disqus, WordPress, Isso,
Remark42 or another Civility (docs/portability.md)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from civility.errors import CivilityError
from civility.portability.formats import IMPORTERS, importer_for
from civility.portability.importing import ImportSummary, import_run
from civility.portability.records import MalformedFile


class Command(BaseCommand):
    help = "Import comments from another system's export (docs/portability.md). All or nothing; re-runs add nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=list(IMPORTERS), help="the file's format")
        parser.add_argument("file", help="the export file (Isso: its SQLite database)")
        parser.add_argument("--site", help="the site's slug (needed when there are several sites)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")

    def handle(self, *args, format: str, file: str, site: str | None, no_progress: bool, **opts) -> None:
        path = Path(file)
        show = not no_progress and sys.stderr.isatty()
        try:
            if show:
                summary = self._with_progress(format, path, site)
            else:
                summary = import_run(format=format, path=path, site_slug=site)
        except MalformedFile as exc:
            raise CommandError(_("%(file)s is not a valid %(format)s file: %(where)s%(message)s. Nothing was "
                                 "imported.") % {"file": file, "format": format, "message": exc.message,
                                                 "where": f"{exc.position}: " if exc.position else ""}) from exc
        except CivilityError as exc:
            raise CommandError(exc.message) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(_("cannot read %(file)s: %(error)s") % {"file": file, "error": exc}) from exc
        self.stdout.write(render_summary(summary))

    def _with_progress(self, format: str, path: Path, site: str | None) -> ImportSummary:
        total = importer_for(format).estimate(path) if path.is_file() else None
        columns = (TextColumn(_("importing")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("import", total=total)
            summary = import_run(format=format, path=path, site_slug=site,
                                 progress=lambda n: bar.update(task, completed=n))
            bar.update(task, completed=bar.tasks[0].total or 0)
        return summary


def render_summary(summary: ImportSummary) -> str:
    """The table printed at the end: what was created, found already there, or left out."""
    table = Table(title=_("Import from %(format)s") % {"format": summary.format}, title_justify="left")
    table.add_column(_("records"))
    for column in (_("created"), _("matched"), _("already imported")):
        table.add_column(column, justify="right")
    for kind in ("article", "comment", "decision"):
        counts = [summary.counts[kind, outcome] for outcome in ("created", "matched", "existing")]
        if any(counts) or kind != "decision":
            table.add_row(kind + "s", *(str(n) for n in counts))
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=False, color_system=None)
    console.print(table)
    if summary.statuses:
        console.print(_("new comments by status: ") + ", ".join(
            f"{status} {n}" for status, n in sorted(summary.statuses.items())))
    for note, n in sorted(summary.notes.items()):
        console.print(f"{n} {note}")
    if summary.triage_queued:
        console.print(_("%(n)d comments queued for triage (civility worker)") % {"n": summary.triage_queued})
    return out.getvalue()
