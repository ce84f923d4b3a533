"""``civility model adapt|versions|use``: the learning half of the ``model`` command."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from civility.errors import CivilityError
from civility.readiness import require_migrated


def model_command(cmd: BaseCommand, opts: dict[str, Any]) -> None:
    require_migrated(hint="Run `civility migrate` first.")
    from civility.learning import versions

    action = opts["action"]
    if action == "versions":
        for v in versions.model_versions():
            when = v.created_at.strftime("%Y-%m-%d %H:%M") if v.created_at else "—"
            cmd.stdout.write(f"{'*' if v.in_use else ' '} {v.version}  {when:16}  {v.note}")
        return
    if action == "use":
        try:
            version = versions.model_use(version=opts["version"])
        except CivilityError as exc:
            raise CommandError(exc.message) from None
        cmd.stdout.write(cmd.style.SUCCESS(f"model {version} in use (every server within "
                                           f"{versions.CHECK_SECONDS:g} s)"))
        return
    from civility.learning.adapt import AdaptConfig, AdaptError
    from civility.learning.runs import adapt_run

    config = AdaptConfig.full()
    if opts.get("dataset_rows") is not None:
        if opts["dataset_rows"] < 0:
            raise CommandError("--dataset-rows must be 0 or more")
        config.dataset_rows = opts["dataset_rows"]
    try:
        result = adapt_run(site=opts["site"], dry_run=opts["dry_run"], config=config,
                           log_line=lambda line: cmd.stdout.write(line))
    except AdaptError as exc:
        raise CommandError(str(exc)) from None
    b, a = result.before, result.after
    assert b is not None
    assert a is not None
    cmd.stdout.write(f"held back: {a.rejections} rejections, {a.approved} approvals")
    cmd.stdout.write(f"  current   {result.current}: caught {b.caught}, false flags {b.false_flags}")
    cmd.stdout.write(f"  candidate {result.candidate}: caught {a.caught}, false flags {a.false_flags}")
    cmd.stdout.write("ROC-AUC on the shipped evaluation sets: " + ", ".join(
        f"{k} {result.auc_before[k]:.3f} → {result.auc_after.get(k, 0):.3f}" for k in result.auc_before))
    if result.installed:
        cmd.stdout.write(cmd.style.SUCCESS(f"installed {result.candidate}: {result.reason}"))
    elif result.passed:
        cmd.stdout.write(f"would install {result.candidate} (dry run): {result.reason}")
    else:
        cmd.stdout.write(cmd.style.WARNING(f"not installed: {result.reason}"))
