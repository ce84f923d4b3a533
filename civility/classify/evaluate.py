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


# --------------------------------------------------------------------------------------
# leave-one-dataset-out (needs the [train] extra)
# --------------------------------------------------------------------------------------
#: the labels the report covers, in order
REPORTED: tuple[str, ...] = ("toxic", "hate", "insult", "threat", "obscene", "spam")
#: datasets the leave-one-out loop skips (not a target language, and small)
LODO_SKIP: frozenset[str] = frozenset({"jigsaw_es_it"})


def leave_one_out(prep: Any, fitted: Any, thresholds: dict[str, float], calibration: dict[str, Any] | None = None,
                  only: Sequence[str] | None = None, log: Callable[[str], None] = print) -> dict[str, Any]:
    """For each real dataset D and each label D itself labels: train on every source but D
    (the same recipe: the n-gram heads D feeds are refitted without it, at most
    ``prep.cfg.lodo_cap`` rows of each other dataset, and the combined heads are refitted
    without D's rows), then score all of D.

    Returns {"rows": [{label, dataset, n, positives, roc_auc, avg_precision, recall, fpr}],
    "reliability": {label: bins of the calibrated left-out scores vs. the observed rate}}.
    ``recall`` and ``fpr`` (the share of D's negatives flagged) are at ``thresholds``.
    D's civil rows also stand as implied negatives for heads D does not label; those stay in
    (they only add negatives), so the numbers for such heads are slightly optimistic.
    """
    import time

    from civility.classify.model import NGRAM_HEADS
    from civility.classify.train import (
        HEAD_LABEL,
        _metrics,
        fit_meta,
        fit_ngram_heads,
        raw_scores,
        reliability,
    )

    out: list[dict[str, Any]] = []
    pooled: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {}
    names = sorted(set(only) if only else prep.real - LODO_SKIP)
    for ds in names:
        labels = [lab for lab in REPORTED if ds in prep.native.get(lab, ()) and lab in thresholds]
        ix = prep.idx(lambda r, d=ds, ls=tuple(labels): r.dataset == d and any(r.labels.get(x) is not None
                                                                              for x in ls))
        ys = {lab: np.array([prep.rows[i].labels[lab] if prep.rows[i].labels[lab] is not None else -1 for i in ix])
              for lab in labels}
        labels = [lab for lab in labels if (ys[lab] == 1).any() and (ys[lab] == 0).any()]
        if not labels:
            continue
        t = time.perf_counter()
        refit = [h for h in NGRAM_HEADS if ds in prep.native.get(HEAD_LABEL[h], ())]
        f = fit_ngram_heads(prep, exclude=frozenset({ds}), heads=refit, base=fitted, cap=prep.cfg.lodo_cap,
                            fast=True, log=lambda _m: None)
        f = fit_meta(prep, f, exclude=frozenset({ds}))
        prob = raw_scores(prep, f, ix)
        for lab in labels:
            keep = ys[lab] >= 0
            y, p = ys[lab][keep], prob[lab][keep]
            m = _metrics(y, p, thresholds[lab])
            out.append({"label": lab, "dataset": ds, "n": m["n"], "positives": m["positives"],
                        "roc_auc": m["roc_auc"], "avg_precision": m["avg_precision"], "recall": m["recall"],
                        "fpr": m["fpr"], "precision": m["precision"]})
            if calibration and lab in calibration:
                cal = np.interp(p, calibration[lab]["raw"], calibration[lab]["score"])
                pooled.setdefault(lab, []).append((y, cal, np.full(len(y), 1.0 / len(y))))
        log(f"leave out {ds} ({', '.join(refit) or 'combined heads only'} refitted, "
            f"{time.perf_counter() - t:.0f} s): " + ", ".join(
                f"{r['label']} AUC {r['roc_auc']}" for r in out if r["dataset"] == ds))
    rel = {}
    for lab, parts in pooled.items():
        y = np.concatenate([a for a, _, _ in parts])
        s = np.concatenate([b for _, b, _ in parts])
        w = np.concatenate([c for _, _, c in parts])
        rel[lab] = reliability(y, s, w * len(w) / w.sum())
    return {"rows": sorted(out, key=lambda r: (REPORTED.index(r["label"]), r["dataset"])), "reliability": rel}


def lodo_table(lodo: dict[str, Any]) -> str:
    head = ["head", "left out", "n", "pos", "ROC-AUC", "AP", "recall", "false flags"]
    lines = [head] + [[r["label"], r["dataset"], str(r["n"]), str(r["positives"]), _fmt(r["roc_auc"]),
                       _fmt(r["avg_precision"]), _fmt(r["recall"]), _fmt(r["fpr"])] for r in lodo.get("rows", [])]
    return _grid(lines)


def reliability_table(rel: dict[str, list[dict[str, Any]]]) -> str:
    lines = [["head", "score bin", "n", "mean score", "observed rate"]]
    for lab, bins in rel.items():
        for b in bins:
            lines.append([lab, f"{b['bin'][0]:.2f}–{b['bin'][1]:.2f}", str(b["n"]), _fmt(b["mean_score"]),
                          _fmt(b["observed"])])
    return _grid(lines)


def _grid(lines: list[list[str]]) -> str:
    widths = [max(len(str(row[i])) for row in lines) for i in range(len(lines[0]))]
    out = [" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in lines]
    out.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(out)


def lodo_from_scratch(datasets: Path, lexicons: Path, own: Path | None, model: Model, n_buckets: int = 1 << 18,
                      limit: int | None = None, lodo_cap: int | None = 8000, only: Sequence[str] | None = None,
                      log: Callable[[str], None] = print) -> dict[str, Any]:
    """The leave-one-out table recomputed (a lighter configuration: ``n_buckets``), at the
    shipped model's thresholds and calibration."""
    from civility.classify.train import Config, fit_meta, fit_ngram_heads, prepare

    prep = prepare(datasets, lexicons, own, Config(n_buckets=n_buckets, limit=limit, lodo_cap=lodo_cap), log)
    fitted = fit_meta(prep, fit_ngram_heads(prep, cap=lodo_cap, fast=True, log=log))
    calibration = model.manifest.get("calibration")
    return leave_one_out(prep, fitted, model.thresholds, calibration, only=only, log=log)


# --------------------------------------------------------------------------------------
# the one report: civility model eval --report
# --------------------------------------------------------------------------------------
#: the labels a comment is "civil" without
BAD: tuple[str, ...] = ("hate", "insult", "threat", "obscene", "toxic")


def _lang_rows(report_rows: list[dict[str, Any]], name: str, rows: Sequence[Row], scores: dict[str, np.ndarray],
               model: Model) -> None:
    """Per label and language: recall at the shipped threshold, civil false-flag rate, ROC-AUC."""
    langs = sorted({r.lang for r in rows})
    # civil: labelled not toxic (or implied so: a spam set's ham), and nothing else labelled 1
    civil_all = np.array([r.labels.get("toxic") == 0 and all(r.labels.get(h) in (0, None) for h in (*BAD, "spam"))
                          for r in rows])
    for label in REPORTED:
        if label not in model.heads:
            continue
        for lang in [*langs, "all"] if len(langs) > 1 else langs:
            sel = np.array([lang == "all" or r.lang == lang for r in rows])
            y = np.array([r.labels.get(label) if r.labels.get(label) is not None else -1 for r in rows])
            s = scores[label]
            flagged = s >= model.flag_at[label]
            has = sel & (y >= 0)
            civil = sel & civil_all
            if not (has & (y == 1)).any() and not civil.any():
                continue
            auc = roc_auc(y[has], s[has]) if has.any() else None
            report_rows.append({
                "set": name, "label": label, "lang": lang, "positives": int((has & (y == 1)).sum()),
                "recall": round(float(flagged[has & (y == 1)].mean()), 4) if (has & (y == 1)).any() else None,
                "civil": int(civil.sum()),
                "civil_flagged": round(float(flagged[civil].mean()), 4) if civil.any() else None,
                "roc_auc": None if auc is None else round(auc, 4),
            })


def full_report(model: Model, own: Path, datasets: Path | None, seed: int = 13,
                val_limit: int | None = 3000) -> dict[str, Any]:
    """Our own labelled sets (``own/*.csv``, every row) and the datasets' validation splits
    (the split training held out; at most ``val_limit`` rows of each), per label and language."""
    from civility.classify.train import DATASETS, _bucket, assign_split, clean_text, imply_labels

    rows_out: list[dict[str, Any]] = []
    # our sets label every sentence for every head but spam (none is an ad): one pool, and the
    # civil identity sentences (fairness*.csv) on their own
    pools: dict[str, list[Row]] = {}
    for path in sorted(Path(own).glob("*.csv")):
        for r in read_csv(path):
            if r.labels.get("spam") is None:
                r.labels["spam"] = 0
            pools.setdefault(path.name if path.name.startswith("fairness") else "own sets", []).append(r)
    for name, rows in sorted(pools.items(), key=lambda kv: kv[0] != "own sets"):
        _lang_rows(rows_out, name, rows, model.score([r.text for r in rows]), model)
    if datasets is not None and Path(datasets).exists():
        for stem, name in DATASETS.items():
            path = Path(datasets) / f"{stem}.csv.gz"
            if not path.exists():
                continue
            rows = []
            for r in read_csv(path, name):
                r.text = clean_text(name, r.text)
                if assign_split(r, seed, 10) == "val" and r.text.strip():
                    imply_labels(r)
                    rows.append(r)
            if val_limit and len(rows) > val_limit:
                rows = sorted(rows, key=lambda r: _bucket(r.text, seed + 7))[:val_limit]
            if rows:
                _lang_rows(rows_out, f"{name} (validation)", rows, model.score([r.text for r in rows]), model)
    return {"model": model.version, "flag_at": model.flag_at, "rows": rows_out,
            "leave_one_out": model.manifest.get("metrics", {}).get("leave_one_out"),
            "reliability": model.manifest.get("metrics", {}).get("reliability")}


def report_text(rep: dict[str, Any]) -> str:
    lines = [["set", "label", "lang", "pos", "recall", "civil", "civil flagged", "ROC-AUC"]]
    for r in rep["rows"]:
        lines.append([r["set"], r["label"], r["lang"], str(r["positives"]), _fmt(r["recall"]), str(r["civil"]),
                      _fmt(r["civil_flagged"]), _fmt(r["roc_auc"])])
    parts = [f"model {rep['model']}; recall and civil false flags at the policy's flag levels "
             "(calibrated score ≥ FLAG_AT); 'civil' = rows labelled with none of hate, insult, threat, "
             "obscene, toxic, spam", _grid(lines)]
    lodo = rep.get("leave_one_out")
    if lodo and lodo.get("rows"):
        parts += ["", "leave-one-dataset-out (trained on every source but the one scored; recall and false "
                  "flags at the shipped thresholds):", lodo_table(lodo)]
        if lodo.get("reliability"):
            parts += ["", "reliability of the calibrated scores on the left-out datasets (each dataset weighs "
                      "the same):", reliability_table(lodo["reliability"])]
    else:
        parts += ["", "leave-one-dataset-out: not stored in this model's manifest "
                  "(civility model train --lodo, or civility model eval --report --lodo to recompute)"]
    if rep.get("reliability"):
        parts += ["", "reliability on held-out validation rows (the half the calibration was not fitted on):",
                  reliability_table(rep["reliability"])]
    return "\n".join(parts)
