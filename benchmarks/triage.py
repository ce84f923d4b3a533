"""Triage benchmark: throughput and latency of the synchronous pipeline.

    .venv/bin/python -m benchmarks.triage [--n 2000] [--corpus PATH.csv.gz]

Prints a table for three measurements:
- text only: the configured pipeline on bare texts (what `civility triage` and
  the widget's draft check pay);
- stored comment: the full submission path, `comment_submit` → store → triage →
  report stored (a throw-away SQLite database in a temporary folder);
- each signal's own time (from the pipeline's per-signal timings).

Texts are drawn (seeded) from ../shared/datasets when present, else from a small
built-in multilingual sample.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import random
import sys
import tempfile
import time
from pathlib import Path

#: the labelled comment datasets beside the repository (../shared/datasets)
DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
SAMPLE = [
    "The blockade left families without insulin for weeks; someone has to answer for that.",
    "Both governments have lied about the corridor, and the people paid for it.",
    "Это позор, что гуманитарные грузы стояли на мосту месяцами.",
    "Koridorun bağlanması hər iki xalq üçün faciədir, siyasətçilər isə susur.",
    "Bu haber çok tek taraflı, diğer tarafın görüşü nerede?",
    "Լաչինի միջանցքը փակվեց, և մարդիկ մնացին առանց հացի։",
    "Check https://bit.ly/xyz and earn $500 a day from home, write to t.me/fastmoney",
    "you are an idiot and everyone here knows it",
]


# Inputs built to hit the slow paths (single-letter runs, separators, look-alikes,
# links): each is about 5,000 characters, the longest comment the service accepts.
ADVERSARIAL = {
    "digits and dots": "1." * 2500,
    "spaced letters": "a b " * 1250,
    "spelled obscenity": "f.u.c.k " * 625,
    "mixed scripts": "аaоo" * 1250,
    "zero-width joins": "f\u200bu" * 1666,
    "links": "http://x.co/a " * 357,
    "one long word": "a" * 5000,
    "stars": "*" * 5000,
}


def corpus(path: str | None, n: int, rng: random.Random) -> list[str]:
    files = [Path(path)] if path else sorted(DATASETS.glob("*.csv.gz"))
    texts: list[str] = []
    for f in files:
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            texts += [row["text"] for row in csv.DictReader(fh) if row["text"].strip()]
    if not texts:
        texts = SAMPLE
    return [rng.choice(texts)[:2000] for _ in range(n)]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank); NaN for no values."""
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] if values else float("nan")


def _row(name: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    rate = len(seconds) / sum(seconds) if sum(seconds) else float("inf")
    return f"| {name:<34} | {len(ms):>6} | {rate:>10.0f} | {percentile(ms, 50):>8.3f} | {percentile(ms, 99):>8.3f} |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="texts per measurement")
    parser.add_argument("--corpus", help="a datasets-schema .csv.gz to draw texts from")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    tmp = tempfile.mkdtemp(prefix="civility-bench-")
    os.environ.update({"CIVILITY_DATA_DIR": tmp, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
                       "CIVILITY_SUBMIT_RATE_PER_IP": "off", "CIVILITY_SUBMIT_RATE_PER_EMAIL": "off",
                       "DJANGO_SETTINGS_MODULE": "civility.settings.base", "CIVILITY_LOG_LEVEL": "ERROR"})
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command

    from civility.comments.services import comment_submit
    from civility.publishing.demo import demo_ensure
    from civility.triage.pipeline import pipeline
    from civility.triage.policy import assess
    from civility.triage.services import triage_text
    from civility.triage.types import Subject

    call_command("migrate", verbosity=0)
    demo = demo_ensure()
    rng = random.Random(args.seed)
    texts = corpus(args.corpus, args.n, rng)

    started = time.perf_counter()
    pipe = pipeline()
    triage_text("warm-up: load every signal's data once", using=pipe)
    load_s = time.perf_counter() - started

    text_times, per_signal = [], {}
    for text in texts:
        t0 = time.perf_counter()
        doc = pipe.run(Subject(text=text))
        assess(doc)
        text_times.append(time.perf_counter() - t0)
        for name, ms in doc.attrs.get("timings_ms", {}).items():
            per_signal.setdefault(name, []).append(ms / 1000)

    adversarial = {}
    for name, text in ADVERSARIAL.items():
        t0 = time.perf_counter()
        assess(pipe.run(Subject(text=text)))
        adversarial[name] = (time.perf_counter() - t0) * 1000

    submit_times = []
    anon = AnonymousUser()
    for i, text in enumerate(texts):
        t0 = time.perf_counter()
        comment_submit(user=anon, article_key=demo.article.key, body=text, author_name=f"reader {i % 300}",
                       author_email=f"reader{i % 300}@example.org")
        submit_times.append(time.perf_counter() - t0)

    print(f"Triage benchmark — {len(texts)} texts, pipeline: "
          f"{', '.join(e['signal'] for e in settings.CIVILITY_TRIAGE_PIPELINE)}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; pipeline load + warm-up {load_s * 1000:.0f} ms")
    print()
    print(f"| {'measurement':<34} | {'n':>6} | {'per second':>10} | {'p50 ms':>8} | {'p99 ms':>8} |")
    print(f"|{'-' * 36}|{'-' * 8}|{'-' * 12}|{'-' * 10}|{'-' * 10}|")
    print(_row("pipeline on a text", text_times))
    print(_row("comment_submit (store + triage)", submit_times))
    for name, values in per_signal.items():
        print(_row(f"  signal {name}", values))
    print()
    print(f"| {'adversarial text (~5,000 chars)':<34} | {'ms':>8} |")
    print(f"|{'-' * 36}|{'-' * 10}|")
    for name, ms in adversarial.items():
        print(f"| {name:<34} | {ms:>8.1f} |")


if __name__ == "__main__":
    main()
