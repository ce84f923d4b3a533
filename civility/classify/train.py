"""Training (offline): ``civility model train``.

Reads ``../shared/datasets`` (gzip CSV: text,hate,obscene,insult,threat,toxic,spam,lang,source;
an empty cell means "not labelled"), the obscenity lists of ``../shared/lexicons``, the
project's own labelled sentences (``tests/classify/data``) and generated sentences
(:mod:`.synthetic`), and writes the model into ``civility/classify/data``.

Steps:

1. every text goes through ``civility.triage.normalize.normalize`` (the web process's
   normaliser), then :mod:`.features` (hashed n-grams) and :mod:`.cues`;
2. rows are split into train/validation: HateXplain's and RUSSE's own validation
   splits, a seeded 10 % of the others (by hash of the text, so it is stable);
3. n-gram heads (toxic, hate, spam): L2 logistic regression (liblinear), each trained
   only on rows that label it, with sample weights that balance the classes inside each
   dataset and give each dataset (so each language) a comparable share;
4. combined heads (insult, threat, obscene): small logistic regressions over the toxic
   and hate logits and the cues, fitted on the *tune* half of our own labelled sets,
   generated sentences and civil validation rows;
5. thresholds are chosen on validation data (see :func:`choose_threshold`), and stored with
   the calibration knots; the metrics are stored in the manifest.

scikit-learn and scipy are needed here (the ``[train]`` extra), never at inference.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from civility.classify.cues import CATEGORIES, CUE_FEATURES, compile_cues
from civility.classify.features import Featurizer, Token, tokens_from_normalized
from civility.classify.model import (
    DATA_DIR,
    META_HEADS,
    META_INPUTS,
    NGRAM_HEADS,
    Extractor,
    normalizer_fingerprint,
    sigmoid,
)

LABELS: tuple[str, ...] = ("hate", "obscene", "insult", "threat", "toxic", "spam")
REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"
DEFAULT_LEXICONS = REPO.parent / "shared" / "lexicons"
OWN_DATA = REPO / "tests" / "classify" / "data"

#: real datasets, by file stem → short name
DATASETS: dict[str, str] = {
    "davidson_hate_offensive": "davidson",
    "hatexplain_trainval": "hatexplain",
    "ethos_binary": "ethos",
    "offenseval2020_tr_train": "offenseval_tr",
    "ru_paradetox_russe2022": "ru_paradetox",
    "youtube_spam": "youtube_spam",
}


@dataclass
class Row:
    text: str
    labels: dict[str, int | None]
    lang: str
    source: str
    dataset: str
    split: str = "train"  # train | val | tune | test
    weight: float = 1.0  # relative weight inside its dataset (generated sentences: per kind)


@dataclass
class Config:
    seed: int = 13
    n_buckets: int = 1 << 20
    char_min: int = 2
    char_max: int = 5
    C: dict[str, float] = field(default_factory=lambda: {"toxic": 2.0, "hate": 2.0, "spam": 2.0, "x_insult": 1.0,
                                                          "x_threat": 1.0})
    meta_C: float = 0.5
    synthetic_share: float = 0.6  # the generated rows' weight, relative to one dataset
    val_fraction: int = 10  # 1 in N rows of datasets without a validation split
    limit: int | None = None  # rows per dataset (tests and quick runs)


# --------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------
def _label(cell: str | None) -> int | None:
    cell = (cell or "").strip()
    return None if cell == "" else int(float(cell) >= 0.5)


def read_csv(path: Path, dataset: str | None = None) -> list[Row]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        rows = []
        for r in csv.DictReader(fh):
            text = r.get("text") or ""
            if not text.strip():
                continue
            rows.append(Row(text=text, labels={k: _label(r.get(k)) for k in LABELS}, lang=(r.get("lang") or "und"),
                            source=r.get("source") or "", dataset=dataset or r.get("source") or path.stem))
    return rows


def _bucket(text: str, seed: int) -> int:
    return zlib.crc32(f"{seed}:{text}".encode()) % 1000


def assign_split(row: Row, seed: int, val_fraction: int) -> str:
    src = row.source
    if src == "hatexplain_val" or src == "russe_detox_2022_dev":
        return "val"
    if src.startswith(("hatexplain", "russe_detox")):
        return "train"
    if ":tune" in src:
        return "tune"
    if ":test" in src:
        return "test"
    return "val" if _bucket(row.text, seed) % val_fraction == 0 else "train"


def load_datasets(directory: Path, seed: int, val_fraction: int = 10, limit: int | None = None) -> list[Row]:
    rows: list[Row] = []
    for stem, name in DATASETS.items():
        path = directory / f"{stem}.csv.gz"
        if not path.exists():
            continue
        got = read_csv(path, name)
        if limit:
            got = sorted(got, key=lambda r: _bucket(r.text, seed))[:limit]
        for r in got:
            r.split = assign_split(r, seed, val_fraction)
        rows += got
    return rows


def load_own(directory: Path = OWN_DATA) -> list[Row]:
    """Our own labelled sentences (``source`` says ``own:<set>:<tune|test>``)."""
    rows: list[Row] = []
    for path in sorted(directory.glob("*.csv")):
        if path.name.startswith("fairness"):
            continue
        for r in read_csv(path):
            r.dataset = f"own_{path.stem}"
            r.split = "test" if r.source.endswith(":test") else "tune"
            rows.append(r)
    return rows


# --------------------------------------------------------------------------------------
# lexicon (the shared obscenity lists, as hashes, filtered against the training data)
# --------------------------------------------------------------------------------------
def lexicon_words(directory: Path, normalize: Callable[[str], Any]) -> list[str]:
    words: set[str] = set()
    for lang in ("en", "ru", "tr", "az"):
        path = directory / f"{lang}.txt"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            toks = tokens_from_normalized(normalize(line.strip()))
            if len(toks) == 1 and len(toks[0].text) >= 3 and not toks[0].text.isdigit():
                words.add(toks[0].text)
    return sorted(words)


def filter_lexicon(words: Iterable[str], token_lists: Sequence[Sequence[str]], toxic: Sequence[int | None],
                   identity_words: Callable[[str], bool]) -> list[str]:
    """Drop words that are identity terms or that mostly occur in civil training rows."""
    words = [w for w in words if not identity_words(w)]
    wanted = set(words)
    pos: dict[str, int] = {}
    neg: dict[str, int] = {}
    for toks, y in zip(token_lists, toxic, strict=True):
        if y is None:
            continue
        for w in set(toks) & wanted:
            (pos if y else neg)[w] = (pos if y else neg).get(w, 0) + 1
    keep = []
    for w in words:
        p, n = pos.get(w, 0), neg.get(w, 0)
        if n >= 4 and (p + 1) / (p + n + 2) < 0.5:
            continue
        keep.append(w)
    return keep


def lexicon_hashes(words: Iterable[str]) -> np.ndarray:
    return np.array(sorted({zlib.crc32(w.encode("utf-8")) for w in words}), dtype=np.uint32)


# --------------------------------------------------------------------------------------
# features
# --------------------------------------------------------------------------------------
@dataclass
class Matrix:
    """Rows' features as CSR pieces (hashed block) plus a dense cue block."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray
    cues: np.ndarray
    n_buckets: int

    def csr(self) -> Any:
        from scipy import sparse

        hashed = sparse.csr_matrix((self.values, self.indices, self.indptr),
                                   shape=(len(self.indptr) - 1, self.n_buckets), dtype=np.float32)
        hashed.sum_duplicates()
        return sparse.hstack([hashed, sparse.csr_matrix(self.cues.astype(np.float32))], format="csr")

    def take(self, rows: np.ndarray) -> Matrix:
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        lengths = ends - starts
        indptr = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        sel = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends, strict=True)]) if len(rows) else \
            np.zeros(0, dtype=np.int64)
        return Matrix(indptr, self.indices[sel], self.values[sel], self.cues[rows], self.n_buckets)


def featurize(token_lists: Sequence[list[Token]], extract: Extractor,
              progress: Callable[[str], None] | None = None, chunk: int = 4096) -> Matrix:
    """The feature matrix, built exactly as inference builds it (:func:`.model.batch_features`)."""
    from civility.classify.model import batch_features

    n = len(token_lists)
    docs, cols, vals = [], [], []
    cues = np.zeros((n, len(CUE_FEATURES)), dtype=np.float32)
    started = time.perf_counter()
    for lo in range(0, n, chunk):
        items = [extract.from_tokens(t) for t in token_lists[lo:lo + chunk]]
        d, c, v, cue = batch_features(items, extract.featurizer)
        docs.append(d + lo)
        cols.append(c)
        vals.append(v)
        cues[lo:lo + len(items)] = cue
        if progress and lo and lo % (chunk * 6) == 0:
            progress(f"  featurised {lo:,} texts ({time.perf_counter() - started:.0f} s)")
    doc = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    order = np.argsort(doc, kind="stable")
    indptr = np.concatenate(([0], np.cumsum(np.bincount(doc, minlength=n)))).astype(np.int64)
    col = np.concatenate(cols)[order].astype(np.int32) if cols else np.zeros(0, dtype=np.int32)
    val = np.concatenate(vals)[order].astype(np.float32) if vals else np.zeros(0, dtype=np.float32)
    return Matrix(indptr, col, val, cues, extract.featurizer.n_buckets)


# --------------------------------------------------------------------------------------
# fitting
# --------------------------------------------------------------------------------------
def sample_weights(rows: Sequence[Row], y: np.ndarray, shares: dict[str, float]) -> np.ndarray:
    """Balance the classes within each dataset; each dataset weighs ``shares[dataset]`` in all."""
    groups: dict[tuple[str, int], float] = {}
    for r, yi in zip(rows, y, strict=True):
        groups[(r.dataset, int(yi))] = groups.get((r.dataset, int(yi)), 0.0) + r.weight
    w = np.empty(len(rows), dtype=np.float64)
    for i, (r, yi) in enumerate(zip(rows, y, strict=True)):
        both = 2 if (r.dataset, 1 - int(yi)) in groups else 1
        w[i] = shares.get(r.dataset, 1.0) * r.weight / (both * groups[(r.dataset, int(yi))])
    return w * (len(rows) / w.sum())


def fit_logistic(X: Any, y: np.ndarray, w: np.ndarray, C: float, seed: int) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, solver="liblinear", random_state=seed, max_iter=200, tol=1e-4)
    clf.fit(X, y, sample_weight=w)
    return clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])


# --------------------------------------------------------------------------------------
# metrics and thresholds
# --------------------------------------------------------------------------------------
def roc_auc(y: np.ndarray, s: np.ndarray) -> float | None:
    y = np.asarray(y, dtype=int)
    n_pos, n_neg = int(y.sum()), int(len(y) - y.sum())
    if not n_pos or not n_neg:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    sorted_s = np.asarray(s)[order]
    # average ranks for ties
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def average_precision(y: np.ndarray, s: np.ndarray) -> float | None:
    y = np.asarray(y, dtype=int)
    if not y.sum():
        return None
    order = np.argsort(-np.asarray(s), kind="mergesort")
    ys = y[order]
    tp = np.cumsum(ys)
    precision = tp / np.arange(1, len(ys) + 1)
    return float((precision * ys).sum() / ys.sum())


def prf(y: np.ndarray, flagged: np.ndarray) -> dict[str, float]:
    y = np.asarray(y, dtype=bool)
    flagged = np.asarray(flagged, dtype=bool)
    tp = int((y & flagged).sum())
    fp = int((~y & flagged).sum())
    fn = int((y & ~flagged).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    fpr = fp / max(1, int((~y).sum()))
    return {"precision": p, "recall": r, "f1": f, "fpr": fpr}


def choose_threshold(y: np.ndarray, p: np.ndarray, w: np.ndarray | None = None, max_fpr: float = 0.05,
                     civil: np.ndarray | None = None) -> float:
    """The threshold that maximises the F1 of the class-balanced (weighted) set, subject to
    flagging at most ``max_fpr`` of the (weighted) *civil* rows (``civil``; default: the negatives).

    Balancing the classes makes the choice independent of each dataset's positive rate
    (Davidson is 83 % positive, OffensEval-TR 20 %); the cap reflects the product goal (few
    civil comments flagged). An offensive comment scored as hate is an error of F1 but not
    a false flag of a civil comment, hence ``civil``.
    """
    y = np.asarray(y, dtype=int)
    w = np.ones(len(y)) if w is None else np.asarray(w, dtype=np.float64)
    civil = (y == 0) if civil is None else np.asarray(civil, dtype=bool) & (y == 0)
    wp = w * (y == 1)
    wn = w * (y == 0)
    wc = w * civil
    wp = wp / max(wp.sum(), 1e-12)
    wn = wn / max(wn.sum(), 1e-12)
    wc = wc / max(wc.sum(), 1e-12)
    order = np.argsort(-p, kind="mergesort")
    ps = p[order]
    tp = np.cumsum(wp[order])
    fp = np.cumsum(wn[order])
    fc = np.cumsum(wc[order])
    # only cut between distinct scores
    last = np.r_[ps[1:] != ps[:-1], True]
    tp, fp, fc, ps = tp[last], fp[last], fc[last], ps[last]
    f1 = 2 * tp / (1 + tp + fp)  # recall=tp, precision=tp/(tp+fp) with balanced classes
    ok = fc <= max_fpr
    if not ok.any():
        return float(min(0.999, ps[0]))
    k = int(np.argmax(np.where(ok, f1, -1)))
    return float(ps[k])


# --------------------------------------------------------------------------------------
# the whole run
# --------------------------------------------------------------------------------------
#: each dataset's share of a head's training weight (the rest weigh 1)
SHARES: dict[str, float] = {"davidson": 0.35, "synthetic": 0.6}
#: the highest false-positive rate (class-balanced, on validation data) a head's threshold may give
MAX_FPR: dict[str, float] = {"toxic": 0.05, "hate": 0.04, "spam": 0.05, "insult": 0.03, "threat": 0.02,
                             "obscene": 0.02}
#: what each combined head may read (the rest of META_INPUTS get weight 0): few, sensible
#: inputs, so that a head fitted on a few thousand sentences cannot learn accidents
META_USES: dict[str, tuple[str, ...]] = {
    # no "you" or "politician" on their own: addressing someone or naming a minister is not an insult
    "insult": ("z_toxic", "z_hate", "z_x_insult", "obscene", "insult", "slur", "you*insult", "you*obscene",
               "politician*insult", "identity*insult", "identity*dehuman", "identity*negtrait"),
    "threat": ("z_toxic", "z_hate", "z_x_threat", "threat", "violence", "you", "mention", "you*violence",
               "identity*violence", "identity*threat", "dehuman"),
    "obscene": ("z_toxic", "z_x_insult", "obscene", "insult", "you", "you*obscene"),
}
#: cross-dataset experiments: (head, trained on, tested on)
CROSS_EXPERIMENTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("toxic", ("davidson", "offenseval_tr", "ru_paradetox"), "hatexplain"),
    ("toxic", ("hatexplain", "offenseval_tr", "ru_paradetox"), "davidson"),
    ("hate", ("hatexplain",), "ethos"),
    ("hate", ("hatexplain",), "davidson"),
    ("hate", ("davidson",), "hatexplain"),
    ("hate", ("hatexplain", "davidson"), "ethos"),
)


def _synthetic_rows(seed: int) -> list[Row]:
    from civility.classify import synthetic

    sentences = synthetic.generate(seed)
    counts: dict[str, int] = {}
    for s in sentences:
        counts[s.kind] = counts.get(s.kind, 0) + 1
    rows = []
    for s in sentences:
        labels: dict[str, int | None] = dict.fromkeys(LABELS)
        labels.update(s.labels)
        split = "train" if _bucket(s.text, seed + 1) % 2 == 0 else "meta"
        # every kind weighs the same in all, except that civil sentences about groups weigh as much
        # as hateful and threatening ones together: group names must not become evidence of hate
        weight = synthetic.KIND_WEIGHT.get(s.kind, 1.0) * 1000.0 / counts[s.kind]
        rows.append(Row(s.text, labels, s.lang, f"synthetic:{s.kind}", "synthetic", split, weight))
    return rows


def _metrics(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(y), "positives": int(np.sum(y))}
    auc = roc_auc(y, p)
    ap = average_precision(y, p)
    out["roc_auc"] = None if auc is None else round(auc, 4)
    out["avg_precision"] = None if ap is None else round(ap, 4)
    out.update({k: round(v, 4) for k, v in prf(y, p >= threshold).items()})
    return out


class _Scorer:
    """Scores rows of the feature matrix with exported (float16) weights, as inference does."""

    def __init__(self, X: Any, n_buckets: int):
        self.X = X
        self.n_buckets = n_buckets

    def ngram_logits(self, rows: np.ndarray, W: np.ndarray, C: np.ndarray, b: np.ndarray) -> np.ndarray:
        Xr = self.X[rows]
        return np.asarray(Xr[:, :self.n_buckets] @ W.astype(np.float64)) + np.asarray(
            Xr[:, self.n_buckets:] @ C.astype(np.float64)) + b

    def meta_inputs(self, rows: np.ndarray, z: np.ndarray, ngram_heads: Sequence[str]) -> np.ndarray:
        cues = np.asarray(self.X[rows][:, self.n_buckets:].todense())
        cols = []
        for name in META_INPUTS:
            if name.startswith("z_"):
                cols.append(z[:, list(ngram_heads).index(name[2:])])
            else:
                cols.append(cues[:, CUE_FEATURES.index(name)])
        return np.stack(cols, axis=1)


def train(datasets: Path = DEFAULT_DATASETS, lexicons: Path = DEFAULT_LEXICONS, out: Path | None = DATA_DIR,
          config: Config | None = None, own: Path | None = OWN_DATA, cross: bool = False,
          log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train every head, choose thresholds, write ``weights.npz`` + ``manifest.json`` into ``out``.

    Returns the manifest (with metrics). ``out=None`` writes nothing (tests).
    """
    from civility.classify.model import _normalize as norm

    cfg = config or Config()
    started = time.perf_counter()
    seed = cfg.seed
    rows = load_datasets(datasets, seed, cfg.val_fraction, cfg.limit)
    if not rows:
        raise FileNotFoundError(f"no datasets found in {datasets}")
    own_rows = load_own(own) if own and own.exists() else []
    synth = _synthetic_rows(seed)
    all_rows = rows + own_rows + synth
    log(f"rows: {len(rows):,} from datasets, {len(own_rows):,} of our own, {len(synth):,} generated")

    tokens = [tokens_from_normalized(norm(r.text)) for r in all_rows]
    log(f"normalised in {time.perf_counter() - started:.0f} s (normalizer {normalizer_fingerprint(norm)})")

    # obscene lexicon: the shared lists, minus identity terms and words mostly seen in civil rows
    plain = compile_cues(norm)
    words = lexicon_words(lexicons, norm) if lexicons.exists() else []
    train_idx = [i for i, r in enumerate(all_rows) if r.split == "train" and r.dataset != "synthetic"]
    token_lists = [[t.text for t in tokens[i]] for i in train_idx]

    def is_identity(w: str) -> bool:
        return any(m.category == "identity" for m in plain.match(tokens_from_normalized(norm(w))))

    kept = filter_lexicon(words, token_lists, [all_rows[i].labels["toxic"] for i in train_idx], is_identity)
    lexicon = lexicon_hashes(kept)
    log(f"lexicon: {len(kept):,} of {len(words):,} obscene-list words kept")

    featurizer = Featurizer(cfg.n_buckets, cfg.char_min, cfg.char_max)
    extract = Extractor(featurizer, compile_cues(norm, lexicon.tolist()))
    matrix = featurize(tokens, extract, log)
    del tokens
    X = matrix.csr()
    D = cfg.n_buckets
    scorer = _Scorer(X, D)
    log(f"featurised: {X.shape[0]:,} rows, {X.nnz:,} non-zeros ({time.perf_counter() - started:.0f} s)")

    def idx(pred: Callable[[Row], bool]) -> np.ndarray:
        return np.array([i for i, r in enumerate(all_rows) if pred(r)], dtype=np.int64)

    def labels(ix: np.ndarray, head: str) -> np.ndarray:
        return np.array([all_rows[i].labels[head] for i in ix], dtype=np.int64)

    def fit_head(head: str, ix: np.ndarray, shares: dict[str, float]) -> tuple[np.ndarray, float]:
        y = labels(ix, head)
        w = sample_weights([all_rows[i] for i in ix], y, shares)
        return fit_logistic(X[ix], y, w, cfg.C.get(head, 2.0), seed)

    # ---- n-gram heads -------------------------------------------------------------------
    real = set(DATASETS.values())
    W = np.zeros((D, len(NGRAM_HEADS)), dtype=np.float16)
    Cw = np.zeros((len(CUE_FEATURES), len(NGRAM_HEADS)), dtype=np.float32)
    b = np.zeros(len(NGRAM_HEADS), dtype=np.float32)
    spam_negatives = {i for i, r in enumerate(all_rows) if r.dataset in real - {"youtube_spam"}
                      and r.split == "train" and _bucket(r.text, seed + 2) < 60}
    civil_train = [i for i, r in enumerate(all_rows) if r.dataset in real - {"youtube_spam", "ethos"}
                   and r.split == "train" and r.labels["toxic"] == 0 and _bucket(r.text, seed + 4) < 250]
    for j, head in enumerate(NGRAM_HEADS):
        t = time.perf_counter()
        if head == "spam":
            for i in spam_negatives:
                all_rows[i].labels["spam"] = 0
            ix = idx(lambda r: r.split == "train" and r.labels["spam"] is not None and r.dataset in real)
            coef, intercept = fit_head(head, ix, {})
        elif head.startswith("x_"):
            # auxiliary heads: generated sentences, civil rows of the datasets, Ethos' threat labels
            label = head[2:]
            ix = idx(lambda r, h=label: r.split == "train" and (
                (r.dataset == "synthetic") or (h == "threat" and r.dataset == "ethos"
                                              and r.labels["threat"] is not None)))
            ix = np.unique(np.concatenate([ix, np.array(civil_train, dtype=np.int64)]))
            y = np.array([all_rows[i].labels[label] or 0 for i in ix], dtype=np.int64)
            groups = [Row("", {}, "", "", "civil" if all_rows[i].dataset in real and all_rows[i].dataset != "ethos"
                          else all_rows[i].dataset) for i in ix]
            w = sample_weights(groups, y, {"ethos": 0.5})
            coef, intercept = fit_logistic(X[ix], y, w, cfg.C.get(head, 2.0), seed)
        else:
            ix = idx(lambda r, h=head: r.split == "train" and r.labels[h] is not None
                     and (r.dataset in real or r.dataset == "synthetic"))
            shares = {**SHARES, "synthetic": cfg.synthetic_share} if head == "toxic" else \
                {"synthetic": cfg.synthetic_share}
            coef, intercept = fit_head(head, ix, shares)
        W[:, j] = coef[:D].astype(np.float16)
        Cw[:, j] = coef[D:]
        b[j] = intercept
        log(f"head {head}: {len(ix):,} rows, fitted in {time.perf_counter() - t:.0f} s")
    for i in spam_negatives:
        all_rows[i].labels["spam"] = None

    # ---- combined heads ----------------------------------------------------------------------
    civil_val = idx(lambda r: r.split == "val" and r.dataset in real and r.labels["toxic"] == 0
                    and _bucket(r.text, seed + 3) < 250)
    meta_ix = idx(lambda r: r.split in ("meta", "tune") or (r.dataset == "ethos" and r.split == "val"))
    meta_ix = np.unique(np.concatenate([meta_ix, civil_val]))
    z_meta = scorer.ngram_logits(meta_ix, W, Cw, b)
    F = scorer.meta_inputs(meta_ix, z_meta, NGRAM_HEADS)
    M = np.zeros((len(META_INPUTS), len(META_HEADS)))
    Mb = np.zeros(len(META_HEADS))
    civil_set = set(civil_val.tolist())
    for j, head in enumerate(META_HEADS):
        ys = []
        keep = []
        for k, i in enumerate(meta_ix):
            y = all_rows[i].labels[head]
            if y is None and int(i) in civil_set:
                y = 0
            if y is not None:
                ys.append(y)
                keep.append(k)
        y = np.array(ys)
        keep_ix = np.array(keep)
        groups = [Row("", {}, "", "", "civil" if all_rows[meta_ix[k]].dataset in real and
                       all_rows[meta_ix[k]].dataset != "ethos" else all_rows[meta_ix[k]].dataset)
                  for k in keep_ix]
        w = sample_weights(groups, y, {"civil": 0.5, "synthetic": 1.0})
        from sklearn.linear_model import LogisticRegression

        cols = [k for k, name in enumerate(META_INPUTS) if name in META_USES[head]]
        clf = LogisticRegression(C=cfg.meta_C, solver="liblinear", random_state=seed, max_iter=500)
        clf.fit(F[keep_ix][:, cols], y, sample_weight=w)
        M[cols, j] = clf.coef_.ravel()
        Mb[j] = clf.intercept_[0]
    log("combined heads: " + "; ".join(
        f"{h}: " + ", ".join(f"{n}={M[k, j]:+.2f}" for k, n in enumerate(META_INPUTS) if abs(M[k, j]) >= 0.3)
        for j, h in enumerate(META_HEADS)))

    # ---- scores on every row we evaluate or tune on ---------------------------------------------
    eval_ix = idx(lambda r: r.split in ("val", "tune", "test"))
    z = scorer.ngram_logits(eval_ix, W, Cw, b)
    zm = scorer.meta_inputs(eval_ix, z, NGRAM_HEADS) @ M + Mb
    prob = {h: sigmoid(z[:, j]) for j, h in enumerate(NGRAM_HEADS) if not h.startswith("x_")}
    prob.update({h: sigmoid(zm[:, j]) for j, h in enumerate(META_HEADS)})
    pos_of = {int(i): k for k, i in enumerate(eval_ix)}

    def select(pred: Callable[[Row], bool], head: str) -> tuple[np.ndarray, np.ndarray, list[Row]]:
        ks = [pos_of[int(i)] for i in eval_ix if pred(all_rows[i]) and all_rows[i].labels.get(head) is not None]
        sel_rows = [all_rows[eval_ix[k]] for k in ks]
        return np.array([r.labels[head] for r in sel_rows]), prob[head][ks], sel_rows

    # ---- thresholds -----------------------------------------------------------------------------
    thresholds: dict[str, float] = {}
    for head in [h for h in NGRAM_HEADS + META_HEADS if not h.startswith("x_")]:
        if head in NGRAM_HEADS:
            y, p, rs = select(lambda r: (r.split == "val" and r.dataset in real) or r.split == "tune", head)
        else:
            y, p, rs = select(lambda r: r.split == "tune" or (r.dataset == "ethos" and r.split == "val"), head)
            civil = [pos_of[int(i)] for i in civil_val]
            y = np.concatenate([y, np.zeros(len(civil), dtype=np.int64)])
            p = np.concatenate([p, prob[head][civil]])
            rs = rs + [Row("", {}, "", "", "civil")] * len(civil)
        if not len(y) or y.min() == y.max():
            thresholds[head] = 0.5
            continue
        groups: dict[str, int] = {}
        for r in rs:
            groups[r.dataset] = groups.get(r.dataset, 0) + 1
        w = np.array([1.0 / groups[r.dataset] for r in rs])
        civil = np.array([r.dataset == "civil" or r.labels.get("toxic") == 0 for r in rs])
        thresholds[head] = round(choose_threshold(y, p, w, MAX_FPR.get(head, 0.05), civil), 6)
    log("thresholds (raw probability): " + ", ".join(f"{h} {t:.3f}" for h, t in thresholds.items()))

    # ---- metrics --------------------------------------------------------------------------------
    metrics: dict[str, Any] = {"validation": {}, "own_test": {}, "own_tune": {}, "cross_dataset": []}
    for head in [h for h in NGRAM_HEADS if not h.startswith("x_")]:
        for ds in sorted(real):
            y, p, _ = select(lambda r, d=ds: r.split == "val" and r.dataset == d, head)
            if len(y) and 0 < y.sum() < len(y):
                metrics["validation"].setdefault(head, {})[ds] = _metrics(y, p, thresholds[head])
    for head in ("threat",):
        y, p, _ = select(lambda r: r.dataset == "ethos" and r.split == "val", head)
        if len(y) and 0 < y.sum() < len(y):
            metrics["validation"].setdefault(head, {})["ethos (hateful rows only)"] = _metrics(y, p, thresholds[head])
    for split in ("test", "tune"):
        for head in NGRAM_HEADS[:2] + META_HEADS:
            for lang in ("en", "ru", "tr", "az", "hy", "all"):
                y, p, _ = select(lambda r, s=split, g=lang: r.split == s and (g == "all" or r.lang == g), head)
                if len(y) and 0 < y.sum() < len(y):
                    metrics[f"own_{split}"].setdefault(head, {})[lang] = _metrics(y, p, thresholds[head])

    if cross:
        for head, train_on, test_on in CROSS_EXPERIMENTS:
            if not {test_on, *train_on} <= {r.dataset for r in rows}:
                continue
            t = time.perf_counter()
            ix = idx(lambda r, h=head, tr=train_on: r.split == "train" and r.labels[h] is not None
                     and r.dataset in tr)
            coef, intercept = fit_head(head, ix, SHARES if head == "toxic" else {})
            test_ix = idx(lambda r, h=head, te=test_on, tr=train_on: r.labels[h] is not None and r.dataset == te
                          and (r.split == "val" or te not in tr))
            score = np.asarray(X[test_ix] @ coef).ravel() + intercept
            y = labels(test_ix, head)
            auc, ap = roc_auc(y, score), average_precision(y, score)
            metrics["cross_dataset"].append({"head": head, "train": list(train_on), "test": test_on, "n": len(y),
                                             "roc_auc": round(auc or 0, 4), "avg_precision": round(ap or 0, 4)})
            log(f"cross-dataset {head}: {'+'.join(train_on)} → {test_on}: ROC-AUC {auc:.3f} "
                f"({time.perf_counter() - t:.0f} s)")

    # ---- write ----------------------------------------------------------------------------------
    arrays = {"W": W, "C": Cw, "b": b, "M": M.astype(np.float32), "Mb": Mb.astype(np.float32), "lexicon": lexicon}
    digest = hashlib.sha256()
    for k in sorted(arrays):
        digest.update(k.encode())
        digest.update(np.ascontiguousarray(arrays[k]).tobytes())
    # the thresholds set the calibration, so they are part of what a version means
    digest.update(json.dumps(thresholds, sort_keys=True).encode())
    from civility.classify.model import flag_levels

    levels = flag_levels()
    manifest: dict[str, Any] = {
        "format": 1,
        "version": f"1.{digest.hexdigest()[:12]}",
        "features": featurizer.config(),
        "cue_features": list(CUE_FEATURES),
        "cue_categories": list(CATEGORIES),
        "ngram_heads": list(NGRAM_HEADS),
        "meta_heads": list(META_HEADS),
        "meta_inputs": list(META_INPUTS),
        "thresholds": thresholds,
        "calibration": {h: {"raw": [0.0, t, 1.0], "score": [0.0, levels.get(h, 0.5), 1.0]}
                        for h, t in thresholds.items()},
        "normalizer": normalizer_fingerprint(norm),
        "seed": seed,
        "training": {
            "rows": {ds: sum(1 for r in all_rows if r.dataset == ds) for ds in
                     sorted({r.dataset for r in all_rows})},
            "shares": {**SHARES, "synthetic": cfg.synthetic_share},
            "C": cfg.C, "meta_C": cfg.meta_C, "max_fpr": MAX_FPR, "meta_uses": META_USES, "lexicon_words": len(kept),
        },
        "metrics": metrics,
    }
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(out / "weights.npz", **arrays)
        with open(out / "manifest.json", "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
        size = sum(f.stat().st_size for f in out.iterdir() if f.is_file())
        log(f"wrote {out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s, version "
            f"{manifest['version']}")
    manifest["_arrays"] = arrays
    return manifest
