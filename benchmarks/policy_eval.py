"""What a moderator would see: the whole default triage pipeline on labelled comments.

    .venv/bin/python -m benchmarks.policy_eval FILE.csv[:MODEL_DIR] [FILE.csv ...] [--misses N] [--model DIR]

Each FILE is a CSV with a ``text`` column, 0/1 columns for some of ``hate``, ``obscene``,
``insult``, ``threat``, ``spam`` (an empty cell means "not labelled") and optionally
``lang``. Every text goes through ``triage_text`` with the configured pipeline (word
lists, classifier, spam evidence, language id; nothing is stored, so duplicates and
history do not fire), and the table the triage-quality issue uses is printed:

- must-reject comments (any policy label 1) that carry at least one policy flag;
- per label, the labelled rows caught by a flag of that label;
- civil comments (every policy label 0) flagged for hate, obscenity, insult, threat or spam;
- ROC-AUC of the report's ``risk`` (reject vs approve), the queue's order;

overall and per language. ``--misses N`` lists up to N missed and N falsely flagged rows.
It needs no network and writes only into a temporary directory.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

POLICY_LABELS = ("hate", "obscene", "insult", "threat", "spam")


def read_rows(paths: list[str]) -> list[dict]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            for raw in csv.DictReader(fh):
                labels = {}
                for label in POLICY_LABELS:
                    cell = (raw.get(label) or "").strip()
                    if cell != "":
                        labels[label] = int(float(cell) >= 0.5)
                if not labels:
                    continue
                rows.append({"text": raw["text"], "labels": labels, "lang": (raw.get("lang") or "?").strip(),
                             "file": Path(path).name})
    return rows


def roc_auc(pairs: list[tuple[int, float]]) -> float | None:
    """Probability that a random positive outranks a random negative (ties count half)."""
    pos = [s for y, s in pairs if y]
    neg = [s for y, s in pairs if not y]
    if not pos or not neg:
        return None
    ranked = sorted(pairs, key=lambda p: p[1])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][1] == ranked[i][1]:
            j += 1
        mean_rank = (i + j + 1) / 2
        rank_sum += mean_rank * sum(1 for y, _ in ranked[i:j] if y)
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def setup() -> None:
    """Django on a throw-away SQLite database (nothing is stored, but the pipeline may look)."""
    tmp = tempfile.mkdtemp(prefix="civility-eval-")
    os.environ.update({"CIVILITY_DATA_DIR": tmp, "DATABASE_URL": f"sqlite:///{tmp}/eval.sqlite3",
                       "DJANGO_SETTINGS_MODULE": "civility.settings.base", "CIVILITY_LOG_LEVEL": "ERROR"})
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def use_model(folder: Path | None) -> None:
    """Score with the model in ``folder`` instead of the shipped one (None: the shipped one)."""
    from civility.classify import model as shipped

    shipped._model = None if folder is None else shipped.Model(folder)  # what shipped_model() returns


def score(rows: list[dict]) -> None:
    from civility.triage.pipeline import pipeline
    from civility.triage.services import triage_text

    pipe = pipeline()
    for row in rows:
        report = triage_text(row["text"], using=pipe)
        row["flags"] = {f["label"] for f in report.flags}
        row["risk"] = report.risk
        row["scores"] = report.scores


def table(rows: list[dict]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    bad = [r for r in rows if any(r["labels"].values())]
    civil = [r for r in rows if not any(r["labels"].values())]

    def share(hit: int, n: int) -> str:
        return f"{hit} of {n} ({100 * hit / n:.0f}%)" if n else "—"

    caught = sum(1 for r in bad if r["flags"] & set(POLICY_LABELS))
    out.append(("must reject: carry a policy flag", share(caught, len(bad))))
    for label in POLICY_LABELS:
        pos = [r for r in rows if r["labels"].get(label) == 1]
        out.append((f"  {label}: flagged {label}", share(sum(1 for r in pos if label in r["flags"]), len(pos))))
    false = sum(1 for r in civil if r["flags"] & set(POLICY_LABELS))
    out.append(("civil: flagged hate/obscene/insult/threat/spam", share(false, len(civil))))
    out.append(("civil: flagged toxic", share(sum(1 for r in civil if "toxic" in r["flags"]), len(civil))))
    auc = roc_auc([(1 if r in bad else 0, r["risk"]) for r in rows]) if bad and civil else None
    out.append(("ROC-AUC of risk, reject vs approve", "—" if auc is None else f"{auc:.3f}"))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--misses", type=int, default=0, help="list up to N misses and N false flags")
    parser.add_argument("--model", type=Path, default=None,
                        help="a model folder (weights.npz + manifest.json) instead of the shipped one, e.g. one "
                             "trained without the set being scored")
    args = parser.parse_args(argv)
    # FILE:MODEL scores that file with the model in MODEL (one trained without it)
    models = {Path(f.partition(":")[0]).name: Path(f.partition(":")[2]) for f in args.files if ":" in f}
    rows = read_rows([f.partition(":")[0] for f in args.files])
    if not rows:
        sys.exit("policy_eval: no labelled rows in the given files")

    setup()
    for name in dict.fromkeys(r["file"] for r in rows):
        # a file without its own model gets --model (or the shipped one), whatever came before it
        use_model(models.get(name, args.model))
        score([r for r in rows if r["file"] == name])

    by_lang: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_lang[r["lang"]].append(r)
    columns = ["all", *sorted(by_lang)]
    tables = {"all": table(rows), **{lang: table(rs) for lang, rs in by_lang.items()}}
    names = [name for name, _ in tables["all"]]
    width = max(len(n) for n in names)
    print(f"{len(rows)} labelled comments from {', '.join(sorted({r['file'] for r in rows}))}\n")
    print(f"| {'measure'.ljust(width)} | " + " | ".join(columns) + " |")
    print(f"|{'-' * (width + 2)}|" + "|".join("---" for _ in columns) + "|")
    for k, name in enumerate(names):
        print(f"| {name.ljust(width)} | " + " | ".join(tables[c][k][1] for c in columns) + " |")

    if args.misses:
        missed = [r for r in rows if any(r["labels"].values()) and not r["flags"] & set(POLICY_LABELS)]
        false = [r for r in rows if not any(r["labels"].values()) and r["flags"] & set(POLICY_LABELS)]
        for title, items in (("missed", missed), ("falsely flagged", false)):
            print(f"\n{title} ({len(items)}):")
            for r in items[:args.misses]:
                top = sorted(r["scores"].items(), key=lambda kv: -kv[1])[:3]
                labels = ",".join(k for k, v in r["labels"].items() if v) or "civil"
                print(f"  [{r['lang']} {labels}] {r['text'][:100]!r} → {sorted(r['flags'])} "
                      + " ".join(f"{k}={v:.2f}" for k, v in top))


if __name__ == "__main__":
    main()
