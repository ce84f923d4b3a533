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

    try:
        execute_from_command_line(["civility", *args])
    except ImproperlyConfigured as exc:  # a settings mistake: say what to fix, no traceback
        sys.stderr.write(f"civility: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
