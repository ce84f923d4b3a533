"""How often the widget's nudge is right: precision (and recall) of ``policy.nudge`` on labelled comments.

    .venv/bin/python -m benchmarks.nudge_precision [--max-rows 4000] [--grid] [--at insult=0.9,hate=0.9]

The reader-facing nudge ("this draft may read as a personal attack …") must be right at
least nine times in ten (issue 10). This triages labelled comments through the default
pipeline (the shipped model and word lists; no admin rules, no author history) and asks
:func:`civility.triage.policy.nudge` about each, at the policy's levels (or ``--at``):

- per label (insult, hate, threat) and data set: rows labelled for it, positives, nudges
  about that label, precision and recall; then all sets pooled;
- on sets that label ``toxic`` both ways: precision of any nudge as "this comment is abusive".

``--grid`` adds, per label, pooled precision and recall at levels 0.50 … 0.99 (the nudge's
word-count and greeting rules applied), which is how the levels in ``policy.NUDGE_AT`` were
chosen. Rerun after a retrain and update docs/triage.md.

Data: our own labelled sentences (``tests/classify/data``: the *test* halves, which the
model is not tuned on, and the fairness set of civil sentences, which it never sees) and,
from ``../shared/datasets`` when present, sets the shipped model was not trained on:
ConvAbuse (insult), Stormfront and ToxiGen (hate), ThreatGram (threat), and for ``toxic``
ParaDetox-en, Turkish cyberbullying, the Jigsaw Turkish rows and the Russian VK set.
``--max-rows`` draws that many rows of each shared set (seeded); 0 reads them all.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import logging
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "classify" / "data"
SHARED = ROOT.parent / "shared" / "datasets"
NUDGED = ("insult", "hate", "threat")  # policy.NUDGE_LABELS, without importing Django first
ABUSE = ("hate", "obscene", "insult", "threat", "toxic")
#: shared sets the shipped model was not trained on, and the labels they carry
SHARED_SETS = {
    "convabuse_en": ("insult", "hate", "toxic"),
    "stormfront_hate_en": ("hate",),
    "toxigen_prompts_en": ("hate",),
    "threatgram_en": ("threat",),
    "paradetox_en": ("toxic",),
    "tr_cyberbullying": ("toxic",),
    "jigsaw_multilingual_val": ("toxic",),
    "ru_vk_distorted": ("toxic",),
}
GRID = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99]


@dataclass
class Row:
    text: str
    labels: dict[str, int]  # only the labels the set fills
    source: str


@dataclass
class Scored:
    row: Row
    scores: dict[str, float]
    eligible: bool  # long enough and not only greetings
    nudge: str | None  # the label the policy nudges about, at the levels asked


def _read(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def own_rows() -> list[Row]:
    rows = []
    for path in sorted(OWN.glob("*.csv")):
        for r in _read(path):
            if r["source"].endswith(":tune"):
                continue  # the model's thresholds were fitted on these
            labels = {k: int(r[k]) for k in ABUSE if r.get(k, "") != ""}
            name = "own:fairness" if path.name.startswith("fairness") else f"own:{path.stem}"
            rows.append(Row(r["text"], labels, name))
    return rows


def shared_rows(max_rows: int, seed: int = 7) -> list[Row]:
    rows = []
    for name, labels in SHARED_SETS.items():
        path = SHARED / f"{name}.csv.gz"
        if not path.exists():
            continue
        got = []
        for r in _read(path):
            if name == "jigsaw_multilingual_val" and r["lang"] != "tr":
                continue
            filled = {k: int(r[k]) for k in labels if r.get(k, "") != ""}
            if filled:
                got.append(Row(r["text"], filled, name))
        if max_rows and len(got) > max_rows:
            got = random.Random(seed).sample(got, max_rows)
        rows += got
    return rows


def score(rows: list[Row], levels: dict[str, float]) -> list[Scored]:
    from django.conf import settings

    from civility.triage import policy
    from civility.triage.pipeline import Pipeline
    from civility.triage.types import Subject

    config = [dict(s, options={**s.get("options", {}), "admin_rules": False}) if s["signal"] == "wordlist.v1" else s
              for s in settings.CIVILITY_TRIAGE_PIPELINE if s["signal"] not in ("history.v1", "duplicates.v1")]
    pipe = Pipeline.from_config(config)
    everywhere = dict.fromkeys(NUDGED, 0.0)  # a nudge at level 0: tells whether the draft may be nudged at all
    out = []
    for i, row in enumerate(rows):
        report = policy.assess(pipe.run(Subject(text=row.text)))
        eligible = policy.nudge(report, row.text, levels=everywhere) is not None
        got = policy.nudge(report, row.text, levels=levels) if eligible else None
        out.append(Scored(row, report.scores, eligible, got["label"] if got else None))
        if i % 2000 == 1999:
            print(f"  … {i + 1} of {len(rows)}", file=sys.stderr)
    return out


def _pr(tp: int, nudged: int, positives: int) -> tuple[str, str]:
    precision = f"{tp / nudged:.3f}" if nudged else "—"
    recall = f"{tp / positives:.3f}" if positives else "—"
    return precision, recall


def label_table(scored: list[Scored]) -> list[str]:
    lines = ["| label | data | labelled | positives | nudged | precision | recall |", "|---|---|---|---|---|---|---|"]
    for label in NUDGED:
        pooled = [0, 0, 0, 0]
        for source in dict.fromkeys(s.row.source for s in scored):
            rows = [s for s in scored if s.row.source == source and label in s.row.labels]
            if not rows:
                continue
            positives = sum(s.row.labels[label] for s in rows)
            nudged = [s for s in rows if s.nudge == label]
            tp = sum(s.row.labels[label] for s in nudged)
            pooled = [pooled[0] + len(rows), pooled[1] + positives, pooled[2] + len(nudged), pooled[3] + tp]
            lines.append(f"| {label} | {source} | {len(rows)} | {positives} | {len(nudged)} | "
                         + " | ".join(_pr(tp, len(nudged), positives)) + " |")
        lines.append(f"| **{label}** | **all** | {pooled[0]} | {pooled[1]} | {pooled[2]} | "
                     + " | ".join(f"**{x}**" for x in _pr(pooled[3], pooled[2], pooled[1])) + " |")
    return lines


def abuse_table(scored: list[Scored]) -> list[str]:
    """Any nudge, read as "this comment is abusive", on the sets that label ``toxic`` both
    ways (a row counts as abusive when any label the set fills is 1). Sets that label one
    aspect only (a ThreatGram reply that is no threat may well be an insult) are left out."""
    lines = ["| data | rows | abusive | nudged | precision | recall |", "|---|---|---|---|---|---|"]
    for source in dict.fromkeys(s.row.source for s in scored):
        rows = [s for s in scored if s.row.source == source and "toxic" in s.row.labels]
        if not any(s.row.labels["toxic"] == 0 for s in rows):
            continue
        abusive = sum(any(s.row.labels.values()) for s in rows)
        nudged = [s for s in rows if s.nudge]
        tp = sum(any(s.row.labels.values()) for s in nudged)
        precision, recall = _pr(tp, len(nudged), abusive)
        lines.append(f"| {source} | {len(rows)} | {abusive} | {len(nudged)} | {precision} | {recall} |")
    return lines


def grid_table(scored: list[Scored]) -> list[str]:
    lines = ["| label | level | nudged | precision | recall |", "|---|---|---|---|---|"]
    for label in NUDGED:
        rows = [s for s in scored if label in s.row.labels]
        positives = sum(s.row.labels[label] for s in rows)
        for level in GRID:
            nudged = [s for s in rows if s.eligible and s.scores.get(label, 0.0) >= level]
            tp = sum(s.row.labels[label] for s in nudged)
            precision, recall = _pr(tp, len(nudged), positives)
            lines.append(f"| {label} | {level:.2f} | {len(nudged)} | {precision} | {recall} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-rows", type=int, default=4000, help="rows drawn from each shared set (0: all)")
    parser.add_argument("--at", default="", help="nudge levels, e.g. insult=0.9,hate=0.95 (default: the policy's)")
    parser.add_argument("--grid", action="store_true", help="also print precision/recall at a range of levels")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civility.settings.base")
    import django

    django.setup()
    logging.disable(logging.WARNING)
    from civility.triage import policy

    levels = policy.nudge_levels()
    for part in filter(None, args.at.split(",")):
        label, _, value = part.partition("=")
        levels[label.strip()] = float(value)
    rows = own_rows() + shared_rows(args.max_rows)
    print(f"nudge levels: {levels}; min words {policy.NUDGE_MIN_WORDS}; {len(rows)} rows", file=sys.stderr)
    scored = score(rows, levels)
    print("\n".join(["### Per label", "", *label_table(scored), "", "### Any nudge as 'abusive'", "",
                     *abuse_table(scored)]))
    if args.grid:
        print("\n".join(["", "### Pooled, by level (the nudge's word-count and greeting rules applied)", "",
                         *grid_table(scored)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
