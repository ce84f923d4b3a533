"""Choose the classifier's flag levels by leaving one writer out.

    .venv/bin/python -m benchmarks.policy_levels SET.csv:MODEL_DIR [SET.csv:MODEL_DIR ...] [--levels hate=0.55,...]

Each SET is scored by the whole default pipeline with the model in MODEL_DIR, one trained
without that set (``civility model train --written DIR-without-it --out MODEL_DIR``), so every
score is one a model gives to a writer it never read. Then, for each label the classifier
reports, the level from which its findings flag is swept (word lists and spam evidence keep
theirs), and the table prints, per level, the pooled recall on that label, must-reject recall
and the share of civil comments flagged. The suggested levels are the lowest that keep civil
flags at or under ``--max-civil`` while losing the least recall, chosen one label at a time
with the others at their suggestion. Nothing is written; the levels go into
``civility.triage.policy.FLAG_AT_BY_SIGNAL`` by hand, with this table in docs/triage.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.policy_eval import POLICY_LABELS, read_rows, roc_auc, setup, use_model

SIGNAL = "classifier.v1"
SWEPT = ("hate", "insult", "threat", "obscene")
LEVELS = tuple(round(0.50 + 0.01 * k, 2) for k in range(0, 31))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", nargs="+", help="SET.csv:MODEL_DIR")
    parser.add_argument("--levels", default="", help="label=level,… for the labels not being swept")
    args = parser.parse_args(argv)
    setup()
    from civility.triage import policy
    from civility.triage.pipeline import pipeline
    from civility.triage.types import Subject

    docs, rows = [], []
    for pair in args.pairs:
        path, _, model = pair.partition(":")
        if not model:
            parser.error(f"{pair}: give SET.csv:MODEL_DIR")
        use_model(Path(model))
        pipe = pipeline()
        for row in read_rows([path]):
            docs.append(pipe.run(Subject(text=row["text"], client={})))
            rows.append(row)
    bad = [i for i, r in enumerate(rows) if any(r["labels"].values())]
    civil = [i for i, r in enumerate(rows) if not any(r["labels"].values())]
    to_reject = set(bad)
    base = dict(policy.FLAG_AT_BY_SIGNAL.get(SIGNAL, {}))

    def measure(levels: dict[str, float]) -> dict:
        policy.FLAG_AT_BY_SIGNAL[SIGNAL] = levels
        reports = [policy.assess(d) for d in docs]
        flags = [{f["label"] for f in r.flags} for r in reports]
        out = {"must": sum(1 for i in bad if flags[i] & set(POLICY_LABELS)) / len(bad),
               "civil": sum(1 for i in civil if flags[i] & set(POLICY_LABELS)) / len(civil),
               "auc": roc_auc([(1 if i in to_reject else 0, reports[i].risk) for i in range(len(rows))])}
        for label in POLICY_LABELS:
            pos = [i for i, r in enumerate(rows) if r["labels"].get(label) == 1]
            out[label] = sum(1 for i in pos if label in flags[i]) / max(len(pos), 1)
            out["civil_" + label] = sum(1 for i in civil if label in flags[i]) / len(civil)
        return out

    chosen = {label: base.get(label, policy.FLAG_AT[label]) for label in SWEPT}
    for item in filter(None, args.levels.split(",")):
        label, _, level = item.partition("=")
        if label not in SWEPT:
            parser.error(f"--levels: {label!r} is not one of {', '.join(SWEPT)}")
        chosen[label] = float(level)
    now = measure(dict(chosen))
    print(f"{len(rows)} comments ({len(bad)} to reject, {len(civil)} civil); at {chosen}: must-reject "
          f"{now['must']:.3f}, civil flagged {now['civil']:.3f}, ROC-AUC {now['auc']:.3f}; "
          + ", ".join(f"{label} {now[label]:.3f}" for label in POLICY_LABELS) + "\n")
    for label in SWEPT:
        print(f"| {label} level | {label} recall | civil flagged {label} | must-reject | civil flagged |")
        print("|---|---|---|---|---|")
        for level in LEVELS:
            m = measure({**chosen, label: level})
            print(f"| {level:.2f} | {m[label]:.3f} | {m['civil_' + label]:.3f} | {m['must']:.3f} | {m['civil']:.3f} |")
        print()
    # the reader's nudge on the same left-out writers: precision is what a reader is spared
    policy.FLAG_AT_BY_SIGNAL[SIGNAL] = dict(chosen)
    reports = [policy.assess(d) for d in docs]
    print("| nudge label | level | nudges | precision (the row carries the label) | any policy label | recall |")
    print("|---|---|---|---|---|---|")
    for label in policy.NUDGE_LABELS:
        pos = {i for i, r in enumerate(rows) if r["labels"].get(label) == 1}
        for level in (0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.99):
            hits = [i for i, rep in enumerate(reports)
                    if (n := policy.nudge(rep, rows[i]["text"], levels={label: level})) and n["label"] == label]
            right = sum(1 for i in hits if i in pos)
            rude = sum(1 for i in hits if any(rows[i]["labels"].values()))
            print(f"| {label} | {level:.2f} | {len(hits)} | {right / max(len(hits), 1):.3f} | "
                  f"{rude / max(len(hits), 1):.3f} | {right / max(len(pos), 1):.3f} |")
    policy.FLAG_AT_BY_SIGNAL[SIGNAL] = base


if __name__ == "__main__":
    sys.exit(main())
