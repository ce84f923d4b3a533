"""Importing a big export: time and peak memory of ``civility import``.

    .venv/bin/python -m benchmarks.importing [--comments 100000] [--format disqus|civility] [--keep]

Writes a Disqus XML export (or Civility JSON Lines) with ``--comments`` comments on
``comments / 100`` threads, a third of them replies (some listed before their parent), with
non-ASCII text, into a throw-away directory; migrates a fresh SQLite database there; then
runs ``civility import`` in a child process and prints its wall time and peak resident
memory (the child's, measured by the kernel). With the default task backend the triage is
only queued (for ``civility worker``), as in production. ``DATABASE_URL`` may point at an
empty PostgreSQL database instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = ("corridor", "road", "winter", "families", "medicine", "checkpoint", "Ganz", "schön", "çox", "yaxşı",
         "xəbər", "правда", "дорога", "👍", "news", "minister", "deputy", "vote", "today", "please")


def write_disqus(path: Path, n: int, rng: random.Random) -> None:
    threads = max(1, n // 100)
    with path.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                'xmlns:dsq="http://disqus.com/disqus-internals">\n')
        for t in range(threads):
            f.write(f'<thread dsq:id="{t}"><id>story-{t}</id><link>https://news.example/{t}/</link>'
                    f'<title>Story {t}</title><createdAt>2024-01-01T00:00:00Z</createdAt></thread>\n')
        for i in range(n):
            thread = i % threads
            parent = ""
            if i >= threads and rng.random() < 0.33:  # a reply to an earlier comment of its thread
                parent = f'<parent dsq:id="{i - threads * rng.randint(1, min(5, i // threads))}"/>'
            body = escape(" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40))))
            f.write(f'<post dsq:id="{i}"><message><![CDATA[<p>{body}</p>]]></message>'
                    f'<createdAt>2024-02-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z</createdAt>'
                    f'<isDeleted>false</isDeleted><isSpam>{"true" if i % 17 == 0 else "false"}</isSpam>'
                    f'<author><email>reader{i % 5000}@example.org</email><name>Reader {i % 5000}</name></author>'
                    f'<ipAddress>198.51.{i % 256}.{i // 256 % 256}</ipAddress>'
                    f'<thread dsq:id="{thread}"/>{parent}</post>\n')
        f.write("</disqus>\n")


def write_civility(path: Path, n: int, rng: random.Random) -> None:
    threads = max(1, n // 100)
    with path.open("w", encoding="utf-8") as f:
        for t in range(threads):
            f.write(json.dumps({"type": "article", "key": f"story-{t}", "title": f"Story {t}", "site": "bench"}) + "\n")
        for i in range(n):
            parent = i - threads if i >= threads and rng.random() < 0.33 else None
            f.write(json.dumps({
                "type": "comment", "id": i, "article": f"story-{i % threads}", "parent_id": parent,
                "body": " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40))), "status": "approved",
                "author_name": f"Reader {i % 5000}", "author_email": f"reader{i % 5000}@example.org",
                "created_at": "2024-02-01T00:00:00+00:00"}, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--format", choices=("disqus", "civility"), default="disqus")
    parser.add_argument("--keep", action="store_true", help="keep the directory (its path is printed)")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="civility-import-"))
    env = {**os.environ, "CIVILITY_DATA_DIR": str(tmp), "CIVILITY_LOG_LEVEL": "ERROR",
           "DJANGO_SETTINGS_MODULE": "civility.settings.base"}
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/import.sqlite3")
    civility = [sys.executable, "-m", "civility.cli"]
    try:
        source = tmp / ("export.xml" if args.format == "disqus" else "export.jsonl")
        (write_disqus if args.format == "disqus" else write_civility)(source, args.comments, random.Random(7))
        subprocess.run([*civility, "migrate", "-v0"], env=env, check=True)  # noqa: S603 (our own command)
        make_site = ("from civility.publishing.models import Site; "
                     "Site.objects.get_or_create(slug='bench', defaults={'name': 'Bench'})")
        subprocess.run([*civility, "shell", "-c", make_site], env=env, check=True)  # noqa: S603
        start = time.perf_counter()
        child = subprocess.Popen([*civility, "import", args.format, str(source), "--site", "bench",  # noqa: S603
                                  "--no-progress"], env=env)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the migration's
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            sys.exit(f"the import failed ({child.returncode})")
        peak_mb = usage.ru_maxrss / 1024
        cpu = usage.ru_utime + usage.ru_stime  # steadier than the wall time on a shared machine
        print(f"{args.comments} comments ({args.format}, {source.stat().st_size / 1e6:.0f} MB): {seconds:.1f} s wall, "
              f"{cpu:.1f} s CPU, {args.comments / seconds:.0f} comments/s, peak RSS {peak_mb:.0f} MB")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
