"""A classifier that adapts to a newsroom's decisions, installed only when it is better.

``civility model adapt [--site KEY] [--dry-run]``:

1. **Examples.** The site's decided comments, oldest first (``moderation.selectors.decided_list``):
   a rejection whose reason maps to a label is a positive for that label's head (and for
   ``toxic`` when the label is hate, obscenity, a personal attack or a threat); an approval is a
   negative for every head; off-topic and other rejections teach nothing. The newest 20 % are
   held back for the evaluation. Beside them, rows of the shipped training data (our labelled
   sets' tune halves and, for a full run, a sample of every dataset) keep the model what it was
   elsewhere.
2. **Training.** Each n-gram head (``toxic``, ``hate``, ``spam``, ``x_insult``, ``x_threat``) gets
   a correction of its weights, fitted by L2-regularised logistic regression *around the model
   in use*: its logits are the offset, so the penalty pulls towards what the model already
   knows rather than towards zero (a few hundred decisions move it, they do not replace it).
   The combined heads, thresholds and calibration are kept. The result has the shipped format.
3. **The gate.** The candidate is installed only if, on the held-back decisions, it catches
   more rejections with no more false flags (approved comments flagged) than the model in use,
   the other signals' stored evidence counted as it was; **and** its ROC-AUC on the shipped
   evaluation sets (our sets' test halves and the fairness set) is nowhere more than 0.01 below
   the current model's.

Training is CPU work (about a minute for a full run on one core); :class:`AdaptConfig` sizes it
(tests and the replay benchmark use small samples).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.utils import timezone

from civility.classify.model import NGRAM_HEADS, Extracted, Model, _normalize, batch_features, get_model, to_bytes
from civility.classify.train import (
    DEFAULT_DATASETS,
    HEAD_LABEL,
    OWN_DATA,
    Row,
    _bucket,
    load_datasets,
    load_own,
    read_csv,
    roc_auc,
)
from civility.moderation.selectors import Decided, decided_list
from civility.publishing.models import Site
from civility.triage import policy

log = logging.getLogger(__name__)

#: which n-gram heads a decision for each label teaches
LABEL_HEADS: dict[str, tuple[str, ...]] = {
    "hate": ("hate", "toxic"), "insult": ("x_insult", "toxic"), "threat": ("x_threat", "toxic"),
    "obscene": ("toxic",), "spam": ("spam",),
}
#: the labels whose ROC-AUC on the shipped evaluation sets may not drop
AUC_LABELS: tuple[str, ...] = ("toxic", "hate", "insult", "threat", "obscene")
MAX_AUC_DROP = 0.01
HELD_BACK = 0.2


@dataclass
class AdaptConfig:
    #: strength of the data against the pull towards the current weights (sklearn's C)
    C: float = 0.5
    #: the shipped data's weight beside the decisions' (each balanced within itself)
    anchor_share: float = 1.0
    #: rows of our own labelled sets' tune halves used as anchor (None: all)
    own_rows: int | None = None
    #: rows per shipped dataset used as anchor (0: none; a full run reads the datasets folder)
    dataset_rows: int = 0
    datasets: Path = DEFAULT_DATASETS
    own: Path = OWN_DATA
    #: rows of the shipped evaluation sets scored for the ROC-AUC gate (None: all)
    eval_rows: int | None = None
    #: the evaluation sets (default: our sets' test halves and the fairness set)
    eval_files: Sequence[Path] | None = None
    min_decisions: int = 20
    seed: int = 13
    max_iter: int = 200

    @classmethod
    def full(cls) -> AdaptConfig:
        """The command line's and the schedule's run: every labelled row, 1,500 rows per dataset."""
        return cls(dataset_rows=1500)


@dataclass
class Example:
    text: str
    #: head → 0/1 for the heads this example labels
    labels: dict[str, int]
    group: str  # "decisions" or "anchor"


@dataclass
class Evaluation:
    rejections: int
    caught: int
    approved: int
    false_flags: int


@dataclass
class AdaptResult:
    installed: bool
    reason: str
    site: str | None
    current: str
    candidate: str | None
    trained_on: int = 0
    anchor: int = 0
    held_back: int = 0
    before: Evaluation | None = None
    after: Evaluation | None = None
    auc_before: dict[str, float] = field(default_factory=dict)
    auc_after: dict[str, float] = field(default_factory=dict)
    #: the candidate passed the gate (installed unless a dry run)
    passed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class AdaptError(Exception):
    """Adapting cannot start (too few decisions, no evaluation sets, the classifier is off)."""


# -- examples ---------------------------------------------------------------------------------


def decision_examples(decided: Sequence[Decided]) -> list[Example]:
    out = []
    for d in decided:
        if d.status == "approved":
            out.append(Example(d.body, dict.fromkeys(NGRAM_HEADS, 0), "decisions"))
        elif (label := policy.reason_label(d.reason)) in LABEL_HEADS:
            out.append(Example(d.body, dict.fromkeys(LABEL_HEADS[label], 1), "decisions"))
    return out


def _sample(rows: list[Row], n: int | None, seed: int) -> list[Row]:
    if n is None or len(rows) <= n:
        return rows
    return sorted(rows, key=lambda r: _bucket(r.text, seed))[:n]


def anchor_examples(cfg: AdaptConfig) -> list[Example]:
    """Rows of the shipped training data: our sets' tune halves, and a sample of each dataset."""
    rows = [r for r in (load_own(cfg.own) if cfg.own.exists() else []) if r.split == "tune"]
    rows = _sample(rows, cfg.own_rows, cfg.seed)
    if cfg.dataset_rows and cfg.datasets.exists():
        rows += [r for r in load_datasets(cfg.datasets, cfg.seed, limit=cfg.dataset_rows) if r.split == "train"]
    out = []
    for r in rows:
        labels = {h: int(r.labels[HEAD_LABEL[h]]) for h in NGRAM_HEADS
                  if r.labels.get(HEAD_LABEL[h]) is not None}
        if labels:
            out.append(Example(r.text, labels, "anchor"))
    return out


def evaluation_rows(cfg: AdaptConfig) -> list[Row]:
    """The shipped evaluation sets: our labelled sets' test halves and the fairness set."""
    if cfg.eval_files is not None:
        rows = [r for path in cfg.eval_files for r in read_csv(Path(path), Path(path).stem)]
    else:
        if not cfg.own.exists():
            raise AdaptError(f"no evaluation sets at {cfg.own}")
        rows = [r for r in load_own(cfg.own) if r.split == "test"]
        fairness = cfg.own / "fairness.csv"
        if fairness.exists():
            rows += read_csv(fairness, "fairness")
    return _sample(rows, cfg.eval_rows, cfg.seed + 1)


# -- training ---------------------------------------------------------------------------------


def _extract(model: Model, texts: Sequence[str]) -> list[Extracted]:
    return [model.extract(_normalize(t)) for t in texts]


def _weights(examples: Sequence[Example], y: np.ndarray, share: dict[str, float]) -> np.ndarray:
    """Classes balanced within each group (decisions, anchor); each group weighs its share; mean 1."""
    counts: dict[tuple[str, int], int] = {}
    for e, yi in zip(examples, y, strict=True):
        counts[(e.group, int(yi))] = counts.get((e.group, int(yi)), 0) + 1
    w = np.array([share[e.group] / (counts[(e.group, int(yi))]
                                    * (2 if (e.group, 1 - int(yi)) in counts else 1))
                  for e, yi in zip(examples, y, strict=True)])
    return w * (len(w) / w.sum())


def fit_corrections(model: Model, examples: Sequence[Example], cfg: AdaptConfig,
                    items: list[Extracted] | None = None) -> dict[str, np.ndarray]:
    """New arrays: each n-gram head's weights plus a correction fitted around them."""
    from scipy import optimize, sparse

    items = items if items is not None else _extract(model, [e.text for e in examples])
    n = len(items)
    docs, cols, vals, cue = batch_features(items, model.featurizer)
    used, local = np.unique(cols, return_inverse=True)
    hashed = sparse.csr_matrix((vals.astype(np.float64), (docs, local)), shape=(n, len(used)))
    hashed.sum_duplicates()
    X = sparse.hstack([hashed, sparse.csr_matrix(cue), sparse.csr_matrix(np.ones((n, 1)))], format="csr")
    z0, _zm = model.logits(items)
    W = model.arrays["W"].copy()
    C = model.arrays["C"].astype(np.float32).copy()
    b = model.arrays["b"].astype(np.float32).copy()
    share = {"decisions": 1.0, "anchor": cfg.anchor_share}
    for j, head in enumerate(model.ngram_heads):
        rows = np.array([i for i, e in enumerate(examples) if head in e.labels], dtype=np.int64)
        if not len(rows):
            continue
        y = np.array([examples[i].labels[head] for i in rows], dtype=np.float64)
        if y.min() == y.max():
            continue  # one class only: nothing to tell apart
        w = _weights([examples[i] for i in rows], y, share)
        Xh, offset = X[rows], z0[rows, j]
        sign = 2 * y - 1

        def loss(d: np.ndarray, Xh: Any = Xh, offset: np.ndarray = offset, sign: np.ndarray = sign,
                 w: np.ndarray = w) -> tuple[float, np.ndarray]:
            margin = sign * (offset + Xh @ d)
            value = 0.5 * d @ d + cfg.C * float(w @ np.logaddexp(0.0, -margin))
            grad = d - cfg.C * (Xh.T @ (w * sign / (1.0 + np.exp(np.clip(margin, -40, 40)))))
            return value, grad

        d = optimize.minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B",
                              options={"maxiter": cfg.max_iter}).x
        k = len(used)
        W[used, j] = (W[used, j].astype(np.float32) + d[:k]).astype(np.float16)
        C[:, j] += d[k:-1].astype(np.float32)
        b[j] += np.float32(d[-1])
    return {**model.arrays, "W": W, "C": C, "b": b}


def candidate_model(model: Model, arrays: dict[str, np.ndarray], note: dict[str, Any]) -> Model:
    """The adapted arrays as a model with its own version (a hash of arrays and calibration, as training does)."""
    manifest = {k: v for k, v in model.manifest.items() if k != "metrics"}
    digest = hashlib.sha256()
    for k in sorted(arrays):
        digest.update(k.encode())
        digest.update(np.ascontiguousarray(arrays[k]).tobytes())
    digest.update(json.dumps([manifest["thresholds"], manifest.get("calibration", {})], sort_keys=True).encode())
    manifest["version"] = f"2.{digest.hexdigest()[:12]}"
    manifest["adapted"] = {"from": model.version, **note}
    return Model(None, manifest=manifest, arrays=arrays)


# -- the gate ---------------------------------------------------------------------------------


def classifier_heads() -> tuple[str, ...]:
    """The heads the configured pipeline's classifier reports (what a model change can change)."""
    from civility.classify.signal import DEFAULT_HEADS

    for entry in settings.CIVILITY_TRIAGE_PIPELINE:
        if isinstance(entry, dict) and entry.get("signal") == "classifier.v1":
            return tuple((entry.get("options") or {}).get("heads", DEFAULT_HEADS))
    return ()


def held_back_evaluation(model: Model, decided: Sequence[Decided], items: list[Extracted],
                         heads: Sequence[str], sites: dict[str, int]) -> Evaluation:
    """Rejections caught and approvals flagged on decided comments, with ``model`` as the classifier
    and the other signals' stored findings as they were."""
    scores = model.calibrated(model.raw_items(items)) if items else {}
    rejections = caught = approved = false_flags = 0
    for i, d in enumerate(decided):
        report = d.report or {}
        combined: dict[str, float] = {}
        for f in report.get("findings") or ():
            if not str(f.get("signal", "")).startswith("classifier"):
                combined[f["label"]] = max(combined.get(f["label"], 0.0), float(f.get("score", 0.0)))
        for h in heads:
            combined[h] = max(combined.get(h, 0.0), float(scores[h][i]))
        combined["spam"] = max(combined.get("spam", 0.0), combined.get("duplicate", 0.0))
        lang, site = report.get("lang"), sites.get(d.site)
        flagged = {label for label, s in combined.items() if label in policy.FLAG_AT
                   and s >= policy.threshold(label, lang, site=site)}
        if d.status == "approved":
            approved += 1
            false_flags += bool(flagged)
        elif (label := policy.reason_label(d.reason)) in LABEL_HEADS:
            rejections += 1
            caught += label in flagged
    return Evaluation(rejections, caught, approved, false_flags)


def shipped_auc(model: Model, rows: Sequence[Row], items: list[Extracted]) -> dict[str, float]:
    raw = model.raw_items(items)
    out = {}
    for label in AUC_LABELS:
        keep = [i for i, r in enumerate(rows) if r.labels.get(label) is not None]
        y = np.array([rows[i].labels[label] for i in keep])
        auc = roc_auc(y, raw[label][keep]) if keep else None
        if auc is not None:
            out[label] = round(auc, 4)
    return out


def gate(before: Evaluation, after: Evaluation, auc_before: dict[str, float],
         auc_after: dict[str, float]) -> tuple[bool, str]:
    """Whether the candidate may be installed, and why (or why not)."""
    worse = [f"{label} {auc_before[label]:.3f} → {auc_after.get(label, 0.0):.3f}" for label in auc_before
             if auc_after.get(label, 0.0) < auc_before[label] - MAX_AUC_DROP]
    if after.caught <= before.caught:
        return False, (f"it catches no more held-back rejections ({after.caught} of {after.rejections}, "
                       f"now {before.caught})")
    if after.false_flags > before.false_flags:
        return False, (f"it flags more approved comments ({after.false_flags} of {after.approved}, "
                       f"now {before.false_flags})")
    if worse:
        return False, "its ROC-AUC on the shipped evaluation sets drops by more than 0.01: " + ", ".join(worse)
    return True, (f"it catches {after.caught} of {after.rejections} held-back rejections (now {before.caught}) "
                  f"with {after.false_flags} false flags (now {before.false_flags})")


class Extractions:
    """Each text taken apart once, whichever model version reads it (versions share the featurizer and
    the cue lists; only the weights differ). The replay benchmark keeps one across weeks."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.done: dict[str, Extracted] = {}

    def __call__(self, texts: Sequence[str]) -> list[Extracted]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.done]
        self.done.update(zip(missing, _extract(self.model, missing), strict=True))
        return [self.done[t] for t in texts]


def adapt_candidate(current: Model, usable: Sequence[Decided], cfg: AdaptConfig, *, heads: Sequence[str],
                    sites: dict[str, int], site: str | None = None, anchor: list[Example] | None = None,
                    eval_rows: list[Row] | None = None, extract: Extractions | None = None,
                    log_line: Callable[[str], None] = log.info) -> tuple[Model, AdaptResult]:
    """Train a candidate on all but the newest :data:`HELD_BACK` of ``usable`` decisions and put it
    through the gate (nothing is stored: no database access but the policy's flag levels)."""
    extract = extract or Extractions(current)
    cut = len(usable) - max(1, round(len(usable) * HELD_BACK))
    train_on, held = list(usable[:cut]), list(usable[cut:])
    taught = decision_examples(train_on)
    anchor = anchor_examples(cfg) if anchor is None else anchor
    examples = taught + anchor
    log_line(f"training on {len(train_on)} decisions and {len(anchor)} rows of the shipped data; "
             f"{len(held)} decisions held back")
    arrays = fit_corrections(current, examples, cfg, items=extract([e.text for e in examples]))
    candidate = candidate_model(current, arrays, {
        "site": site, "decisions": len(train_on), "at": timezone.now().isoformat(timespec="seconds")})
    result = AdaptResult(installed=False, reason="", site=site, current=current.version,
                         candidate=candidate.version, trained_on=len(train_on), anchor=len(anchor),
                         held_back=len(held))
    held_items = extract([d.body for d in held])
    result.before = held_back_evaluation(current, held, held_items, heads, sites)
    result.after = held_back_evaluation(candidate, held, held_items, heads, sites)
    eval_rows = evaluation_rows(cfg) if eval_rows is None else eval_rows
    eval_items = extract([r.text for r in eval_rows])
    result.auc_before = shipped_auc(current, eval_rows, eval_items)
    result.auc_after = shipped_auc(candidate, eval_rows, eval_items)
    result.passed, result.reason = gate(result.before, result.after, result.auc_before, result.auc_after)
    return candidate, result


# -- the whole run ----------------------------------------------------------------------------


def model_adapt(*, site: str | None = None, dry_run: bool = False, config: AdaptConfig | None = None,
                decided: Sequence[Decided] | None = None, by: str = "civility model adapt",
                log_line: Callable[[str], None] = log.info) -> AdaptResult:
    """Train a candidate from the site's decisions, evaluate it, and install it when it is better.

    ``decided``: the decided comments to learn from, oldest first (default: the site's, read
    from the database); the newest :data:`HELD_BACK` of them are held back for the evaluation.
    """
    from civility.learning.versions import model_store, model_use

    cfg = config or AdaptConfig()
    heads = classifier_heads()
    if not heads:
        raise AdaptError("the classifier is not in CIVILITY_TRIAGE_PIPELINE: an adapted model would change nothing")
    site_id = None
    if site:
        site_id = Site.objects.filter(slug=site).values_list("pk", flat=True).first()
        if site_id is None:
            raise AdaptError(f"no site with the key {site}")
    rows = list(decided) if decided is not None else sorted(decided_list(site=site, with_body=True),
                                                            key=lambda d: (d.decided_at, d.comment_id))
    usable = [d for d in rows if d.status == "approved" or policy.reason_label(d.reason) in LABEL_HEADS]
    if len(usable) < cfg.min_decisions:
        raise AdaptError(f"{len(usable)} usable decisions (approvals, and rejections whose reason is a label); "
                         f"at least {cfg.min_decisions} are needed")
    current = get_model()
    candidate, result = adapt_candidate(current, usable, cfg, heads=heads, sites=dict(
        Site.objects.values_list("slug", "pk")), site=site, log_line=log_line)
    if result.passed and not dry_run:
        model_store(manifest=candidate.manifest, weights=to_bytes(candidate.arrays), parent=current.version,
                    site_id=site_id, note=f"{by}: {result.reason}"[:300], evaluation=result.as_dict())
        model_use(version=candidate.version, by=by)
        result.installed = True
    return result
