"""The ``civility`` command: Django's management commands under Civility's settings.

``civility serve``, ``civility user …`` and every Django command (``migrate``,
``check --deploy``, ``createsuperuser``…) are available.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    # `serve --production` runs with the production settings unless told otherwise.
    production = args[:1] == ["serve"] and "--production" in args
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"civility.settings.{'production' if production else 'base'}")
    if production:  # before prometheus-client is imported: it then chooses how to keep values
        from civility.observability.multiprocess import prepare

        prepare()
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    if args in ([], ["help"], ["--help"], ["-h"]):
        try:
            sys.stdout.write(overview())
        except ImproperlyConfigured as exc:
            sys.stderr.write(f"civility: configuration error: {exc}\n")
            sys.exit(2)
        return
    try:
        execute_from_command_line(["civility", *args])
    except ImproperlyConfigured as exc:  # a settings mistake: say what to fix, no traceback
        sys.stderr.write(f"civility: configuration error: {exc}\n")
        sys.exit(2)


def overview() -> str:
    """``civility --help``: Civility's own commands first, each with its one-line description,
    then Django's (``civility help <command>`` for any of them)."""
    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    ours, theirs = [], []
    for name, app in sorted(get_commands().items()):
        if app.startswith("civility."):
            summary = (load_command_class(app, name).help or "").strip().splitlines()
            ours.append(f"  {name:<10} {summary[0] if summary else ''}")
        else:
            theirs.append(name)
    lines = ["Usage: civility <command> [options]    (civility help <command> for its options)", "",
             "Civility's commands:", *ours, "", "Django's commands:"]
    line = " "
    for name in theirs:
        if len(line) + len(name) > 78:
            lines.append(line.rstrip())
            line = " "
        line += f" {name}"
    lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
