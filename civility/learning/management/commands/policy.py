"""``civility policy``: flag levels from moderators' decisions.

    civility policy tune [--site KEY] [--max-false-flags 0.03] [--since YYYY-MM-DD] [--apply]
    civility policy tune [--site KEY] --reset [--label LABEL ...]
    civility policy show [--site KEY]

``tune`` prints, per label, the level that keeps approved comments' false-flag rate under the
target while catching the most rejections for that label, with precision and recall before
and after; only ``--apply`` stores it (per site, audit-logged). ``--reset`` goes back to the
policy's own levels. See docs/learning.md.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.errors import CivilityError
from civility.learning.thresholds import (
    DEFAULT_MAX_FALSE_FLAGS,
    TUNABLE,
    Rates,
    thresholds_apply,
    thresholds_in_force,
    thresholds_propose,
    thresholds_reset,
)
from civility.readiness import require_migrated


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


def _rates(r: Rates | None) -> str:
    if r is None:
        return "—"
    return f"P {_pct(r.precision)} R {_pct(r.recall)} FF {_pct(r.false_flags)}"


def _since(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since: use a date like 2026-11-30 (got {value!r})") from None


class Command(BaseCommand):
    help = "Tune the policy's flag levels from moderators' decisions (tune), or show them (show)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        tune = sub.add_parser("tune", help="propose (and with --apply, store) per-label flag levels for a site")
        tune.add_argument("--site", help="a site's key (default: every site's decisions, stored for every site)")
        tune.add_argument("--max-false-flags", type=float, default=DEFAULT_MAX_FALSE_FLAGS,
                          help="the share of approved comments a label may flag (default: %(default)s)")
        tune.add_argument("--since", help="only decisions since this day (YYYY-MM-DD; default: all)")
        tune.add_argument("--apply", action="store_true", help="store the proposed levels (audit-logged)")
        tune.add_argument("--reset", action="store_true", help="remove the stored levels: the policy's own apply")
        tune.add_argument("--label", action="append", choices=TUNABLE, help="with --reset: only this label")
        show = sub.add_parser("show", help="the flag levels in force and where they came from")
        show.add_argument("--site", help="a site's key")

    def handle(self, *args: Any, **opts: Any) -> None:
        require_migrated(hint="Run `civility migrate` first.")
        try:
            if opts["action"] == "show":
                self._show(opts["site"])
            elif opts["reset"]:
                if opts["apply"]:
                    raise CommandError("--reset and --apply do not go together")
                changes = thresholds_reset(user=None, site=opts["site"], labels=opts["label"])
                for c in changes:
                    self.stdout.write(f"{c.label}: {c.before:.4f} → the policy's default")
                self.stdout.write(f"{len(changes)} level(s) reset on {opts['site'] or 'every site'}.")
            else:
                if opts["label"]:
                    raise CommandError("--label goes with --reset")
                self._tune(opts)
        except CivilityError as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
            raise CommandError(f"{exc.message}{' (' + detail + ')' if detail else ''}") from None

    def _tune(self, opts: dict[str, Any]) -> None:
        since = _since(opts["since"]) if opts["since"] else None
        tuning = thresholds_propose(site=opts["site"], max_false_flags=opts["max_false_flags"], since=since)
        self.stdout.write(f"{tuning.decided} decided comments on {opts['site'] or 'every site'}; target: at most "
                          f"{tuning.max_false_flags:.1%} of approved comments flagged per label")
        self.stdout.write(f"{'label':<8} {'now':>6} {'proposed':>8}  {'before':<32} {'after':<32} decisions")
        for p in tuning.proposals:
            proposed = f"{p.proposed:.4f}" if p.proposed is not None else "—"
            self.stdout.write(f"{p.label:<8} {p.current:>6.4f} {proposed:>8}  {_rates(p.before):<32} "
                              f"{_rates(p.after):<32} {p.rejected} rejected, {p.approved} approved"
                              + (f"  ({p.note})" if p.note else ""))
        if not opts["apply"]:
            self.stdout.write("Nothing stored: run again with --apply to use the proposed levels.")
            return
        changes = thresholds_apply(user=None, tuning=tuning)
        self.stdout.write(self.style.SUCCESS(f"{len(changes)} level(s) stored on {opts['site'] or 'every site'} "
                                             f"(undo: civility policy tune --reset"
                                             f"{' --site ' + opts['site'] if opts['site'] else ''})."))

    def _show(self, site: str | None) -> None:
        for row in thresholds_in_force(site=site):
            self.stdout.write(f"{row['label']:<10} {row['value']:.4f}  {row['source']}")
