"""Evaluation (offline): ``civility model eval FILE...``.

Each FILE is a CSV (optionally gzip) in the datasets' schema
(``text,hate,obscene,insult,threat,toxic,spam,lang,source``; an empty cell means "not
labelled"). For every label the model has a head for and the file labels, it reports
ROC-AUC, average precision, and precision/recall/F1 at the shipped threshold, with n and
the number of positives; ``--by-lang`` splits each file by its ``lang`` column.

Baselines (the optional ``[baselines]`` extra): when ``hatesonar`` and/or
``alt-profanity-check`` are importable, their scores are reported side by side:
hatesonar's hate-speech probability for ``hate`` and ``1 - P(neither)`` for the other
labels; alt-profanity-check's probability for every label. Both were trained on Davidson
et al. 2017, so their numbers on that dataset are in-sample.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from civility.classify.model import Model
from civility.classify.train import LABELS, Row, average_precision, prf, read_csv, roc_auc


def _baselines() -> tuple[dict[str, Callable[[list[str]], dict[str, np.ndarray]]], dict[str, str]]:
    """The installed baselines, and why any installed one could not start."""
    found: dict[str, Callable[[list[str]], dict[str, np.ndarray]]] = {}
    broken: dict[str, str] = {}
    try:
        from hatesonar import Sonar  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        try:
            sonar = Sonar()
        except Exception as exc:  # its ONNX model needs the en_US.UTF-8 locale, for one
            broken["hatesonar"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        else:
            def run_sonar(texts: list[str]) -> dict[str, np.ndarray]:
                hate, bad = [], []
                for t in texts:
                    res = {c["class_name"]: c["confidence"] for c in sonar.ping(text=t)["classes"]}
                    hate.append(res.get("hate_speech", 0.0))
                    bad.append(1.0 - res.get("neither", 0.0))
                other = np.array(bad)
                return {"hate": np.array(hate), **{k: other for k in LABELS if k != "hate"}}

            found["hatesonar"] = run_sonar
    try:
        from profanity_check import predict_prob  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        def run_profanity(texts: list[str]) -> dict[str, np.ndarray]:
            p = np.asarray(predict_prob(texts), dtype=np.float64)
            return dict.fromkeys(LABELS, p)

        found["alt-profanity-check"] = run_profanity
    return found, broken


def _row(name: str, label: str, y: np.ndarray, p: np.ndarray, threshold: float | None) -> dict[str, Any]:
    auc = roc_auc(y, p)
    ap = average_precision(y, p)
    out: dict[str, Any] = {"set": name, "label": label, "n": len(y), "positives": int(y.sum()),
                           "roc_auc": None if auc is None else round(auc, 4),
                           "avg_precision": None if ap is None else round(ap, 4)}
    if threshold is not None:
        out.update({k: round(v, 4) for k, v in prf(y, p >= threshold).items()})
    return out


#: the heads the classifier.v1 signal reports by default; "any" = flagged by one of them
ANY = ("toxic", "hate", "insult", "threat")


def evaluate(files: Sequence[Path], model: Model, by_lang: bool = False, by_source: bool = False,
             baselines: bool = True) -> dict[str, Any]:
    """Per file (and per language / per ``source`` when asked), per label: the metrics.

    A pseudo-label ``any`` (flagged by any of toxic, hate, insult, threat; ranked by the
    largest score relative to its flag level) is added when a file labels all four: on a
    set of civil sentences its false-positive rate is the false-flag rate.
    """
    others, broken = _baselines() if baselines else ({}, {})
    results: list[dict[str, Any]] = []
    for path in files:
        rows = read_csv(Path(path))
        groups: dict[str, list[Row]] = {path.name: rows}
        for r in rows:
            if by_lang:
                groups.setdefault(f"{path.name}[{r.lang}]", []).append(r)
            if by_source:
                groups.setdefault(f"{path.name}[{r.source}]", []).append(r)
        for name, group in groups.items():
            texts = [r.text for r in group]
            raw = model.raw(texts)
            other_scores = {b: fn(texts) for b, fn in others.items()}
            if all(r.labels[h] is not None for r in group for h in ANY):
                cal = model.calibrated({h: raw[h] for h in ANY})
                y = np.array([max(r.labels[h] or 0 for h in ANY) for r in group], dtype=np.int64)
                s = np.max([cal[h] / model.flag_at[h] for h in ANY], axis=0)
                results.append({**_row(name, "any", y, s, 1.0), "baselines": {}})
            for label in LABELS:
                if label not in model.heads:
                    continue
                keep = np.array([r.labels[label] is not None for r in group], dtype=bool)
                if not keep.any():
                    continue
                y = np.array([r.labels[label] for r, k in zip(group, keep, strict=True) if k], dtype=np.int64)
                res = _row(name, label, y, raw[label][keep], model.thresholds[label])
                res["baselines"] = {b: _row(name, label, y, s[label][keep], 0.5) for b, s in other_scores.items()}
                results.append(res)
    return {"model": model.version, "thresholds": model.thresholds, "baselines": sorted(others),
            "baselines_unavailable": broken, "results": results}


def false_flag_table(report: dict[str, Any]) -> list[tuple[str, int, int, float]]:
    """(group, n, flagged, rate) of the ``any`` rows: the fairness table."""
    out = []
    for r in report["results"]:
        if r["label"] == "any" and r["positives"] == 0:
            flagged = round(r["fpr"] * r["n"])
            out.append((r["set"], r["n"], flagged, r["fpr"]))
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def table(report: dict[str, Any]) -> str:
    base = report["baselines"]
    head = ["set", "label", "n", "pos", "ROC-AUC", "AP", "P", "R", "F1", "FPR"]
    for b in base:
        head += [f"{b} AUC", f"{b} F1"]
    lines = [head]
    for r in report["results"]:
        line = [r["set"], r["label"], r["n"], r["positives"], r["roc_auc"], r["avg_precision"], r.get("precision"),
                r.get("recall"), r.get("f1"), r.get("fpr")]
        for b in base:
            got = r["baselines"].get(b, {})
            line += [got.get("roc_auc"), got.get("f1")]
        lines.append([_fmt(x) for x in line])
    widths = [max(len(str(row[i])) for row in lines) for i in range(len(head))]
    out = [" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in lines]
    out.insert(1, "-+-".join("-" * w for w in widths))
    note = (f"model {report['model']}; P/R/F1/FPR at the shipped thresholds (raw probability): "
            + ", ".join(f"{k} {v:.3f}" for k, v in report["thresholds"].items()))
    for name, why in report.get("baselines_unavailable", {}).items():
        note += f"\nbaseline {name} is installed but could not start: {why}"
    if not base:
        note += "\nbaselines: none installed (pip install '.[baselines]': hatesonar, alt-profanity-check)"
    return "\n".join(out) + "\n" + note


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=1)
