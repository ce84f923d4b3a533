"""Spam evidence on real data: recall on spam, false flags on civil comments.

    .venv/bin/python -m benchmarks.spam_eval [--signal spam.v2] [--classifier] [--shared ../shared] [--limit N]
                                             [--show 5]

Runs ``normalize.v1`` and the spam signal (no language detection), then the policy, over the
shared datasets (``../shared/datasets``, see its README). ``--classifier`` runs ``classifier.v1``
before the spam signal (which then reads its spam head) and scores only the rows the model was
not trained on (the held-out split of ``civility model train``), so its numbers are not a
memory test; without it no model runs and every row is scored.

- the four spam sets (``spam`` column): recall on spam rows (and on those that carry a link,
  an @handle or a phone number by a crude test of its own: the kind a comment section gets),
  false flags on their ham rows;
- every other set's civil rows (each filled label column 0, and no ``spam`` label): false flags.

``telegram_spam_ru`` masks personal data; the placeholders are put back as realistic forms
(``[LINK]`` → ``https://example.com/…``, ``[USERNAME]`` → ``@someuser``, ``[PHONE]`` → a phone
number…), and its rows with a placeholder are also counted apart. ``--show`` prints a few
misses and false flags per set (to read, not to copy into the repo). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import re
import sys
import time
from pathlib import Path

from civility.triage import policy
from civility.triage.pipeline import Pipeline
from civility.triage.types import Subject

SPAM_SETS = ("sms_spam_en", "telegram_spam_ru", "tg_spam_samples", "youtube_spam")
LABELS = ("hate", "obscene", "insult", "threat", "toxic")
PLACEHOLDERS = {
    "[LINK]": "https://example.com/page", "[USERNAME]": "@someuser", "[PHONE]": "+7 900 000 00 00",
    "[CURRENCY]": "руб", "[EMAIL]": "someone@example.com", "[HASHTAG]": "#tag", "[TIME]": "12:00",
    "[DATE]": "01.02.2024",
}
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))


#: a crude, independent test for "the text gives a way to reach someone" (not the signal's own)
_REACHABLE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|ru|net|org|me|ly|io|xyz|tk|biz|info)\b|(?<!\w)@\w{4,}"
                        r"|\+?\d[\d ()-]{8,}\d", re.IGNORECASE)


def unmask(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: PLACEHOLDERS[m.group()], text)


def rows(path: Path, held_out: bool = False):
    """A dataset's rows; ``held_out``: only those training keeps out (its validation split)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if not held_out:
            yield from reader
            return
        from civility.classify.train import DATASETS, Config, Row, assign_split, clean_text

        name, cfg = DATASETS.get(path.name.removesuffix(".csv.gz"), ""), Config()
        for row in reader:
            probe = Row(clean_text(name, row["text"]), {}, row.get("lang") or "", row.get("source") or "", name)
            if assign_split(probe, cfg.seed, cfg.val_fraction) == "val":
                yield row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signal", default="spam.v2")
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--limit", type=int, default=0, help="at most this many civil rows per set (0: all)")
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false flags per set")
    parser.add_argument("--classifier", action="store_true",
                        help="run classifier.v1 first (its spam head is a cue) and score held-out rows only")
    parser.add_argument("--held-out", action="store_true", help="score held-out rows only (implied by --classifier)")
    args = parser.parse_args(argv)
    args.held_out = args.held_out or args.classifier
    data = Path(args.shared) / "datasets"
    if not data.is_dir():
        parser.error(f"no datasets at {data}")
    model = [{"signal": "classifier.v1", "options": {"heads": ["toxic"], "min_score": 1.0, "explain_top": 0}}]
    pipe = Pipeline.from_config([{"signal": "normalize.v1"}, *(model if args.classifier else []),
                                 {"signal": args.signal}])
    rng = random.Random(0)

    def flagged(text: str) -> bool:
        return policy.assess(pipe.run(Subject(text=text, client={}))).scores["spam"] >= policy.FLAG_AT["spam"]

    table: list[tuple[str, str, int, int]] = []
    started, scored = time.process_time(), 0

    timed: list[str] = []

    def count(name: str, what: str, texts: list[str]) -> None:
        nonlocal scored
        timed.extend(texts)
        hits = [t for t in texts if flagged(t)]
        scored += len(texts)
        table.append((name, what, len(hits), len(texts)))
        if args.show:
            wrong = hits if what != "spam" else [t for t in texts if t not in set(hits)]
            for t in rng.sample(wrong, min(args.show, len(wrong))):
                print(f"  [{name} {'missed' if what == 'spam' else 'flagged'}] {t[:200]!r}", file=sys.stderr)

    for name in SPAM_SETS:
        spam, ham, masked, reachable = [], [], [], []
        for row in rows(data / f"{name}.csv.gz", args.held_out):
            text = unmask(row["text"]) if name == "telegram_spam_ru" else row["text"]
            (spam if row["spam"] == "1" else ham).append(text)
            if row["spam"] == "1" and text != row["text"]:
                masked.append(text)
            if row["spam"] == "1" and _REACHABLE.search(text):
                reachable.append(text)
        count(name, "spam", spam)
        count(name + " (with a link, @handle or phone)", "spam", reachable)
        if masked:
            count(name + " (rows with placeholders)", "spam", masked)
        count(name, "ham", ham)
    for path in sorted(data.glob("*.csv.gz")):
        name = path.name.removesuffix(".csv.gz")
        if name in SPAM_SETS:
            continue
        civil = [row["text"] for row in rows(path, args.held_out) if not row.get("spam")
                 and any(row.get(label) == "0" for label in LABELS)
                 and not any(row.get(label) == "1" for label in LABELS)]
        if args.limit and len(civil) > args.limit:
            civil = rng.sample(civil, args.limit)
        count(name, "civil", civil)
    elapsed = time.process_time() - started

    what = args.signal + (" after classifier.v1" if args.classifier else "")
    what += ", held-out rows" if args.held_out else ""
    print(f"| data ({what}) | rows | flagged as spam | rate |")
    print("| --- | --- | --- | --- |")
    for name, what, hits, total in table:
        print(f"| {name}: {what} | {total:,} | {hits:,} | {100 * hits / max(total, 1):.1f}% |")
    civil_hits = sum(h for _, what, h, _ in table if what == "civil")
    civil_total = sum(t for _, what, _, t in table if what == "civil")
    print(f"| **all civil rows** | {civil_total:,} | {civil_hits:,} | {100 * civil_hits / max(civil_total, 1):.2f}% |")
    print(f"\n{scored:,} texts in {elapsed:.1f} s of CPU ({scored / elapsed:,.0f}/s on one core, normaliser included)")
    sample = rng.sample(timed, min(5000, len(timed)))
    alone = Pipeline.from_config([{"signal": "normalize.v1"}])
    spent = []
    for p in (alone, pipe, alone, pipe):
        started = time.process_time()
        for text in sample:
            p.run(Subject(text=text, client={}))
        spent.append(time.process_time() - started)
    cost = (spent[1] + spent[3] - spent[0] - spent[2]) / 2 / len(sample) * 1e6
    print(f"the signal alone: ~{cost:,.0f} µs of CPU a comment (mean of {len(sample):,} texts, normalising subtracted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
