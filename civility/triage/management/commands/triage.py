"""``civility triage``: score texts from the shell, or re-score the queue.

    civility triage "some text"              # one report, as JSON
    civility triage --jsonl comments.jsonl   # lines {"id", "text"} → lines {"id", "scores", "flags", "lang"}
    civility triage rerun                    # re-score pending comments after a configuration change
    civility triage rerun --queue            # the same, as tasks for `civility worker`
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.background.queue import backend_name, has_queue
from civility.readiness import require_migrated
from civility.triage.pipeline import ConfigError, pipeline
from civility.triage.services import triage_rerun, triage_text


class Command(BaseCommand):
    help = "Triage texts (one, or a JSON-lines file) or re-score pending comments (`rerun`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", help="a text to triage, or 'rerun'")
        parser.add_argument("--jsonl", metavar="FILE", help="JSON lines {id, text}; '-' reads standard input")
        parser.add_argument("--output", metavar="FILE", help="write JSON lines here instead of standard output")
        parser.add_argument("--queue", action="store_true",
                            help="with rerun: queue one task per comment for `civility worker` instead")

    def handle(self, *args, text: str | None, jsonl: str | None, output: str | None, queue: bool,
               **opts) -> None:
        # the word lists read the admins' rules and rerun reads comments: both need the tables
        require_migrated(hint="Run `civility migrate` (or `civility serve`, which migrates) first.")
        try:
            pipe = pipeline()
        except ConfigError as exc:
            raise CommandError(str(exc)) from exc
        if queue and (text != "rerun" or jsonl):
            raise CommandError("--queue goes with rerun: civility triage rerun --queue")
        if text == "rerun" and not jsonl:
            if queue:
                if not has_queue():
                    raise CommandError(f"The task backend ({backend_name()}) has no queue; "
                                       f"run `civility triage rerun` without --queue")
                n = triage_rerun(queue=True)
                self.stdout.write(f"queued {n} pending comment{'s' if n != 1 else ''} for `civility worker`")
                return
            n = triage_rerun(using=pipe)
            self.stdout.write(f"re-scored {n} pending comment{'s' if n != 1 else ''}")
            return
        if jsonl:
            if text:
                raise CommandError("give either a text or --jsonl FILE, not both")
            self._jsonl(jsonl, output, pipe)
            return
        if not text:
            raise CommandError('give a text to triage (civility triage "…"), --jsonl FILE, or rerun')
        self.stdout.write(json.dumps(triage_text(text, using=pipe).public(), ensure_ascii=False, indent=2))

    def _jsonl(self, path: str, output: str | None, pipe) -> None:
        if path == "-":
            lines = sys.stdin
        else:
            try:
                lines = Path(path).open(encoding="utf-8")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        out = Path(output).open("w", encoding="utf-8") if output else self.stdout  # noqa: SIM115
        bad = 0
        try:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                record = _parse(line, number)
                if record is None:
                    bad += 1
                    self.stderr.write(f"line {number}: expected a JSON object with a string 'text'; skipped")
                    continue
                report = triage_text(record["text"], using=pipe)
                out.write(json.dumps({"id": record.get("id"), "scores": report.scores,
                                      "flags": report.flags, "lang": report.lang}, ensure_ascii=False) + "\n")
        finally:
            if lines is not sys.stdin:
                lines.close()
            if output:
                out.close()
        if bad:
            raise CommandError(f"{bad} line{'s' if bad != 1 else ''} could not be read")


def _parse(line: str, _number: int) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return None
    return record
