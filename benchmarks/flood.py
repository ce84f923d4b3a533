"""A flood of one text, in-process: does each new copy cost more as the campaign grows?

    .venv/bin/python -m benchmarks.flood [--copies 3000] [--exact] [--all-signals] [--keep]

A throw-away SQLite database (the project's migrations), one article, and then ``--copies``
submissions of one campaign text, each behind another prefix and from another commenter
(so each is a new near-duplicate of all the earlier ones), stored and triaged one by one as
a submission is (``comment_submit``: the pipeline, the near-duplicate index, the campaign
join, the report). The pipeline is ``normalize.v1`` + ``duplicates.v1`` unless
``--all-signals`` (the configured one: slower, the same growth or none). Prints, for each
stretch of the flood, the milliseconds and SQL statements per copy and the campaign's size:
flat lines mean the work per copy does not grow with the campaign. ``--exact`` posts the
very same text each time (no prefix): the copies are then found by their text hash. No HTTP, no wrk: the
HTTP benchmark's "flood of one text" row measures the same through the server
(docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

TEXT = ("The ministry has hidden the truth about the corridor for months while families wait at the "
        "checkpoint without medicine. Share this everywhere, call your deputy today and demand that the "
        "road is opened before winter comes, before more people die waiting.")
PREFIXES = ("Read this:", "Friends,", "Everyone, share!", "Wake up:", "Truth:", "Listen,", "Please read.")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=3000)
    parser.add_argument("--exact", action="store_true", help="the very same text each time, no prefix")
    parser.add_argument("--all-signals", action="store_true", help="the configured pipeline, not only duplicates")
    parser.add_argument("--keep", action="store_true", help="keep the database (its path is printed)")
    args = parser.parse_args(argv)

    tmp = tempfile.mkdtemp(prefix="civility-flood-")
    os.environ.update({"CIVILITY_DATA_DIR": tmp, "DATABASE_URL": f"sqlite:///{tmp}/flood.sqlite3",
                       "DJANGO_SETTINGS_MODULE": "civility.settings.base", "CIVILITY_LOG_LEVEL": "ERROR",
                       "CIVILITY_SUBMIT_RATE_PER_IP": "off", "CIVILITY_SUBMIT_RATE_PER_EMAIL": "off"})
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.triage import percentile
    from civility.comments.services import comment_submit
    from civility.publishing.models import Article, Site
    from civility.triage.models import Campaign

    call_command("migrate", verbosity=0)
    if not args.all_signals:
        settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "duplicates.v1"}]
    site = Site.objects.create(name="Bench", slug="bench")
    article = Article.objects.create(site=site, key="flood", title="Flood")
    user = AnonymousUser()
    stretch = max(1, args.copies // 10)
    ms: list[float] = []
    queries: list[int] = []
    print(f"A flood of one text: {args.copies:,} copies, each with another prefix and commenter "
          f"(load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs)")
    print()
    # SQLite's virtual machine steps: the database's work, counted (rows read grow it), not timed
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    connection.ensure_connection()
    connection.connection.set_progress_handler(step, 1000)
    vm: list[int] = []
    print("| copies | ms per copy p50 | p90 | statements per copy | SQLite VM steps per copy (thousands) "
          "| campaign size |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for n in range(args.copies):
        body = TEXT if args.exact else f"{PREFIXES[n % len(PREFIXES)]} {n} {TEXT}"
        statements = [0]

        def count(execute, sql, params, many, context, statements=statements):
            statements[0] += 1
            return execute(sql, params, many, context)

        before = steps[0]
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            comment_submit(user=user, article_key=article.key, body=body, author_name=f"Campaigner {n}",
                           author_email=f"campaigner{n}@example.org")
            ms.append((time.perf_counter() - started) * 1000)
        queries.append(statements[0])
        vm.append(steps[0] - before)
        if (n + 1) % stretch == 0:
            size = Campaign.objects.order_by("-size").values_list("size", flat=True).first() or 0
            part, q, v = ms[-stretch:], queries[-stretch:], vm[-stretch:]
            print(f"| {n + 2 - stretch:,}–{n + 1:,} | {percentile(part, 50):.2f} | {percentile(part, 90):.2f} | "
                  f"{sum(q) / len(q):.1f} | {sum(v) / len(v):,.1f} | {size:,} |", flush=True)
    connection.close()
    if args.keep:
        print(f"\nkept: {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
