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
import html
import itertools
import json
import re
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from civility.classify.cues import CATEGORIES, CUE_FEATURES, compile_cues, lexicon_key
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
#: comments written for training by writers who saw none of our lists, templates or tests, one
#: file per writer (``training/README.md``); each is a dataset of its own, so the
#: leave-one-dataset-out table says how the model does on a writer it never saw
WRITTEN_DATA = REPO / "training" / "written"
#: 1 in N of a written set's rows is held out (the combined heads and thresholds learn from them)
WRITTEN_VAL_FRACTION = 3

#: real datasets, by file stem → short name (``jigsaw_multilingual_val`` is split by language:
#: ``jigsaw_tr`` and ``jigsaw_es_it``, see :func:`load_datasets`)
DATASETS: dict[str, str] = {
    "davidson_hate_offensive": "davidson",
    "hatexplain_trainval": "hatexplain",
    "ethos_binary": "ethos",
    "offenseval2020_tr_train": "offenseval_tr",
    "ru_paradetox_russe2022": "ru_paradetox",
    "youtube_spam": "youtube_spam",
    "threatgram_en": "threatgram",
    "stormfront_hate_en": "stormfront",
    "toxigen_prompts_en": "toxigen",
    "convabuse_en": "convabuse",
    "paradetox_en": "paradetox_en",
    "jigsaw_multilingual_val": "jigsaw",
    "ru_vk_distorted": "ru_vk",
    "tr_cyberbullying": "tr_cyberbullying",
    "sms_spam_en": "sms_spam",
    "telegram_spam_ru": "telegram_spam",
    "tg_spam_samples": "tg_spam",
}
#: the datasets that label spam; their ham is casual civil text, a negative for every head
SPAM_SETS: frozenset[str] = frozenset({"youtube_spam", "sms_spam", "telegram_spam", "tg_spam"})
#: the labels a civil row (toxic = 0, or spam-set ham without an obscene or insulting word) implies
IMPLIED_BY_CIVIL: tuple[str, ...] = ("hate", "insult", "threat", "obscene")


def written_names(directory: Path = WRITTEN_DATA) -> set[str]:
    return {f"written_{p.stem}" for p in directory.glob("*.csv")} if directory.exists() else set()


def real_names() -> set[str]:
    """Every short name a real dataset's rows may carry (the written sets count as real: people wrote them)."""
    return (set(DATASETS.values()) - {"jigsaw"}) | {"jigsaw_tr", "jigsaw_es_it"} | written_names()


@dataclass
class Row:
    text: str
    labels: dict[str, int | None]
    lang: str
    source: str
    dataset: str
    split: str = "train"  # train | val | tune | test
    weight: float = 1.0  # relative weight inside its dataset (generated sentences: per kind)
    implied: frozenset[str] = frozenset()  # labels set by implication (a civil row is not hate…), not by the data


@dataclass
class Config:
    seed: int = 13
    n_buckets: int = 1 << 20
    char_min: int = 2
    char_max: int = 5
    # chosen by the leave-one-dataset-out table: C 0.5 and 2 tie for toxic and hate (mean ROC-AUC over
    # left-out sets 0.849 vs 0.847, 0.738 vs 0.736) and 0.5 fits 2-3 times faster; spam is better at 2
    # on all four spam sets (YouTube 0.892 vs 0.851); insult 0.893 at 0.5 vs 0.887 at 1
    C: dict[str, float] = field(default_factory=lambda: {"toxic": 0.5, "hate": 0.5, "spam": 2.0, "x_insult": 0.5,
                                                          "x_threat": 1.0})
    meta_C: float = 0.5
    synthetic_share: float = 0.6  # the generated rows' weight, relative to one dataset
    written_share: float = 1.0  # each written set's weight in every head it labels, relative to one dataset
    val_fraction: int = 10  # 1 in N rows of datasets without a validation split
    limit: int | None = None  # rows per dataset (tests and quick runs)
    lodo_cap: int | None = 8000  # leave-one-out runs: at most this many rows of one dataset per head


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
    if src in ("hatexplain_val", "russe_detox_2022_dev", "convabuse_valid"):
        return "val"
    if src.startswith(("hatexplain", "russe_detox", "convabuse")):
        return "train"
    if ":tune" in src:
        return "tune"
    if ":test" in src:
        return "test"
    return "val" if _bucket(row.text, seed) % val_fraction == 0 else "train"


# --- cleaning: what each source's text needs before it looks like a comment ------------------------
_VK_MENTION = re.compile(r"\[id\d+\|[^\]]*\],?")
_TAG = re.compile(r"<[^>]{0,300}>")
_SPACE_BEFORE = re.compile(r"\s+([.,!?;:%)\]])")
_SPACE_AFTER = re.compile(r"([(\[])\s+")
_APOSTROPHE = re.compile(r"(\w)\s+'\s*(s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\[(LINK|USERNAME|PHONE|CURRENCY|TIME|DATE|EMAIL|HASHTAG|TBL|)\]")
#: realistic stand-ins for ``telegram_spam_ru``'s masks (chosen by a hash of the row, so stable)
_STAND_INS: dict[str, tuple[str, ...]] = {
    "LINK": ("https://t.me/+kQ3xVb7", "https://bit.ly/3kXp9Qa", "www.site-info.ru/page", "https://vk.cc/cX1aB",
             "https://example.com/news/2023"),
    "USERNAME": ("@ivan_petrov", "@work_manager", "@anna_k", "@support_team"),
    "PHONE": ("+7 912 345-67-89", "89161234567", "+7 (999) 111-22-33"),
    "CURRENCY": ("₽", "руб", "$", "рублей"),
    "TIME": ("18:30", "9:00", "21:15"),
    "DATE": ("12.05.2023", "3 марта", "01.09"),
    "EMAIL": ("info@mail.ru", "job@example.com"),
    "HASHTAG": ("#работа", "#новости", "#crypto"),
    "TBL": ("",), "": ("",),
}


def _detokenize(text: str) -> str:
    """``"don 't do that , ok ."`` → ``"don't do that, ok."`` (tokenised sources: ParaDetox, Stormfront)."""
    text = _APOSTROPHE.sub(r"\1'\2", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def clean_text(dataset: str, text: str) -> str:
    """A source's text as a comment would read (see ``../shared/datasets/README.md``'s caveats).

    - ``paradetox_en``: its toxic sentences are lowercased and tokenised, most paraphrases are
      not: every row is lowercased and detokenised, so casing and spacing carry no label;
    - ``stormfront``: detokenised (``"word ."``);
    - ``ru_vk``: the ``[id123|Name],`` reply mentions become ``@user``;
    - ``telegram_spam``: the masks (``[LINK]``, ``[USERNAME]``…) become realistic forms, so the
      model learns links and handles, not the masks;
    - ``sms_spam``: HTML entities decoded; ``convabuse``: HTML emoji markup dropped.
    """
    if dataset == "paradetox_en":
        return _detokenize(text.lower())
    if dataset == "stormfront":
        return _detokenize(text)
    if dataset == "ru_vk":
        return _VK_MENTION.sub("@user ", text).strip()
    if dataset == "telegram_spam":
        h = zlib.crc32(text.encode("utf-8"))

        def stand_in(m: re.Match[str]) -> str:
            options = _STAND_INS.get(m.group(1), ("",))
            return options[(h + m.start()) % len(options)]

        return _PLACEHOLDER.sub(stand_in, text)
    if dataset == "sms_spam":
        return html.unescape(text)
    if dataset == "convabuse":
        return _SPACES.sub(" ", _TAG.sub(" ", text)).strip()
    return text


def imply_labels(row: Row) -> None:
    """Fill the labels a civil row implies: toxic = 0 → not hate, insult, threat or obscene;
    a spam set's ham → also not toxic (its rows with an obscene or insulting word are excluded
    later, in :func:`train`, where the cues are known)."""
    implied = set()
    civil = row.labels.get("toxic") == 0 or (row.dataset in SPAM_SETS and row.labels.get("spam") == 0)
    if not civil:
        return
    for h in IMPLIED_BY_CIVIL + (("toxic",) if row.dataset in SPAM_SETS else ()):
        if row.labels.get(h) is None:
            row.labels[h] = 0
            implied.add(h)
    row.implied = frozenset(implied)


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
            r.text = clean_text(name, r.text)
            if name == "jigsaw":
                r.dataset = "jigsaw_tr" if r.lang == "tr" else "jigsaw_es_it"
            r.split = assign_split(r, seed, val_fraction)
            imply_labels(r)
        rows += [r for r in got if r.text.strip()]
    return rows


def load_written(directory: Path = WRITTEN_DATA, seed: int = 13) -> list[Row]:
    """The written sets: every label filled in by their writer; a third of each held out."""
    rows: list[Row] = []
    for path in sorted(directory.glob("*.csv")) if directory.exists() else []:
        for r in read_csv(path, f"written_{path.stem}"):
            r.split = "val" if _bucket(r.text, seed) % WRITTEN_VAL_FRACTION == 0 else "train"
            imply_labels(r)
            rows.append(r)
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
            if r.labels.get("spam") is None:  # comments about the news, none of them an ad
                r.labels["spam"] = 0
                r.implied = frozenset({"spam"})
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
    return np.array(sorted({lexicon_key(w) for w in words}), dtype=np.uint64)


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


def fit_logistic(X: Any, y: np.ndarray, w: np.ndarray, C: float, seed: int, fast: bool = False) -> tuple[np.ndarray,
                                                                                                         float]:
    """L2 logistic regression (liblinear). ``fast``: the dual solver at a looser tolerance, the
    same problem solved 2–4 times faster and less exactly (the leave-one-out runs)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, solver="liblinear", random_state=seed, max_iter=200, tol=1e-3 if fast else 1e-4,
                             dual=fast)
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
                     civil: np.ndarray | None = None, max_other_fpr: float = 1.0) -> float:
    """The threshold that maximises the F1 of the class-balanced (weighted) set, subject to
    flagging at most ``max_fpr`` of the (weighted) *civil* rows (``civil``; default: the negatives)
    and at most ``max_other_fpr`` of the other negatives (toxic, but not of this head's kind).

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
    wo = w * ((y == 0) & ~civil)
    wo = wo / max(wo.sum(), 1e-12)
    order = np.argsort(-p, kind="mergesort")
    ps = p[order]
    tp = np.cumsum(wp[order])
    fp = np.cumsum(wn[order])
    fc = np.cumsum(wc[order])
    fo = np.cumsum(wo[order])
    # only cut between distinct scores
    last = np.r_[ps[1:] != ps[:-1], True]
    tp, fp, fc, fo, ps = tp[last], fp[last], fc[last], fo[last], ps[last]
    f1 = 2 * tp / (1 + tp + fp)  # recall=tp, precision=tp/(tp+fp) with balanced classes
    ok = (fc <= max_fpr) & (fo <= max_other_fpr)
    if not ok.any():
        return float(min(0.999, ps[0]))
    k = int(np.argmax(np.where(ok, f1, -1)))
    return float(ps[k])


# --------------------------------------------------------------------------------------
# the recipe: which data feeds which head, and how much
# --------------------------------------------------------------------------------------
#: each dataset's share of a head's training weight, where the dataset labels the head itself
#: (others weigh 1); Davidson (83 % positive, slur-heavy) and the domain-shifted sets weigh less;
#: the land claims and friendly talk (synthetic_hard) weigh 1.5 in the hate head: with the seventh
#: batch of writers (their hate says "our land" too) "Karabakh is our land and always will be"
#: read as hate 0.502 at 1, 0.22 at 1.5, every left-out hate ROC-AUC within 0.0012 of the other;
#: 2.5 since greetings joined that dataset (eighth batch): at 1.5 the claim read 0.56, at 2.5 with
#: the claims weighing 2 of a kind inside it 0.25 (synthetic.KIND_WEIGHT)
HEAD_SHARES: dict[str, dict[str, float]] = {
    "toxic": {"davidson": 0.35, "paradetox_en": 0.7, "jigsaw_es_it": 0.3, "convabuse": 0.5, "threatgram": 0.3,
              "synthetic": 0.6},
    "hate": {"davidson": 0.35, "convabuse": 0.15, "toxigen": 0.7, "synthetic": 0.6, "synthetic_hard": 2.5},
    "spam": {"tg_spam": 0.5, "civil_links": 2.0, "synthetic": 2.0},
    "x_threat": {"ethos": 0.5, "synthetic": 1.0},
    "x_insult": {"convabuse": 0.7, "synthetic": 1.0},
}
#: the share of each dataset whose rows only *imply* a head's label (civil rows, spam-set ham;
#: for spam: every other comment), per head
#: (hate: 0.4 and Davidson at 0.35 rather than 0.2 and 1 raised the mean leave-one-out ROC-AUC of hate
#: from 0.738 to 0.751: ConvAbuse 0.71 → 0.78, Stormfront 0.77 → 0.78, the rest within 0.003)
#: (x_threat: 0.4, as ThreatGram's violent one-word replies made short civil drafts such as "Now with a
#: body." read as threats; the left-out threat ROC-AUCs move by < 0.005 either way)
IMPLIED_SHARE: dict[str, float] = {"toxic": 0.25, "hate": 0.4, "spam": 0.3, "x_threat": 0.4, "x_insult": 0.2}
#: at most this many implied rows of one dataset per head (the lowest hash buckets)
IMPLIED_CAP = 4000
#: the combined heads' fit: each group's share (``civil`` = implied negatives of the validation splits)
META_SHARES: dict[str, float] = {"civil": 0.5, "synthetic": 1.0, "threatgram": 0.7, "convabuse": 0.5,
                                 "ru_vk": 0.3, "ethos": 0.5}
#: the highest false-positive rate (class-balanced, on validation data) a head's threshold may give
#: (hate: 0.025 rather than 0.04, which flagged 18 % of the civil English sentences of our sets once
#: Stormfront and ToxiGen were in: many civil comments about groups sit just above that threshold)
MAX_FPR: dict[str, float] = {"toxic": 0.05, "hate": 0.025, "spam": 0.03, "insult": 0.03, "threat": 0.015,
                             "obscene": 0.02}
#: … and of the toxic comments of another kind: an insult or a threat flagged as obscene explains the
#: wrong thing to the moderator. With the seventh batch of writers (disguised swearing the word lists
#: miss), the obscene line fell from 0.74 to 0.42 and read a seventh of our insults and threats as
#: obscene (tests/classify/test_own_sets.py allows 8 %); this cap keeps it where it was
MAX_OTHER_FPR: dict[str, float] = {"obscene": 0.05}
#: what each combined head may read (the rest of META_INPUTS get weight 0): few, sensible
#: inputs, so that a head fitted on a few thousand sentences cannot learn accidents
META_USES: dict[str, tuple[str, ...]] = {
    # no "you" or "politician" on their own: addressing someone or naming a minister is not an insult
    "insult": ("z_toxic", "z_hate", "z_x_insult", "obscene", "insult", "slur", "you*insult", "you*obscene",
               "politician*insult", "identity*insult", "identity*dehuman", "identity*negtrait"),
    "threat": ("z_toxic", "z_hate", "z_x_threat", "threat", "violence", "you", "mention", "you*violence",
               "identity*violence", "identity*threat", "dehuman", "menace", "menace*target"),
    "obscene": ("z_toxic", "z_x_insult", "obscene", "insult", "you", "you*obscene"),
}
#: the label an n-gram head learns
HEAD_LABEL: dict[str, str] = {"toxic": "toxic", "hate": "hate", "spam": "spam", "x_insult": "insult",
                              "x_threat": "threat"}
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
        if labels.get("spam") is None:
            labels["spam"] = 0  # generated comments are about the news, never ads
        split = "train" if _bucket(s.text, seed + 1) % 2 == 0 else "meta"
        # every kind weighs the same in all, except that civil sentences about groups weigh as much
        # as hateful and threatening ones together: group names must not become evidence of hate
        weight = synthetic.KIND_WEIGHT.get(s.kind, 1.0) * 1000.0 / counts[s.kind]
        dataset = "synthetic_hard" if s.kind in synthetic.OWN_DATASET else "synthetic"
        rows.append(Row(s.text, labels, s.lang, f"synthetic:{s.kind}", dataset, split, weight))
    return rows


#: link shapes appended to civil comments (the model reads every link as the word ``url``)
_LINK_SHAPES: tuple[str, ...] = ("https://www.example.org/news/2024/05/{n}", "www.example.com/article/{n}",
                                 "https://example.net/{n}.html", "(source: https://example.org/report-{n})")


def _civil_with_links(rows: Sequence[Row], seed: int, n: int = 3000) -> list[Row]:
    """Civil comments of every language with a link added, as spam negatives (dataset
    ``civil_links``): a comment citing a news site or a report is not spam because it has a link."""
    civil = [r for r in rows if r.labels.get("toxic") == 0 and "toxic" not in r.implied
             and r.dataset not in SPAM_SETS and _bucket(r.text, seed + 8) < 60]
    civil = sorted(civil, key=lambda r: _bucket(r.text, seed + 9))[:n]
    out = []
    for k, r in enumerate(civil):
        link = _LINK_SHAPES[k % len(_LINK_SHAPES)].format(n=1000 + _bucket(r.text, seed + 10))
        labels: dict[str, int | None] = dict.fromkeys(LABELS)
        labels["spam"] = 0
        out.append(Row(f"{r.text} {link}", labels, r.lang, "augmented:link", "civil_links", r.split))
    return out


def _metrics(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(y), "positives": int(np.sum(y))}
    auc = roc_auc(y, p)
    ap = average_precision(y, p)
    out["roc_auc"] = None if auc is None else round(auc, 4)
    out["avg_precision"] = None if ap is None else round(ap, 4)
    out.update({k: round(v, 4) for k, v in prf(y, p >= threshold).items()})
    return out


# --------------------------------------------------------------------------------------
# calibration
# --------------------------------------------------------------------------------------
#: the share of the straight map (0, 0)–(threshold, flag level)–(1, 1) mixed into the fitted one
_LINEAR_MIX = 0.08


def fit_calibration(y: np.ndarray, p: np.ndarray, w: np.ndarray, threshold: float, flag_at: float,
                    knots: int = 24) -> dict[str, list[float]]:
    """Knots of a monotone map raw probability → probability of the label, fitted by isotonic
    regression on held-out rows (``w``: each dataset's weight), and pinned so that the
    validated ``threshold`` maps exactly to the policy's ``flag_at``: below it the map stays
    under ``flag_at``, above it at or over. Knots at 0 and 1 map to 0 and 1.
    """
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(p, y, sample_weight=w)
    qs = np.unique(np.quantile(p, np.linspace(0.0, 1.0, knots)))
    raw = np.unique(np.concatenate([[0.0, 1.0, threshold], qs, np.linspace(threshold, 1.0, 6)]))
    val = iso.predict(raw)
    below, above = raw < threshold, raw > threshold
    val[below] = np.minimum(val[below], flag_at - 0.02)
    val[raw == threshold] = flag_at
    val[above] = np.maximum(val[above], flag_at + 1e-3)
    val = np.maximum.accumulate(np.clip(val, 0.0, 1.0))
    # a little of the straight map through the threshold keeps the map strictly increasing, so
    # the queue's order (ranking by score) keeps the raw score's ties and no more
    val = (1 - _LINEAR_MIX) * val + _LINEAR_MIX * np.interp(raw, [0.0, threshold, 1.0], [0.0, flag_at, 1.0])
    val[0], val[-1] = 0.0, 1.0
    return {"raw": [round(float(r), 6) for r in raw], "score": [round(float(v), 6) for v in val]}


def reliability(y: np.ndarray, s: np.ndarray, w: np.ndarray | None = None,
                edges: Sequence[float] = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0001)) -> list[dict[str, Any]]:
    """Calibrated score bins vs. the (weighted) observed rate of the label in each."""
    w = np.ones(len(y)) if w is None else w
    out = []
    for lo, hi in itertools.pairwise(edges):
        m = (s >= lo) & (s < hi)
        if not m.any():
            continue
        out.append({"bin": [lo, min(hi, 1.0)], "n": int(m.sum()),
                    "mean_score": round(float(np.average(s[m], weights=w[m])), 4),
                    "observed": round(float(np.average(y[m], weights=w[m])), 4)})
    return out


# --------------------------------------------------------------------------------------
# the whole run
# --------------------------------------------------------------------------------------
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


@dataclass
class Prepared:
    """Everything a fit needs: the rows, their features, and who labels what."""

    cfg: Config
    rows: list[Row]
    X: Any
    featurizer: Featurizer
    lexicon: np.ndarray
    lexicon_words: tuple[int, int]  # (kept, listed)
    normalizer: str
    native: dict[str, set[str]]  # label → datasets that label it themselves
    real: set[str]
    scorer: _Scorer = field(init=False)

    def __post_init__(self) -> None:
        self.scorer = _Scorer(self.X, self.cfg.n_buckets)

    def idx(self, pred: Callable[[Row], bool]) -> np.ndarray:
        return np.array([i for i, r in enumerate(self.rows) if pred(r)], dtype=np.int64)


def prepare(datasets: Path = DEFAULT_DATASETS, lexicons: Path = DEFAULT_LEXICONS, own: Path | None = OWN_DATA,
            config: Config | None = None, log: Callable[[str], None] = print,
            written: Path | None = WRITTEN_DATA) -> Prepared:
    """Load, clean, normalise and featurise every row once (training and the leave-one-out runs share it)."""
    from civility.classify.model import _normalize as norm

    cfg = config or Config()
    started = time.perf_counter()
    seed = cfg.seed
    rows = load_datasets(datasets, seed, cfg.val_fraction, cfg.limit)
    if not rows:
        raise FileNotFoundError(f"no datasets found in {datasets}")
    if written is not None:
        rows += load_written(written, seed)
    own_rows = load_own(own) if own and own.exists() else []
    synth = _synthetic_rows(seed)
    links = _civil_with_links(rows, seed)
    all_rows = rows + links + own_rows + synth
    log(f"rows: {len(rows):,} from datasets ({len(links):,} civil ones with a link added), {len(own_rows):,} "
        f"of our own, {len(synth):,} generated")

    tokens = [tokens_from_normalized(norm(r.text)) for r in all_rows]
    log(f"normalised in {time.perf_counter() - started:.0f} s (normalizer {normalizer_fingerprint(norm)})")

    # obscene lexicon: the shared lists, minus identity terms and words mostly seen in civil rows
    plain = compile_cues(norm)
    words = lexicon_words(lexicons, norm) if lexicons.exists() else []
    train_idx = [i for i, r in enumerate(all_rows)
                 if r.split == "train" and r.dataset not in ("synthetic", "synthetic_hard")]
    token_lists = [[t.text for t in tokens[i]] for i in train_idx]

    def is_identity(w: str) -> bool:
        return any(m.category == "identity" for m in plain.match(tokens_from_normalized(norm(w))))

    toxic = [None if "toxic" in all_rows[i].implied else all_rows[i].labels["toxic"] for i in train_idx]
    kept = filter_lexicon(words, token_lists, toxic, is_identity)
    lexicon = lexicon_hashes(kept)
    log(f"lexicon: {len(kept):,} of {len(words):,} obscene-list words kept")

    featurizer = Featurizer(cfg.n_buckets, cfg.char_min, cfg.char_max)
    extract = Extractor(featurizer, compile_cues(norm, lexicon.tolist()))
    matrix = featurize(tokens, extract, log)
    del tokens
    # a spam set's ham row with an obscene, insulting or slurring word implies nothing
    rude = matrix.cues[:, [CUE_FEATURES.index(c) for c in ("obscene", "insult", "slur")]].sum(axis=1) > 0
    dropped = 0
    for i, r in enumerate(all_rows):
        if r.implied and r.dataset in SPAM_SETS and rude[i]:
            for h in r.implied:
                r.labels[h] = None
            r.implied = frozenset()
            dropped += 1
    # every real comment that is not in a spam set is a spam negative (a sample of them is used)
    spam_negative_sets = real_names() - SPAM_SETS
    for r in all_rows:
        if r.labels.get("spam") is None and r.dataset in spam_negative_sets:
            r.labels["spam"] = 0
            r.implied = r.implied | {"spam"}
    X = matrix.csr()
    native: dict[str, set[str]] = {}
    for r in all_rows:
        for h, v in r.labels.items():
            if v is not None and h not in r.implied:
                native.setdefault(h, set()).add(r.dataset)
    log(f"featurised: {X.shape[0]:,} rows, {X.nnz:,} non-zeros ({time.perf_counter() - started:.0f} s); "
        f"{dropped:,} rude ham rows imply nothing")
    return Prepared(cfg, all_rows, X, featurizer, lexicon, (len(kept), len(words)), normalizer_fingerprint(norm),
                    native, real_names())


def _implied_keep(prep: Prepared, head_label: str, split: str, cap: int) -> set[int]:
    """The implied rows of each dataset for a label that are used: the ``cap`` lowest hash buckets."""
    by_ds: dict[str, list[tuple[int, int]]] = {}
    seed = prep.cfg.seed
    for i, r in enumerate(prep.rows):
        if r.split == split and head_label in r.implied:
            by_ds.setdefault(r.dataset, []).append((_bucket(r.text, seed + 4), i))
    keep: set[int] = set()
    for items in by_ds.values():
        items.sort()
        keep.update(i for _, i in items[:cap])
    return keep


def head_rows(prep: Prepared, head: str, exclude: frozenset[str] = frozenset(),
              cap: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row indices, labels, sample weights) an n-gram head trains on, without the ``exclude`` datasets.

    ``cap``: at most that many labelled rows of one dataset (the lowest hash buckets; the
    leave-one-out runs use it to stay fast).
    """
    label = HEAD_LABEL[head]
    implied = _implied_keep(prep, label, "train", IMPLIED_CAP if label != "spam" else IMPLIED_CAP // 2)
    ok = prep.real | {"synthetic", "synthetic_hard", "civil_links"}
    ix_list = [i for i, r in enumerate(prep.rows) if r.split == "train" and r.dataset in ok
               and r.dataset not in exclude and r.labels[label] is not None
               and (label not in r.implied or i in implied)]
    if cap:
        by_ds: dict[str, list[tuple[int, int]]] = {}
        for i in ix_list:
            by_ds.setdefault(prep.rows[i].dataset, []).append((_bucket(prep.rows[i].text, prep.cfg.seed + 5), i))
        ix_list = sorted(i for items in by_ds.values() for _, i in sorted(items)[:cap])
    ix = np.array(ix_list, dtype=np.int64)
    y = np.array([prep.rows[i].labels[label] for i in ix], dtype=np.int64)
    native = prep.native.get(label, set())
    shares = {ds: (HEAD_SHARES.get(head, {}).get(ds, prep.cfg.written_share if ds.startswith("written_") else 1.0)
                   if ds in native else IMPLIED_SHARE.get(head, 0.2))
              for ds in {prep.rows[i].dataset for i in ix}}
    w = sample_weights([prep.rows[i] for i in ix], y, shares)
    return ix, y, w


@dataclass
class Fitted:
    W: np.ndarray  # float16 [D, n_ngram]
    C: np.ndarray
    b: np.ndarray
    M: np.ndarray | None = None
    Mb: np.ndarray | None = None


def fit_ngram_heads(prep: Prepared, exclude: frozenset[str] = frozenset(), heads: Sequence[str] = NGRAM_HEADS,
                    base: Fitted | None = None, cap: int | None = None, fast: bool = False,
                    log: Callable[[str], None] = print) -> Fitted:
    D = prep.cfg.n_buckets
    if base is None:
        fitted = Fitted(np.zeros((D, len(NGRAM_HEADS)), dtype=np.float16),
                        np.zeros((len(CUE_FEATURES), len(NGRAM_HEADS)), dtype=np.float32),
                        np.zeros(len(NGRAM_HEADS), dtype=np.float32))
    else:
        fitted = Fitted(base.W.copy(), base.C.copy(), base.b.copy())
    for head in heads:
        j = NGRAM_HEADS.index(head)
        t = time.perf_counter()
        ix, y, w = head_rows(prep, head, exclude, cap)
        if not len(ix) or y.min() == y.max():
            continue
        coef, intercept = fit_logistic(prep.X[ix], y, w, prep.cfg.C.get(head, 2.0), prep.cfg.seed, fast)
        fitted.W[:, j] = coef[:D].astype(np.float16)
        fitted.C[:, j] = coef[D:]
        fitted.b[j] = intercept
        log(f"head {head}: {len(ix):,} rows ({int(y.sum()):,} positive), fitted in {time.perf_counter() - t:.0f} s")
    return fitted


def _meta_group(r: Row, label: str) -> str:
    if r.dataset.startswith(("synthetic", "own_")):
        return r.dataset
    return r.dataset if label not in r.implied else "civil"


def meta_rows(prep: Prepared, label: str, exclude: frozenset[str] = frozenset()) -> list[int]:
    """Rows the combined head for ``label`` is fitted (and thresholded) on: the synthetic meta half,
    our tune halves, the validation rows of the datasets that label it, and civil validation rows."""
    civil = _implied_keep(prep, label, "val", 600)
    out = []
    for i, r in enumerate(prep.rows):
        if r.dataset in exclude or r.labels.get(label) is None:
            continue
        if r.split in ("meta", "tune") or (r.split == "val" and (
                (r.dataset in prep.native.get(label, ()) and label not in r.implied) or i in civil)):
            out.append(i)
    return out


def fit_meta(prep: Prepared, fitted: Fitted, exclude: frozenset[str] = frozenset()) -> Fitted:
    from sklearn.linear_model import LogisticRegression

    M = np.zeros((len(META_INPUTS), len(META_HEADS)))
    Mb = np.zeros(len(META_HEADS))
    for j, head in enumerate(META_HEADS):
        ix = np.array(meta_rows(prep, head, exclude), dtype=np.int64)
        z = prep.scorer.ngram_logits(ix, fitted.W, fitted.C, fitted.b)
        F = prep.scorer.meta_inputs(ix, z, NGRAM_HEADS)
        y = np.array([prep.rows[i].labels[head] for i in ix], dtype=np.int64)
        groups = [Row("", {}, "", "", _meta_group(prep.rows[i], head)) for i in ix]
        w = sample_weights(groups, y, META_SHARES)
        cols = [k for k, name in enumerate(META_INPUTS) if name in META_USES[head]]
        clf = LogisticRegression(C=prep.cfg.meta_C, solver="liblinear", random_state=prep.cfg.seed, max_iter=500)
        clf.fit(F[:, cols], y, sample_weight=w)
        M[cols, j] = clf.coef_.ravel()
        Mb[j] = clf.intercept_[0]
    return Fitted(fitted.W, fitted.C, fitted.b, M, Mb)


def raw_scores(prep: Prepared, fitted: Fitted, ix: np.ndarray) -> dict[str, np.ndarray]:
    """Raw probabilities of every reported head for rows ``ix``."""
    if not len(ix):
        return {h: np.zeros(0) for h in NGRAM_HEADS + META_HEADS}
    z = prep.scorer.ngram_logits(ix, fitted.W, fitted.C, fitted.b)
    zm = prep.scorer.meta_inputs(ix, z, NGRAM_HEADS) @ fitted.M + fitted.Mb
    prob = {h: sigmoid(z[:, j]) for j, h in enumerate(NGRAM_HEADS) if not h.startswith("x_")}
    prob.update({h: sigmoid(zm[:, j]) for j, h in enumerate(META_HEADS)})
    return prob


def threshold_rows(prep: Prepared, head: str) -> list[int]:
    """Held-out rows a head's threshold and calibration are chosen on."""
    if head in META_HEADS:
        return [i for i in meta_rows(prep, head) if prep.rows[i].split != "meta"]
    civil = _implied_keep(prep, head, "val", 1500)
    return [i for i, r in enumerate(prep.rows) if r.labels.get(head) is not None and (
        r.split == "tune" or (r.split == "val" and (r.dataset in prep.real or r.dataset == "civil_links")
                              and (head not in r.implied or i in civil)))]


def _dataset_weights(rows: Sequence[Row]) -> np.ndarray:
    groups: dict[str, int] = {}
    for r in rows:
        groups[r.dataset] = groups.get(r.dataset, 0) + 1
    return np.array([1.0 / groups[r.dataset] for r in rows])


def train(datasets: Path = DEFAULT_DATASETS, lexicons: Path = DEFAULT_LEXICONS, out: Path | None = DATA_DIR,
          config: Config | None = None, own: Path | None = OWN_DATA, cross: bool = False, lodo: bool = False,
          log: Callable[[str], None] = print, prepared: Prepared | None = None,
          written: Path | None = WRITTEN_DATA) -> dict[str, Any]:
    """Train every head, choose thresholds and calibration, write ``weights.npz`` + ``manifest.json``
    into ``out``. ``lodo``: also run the leave-one-dataset-out evaluation
    (:func:`civility.classify.evaluate.leave_one_out`) and store its table in the manifest.

    Returns the manifest (with metrics). ``out=None`` writes nothing (tests).
    """
    started = time.perf_counter()
    prep = prepared or prepare(datasets, lexicons, own, config, log, written)
    cfg = prep.cfg
    rows = prep.rows
    real = prep.real
    fitted = fit_meta(prep, fit_ngram_heads(prep, log=log))
    M = fitted.M
    assert M is not None
    assert fitted.Mb is not None
    log("combined heads: " + "; ".join(
        f"{h}: " + ", ".join(f"{n}={M[k, j]:+.2f}" for k, n in enumerate(META_INPUTS) if abs(M[k, j]) >= 0.3)
        for j, h in enumerate(META_HEADS)))

    # ---- thresholds and calibration -------------------------------------------------------------
    from civility.classify.model import flag_levels

    levels = flag_levels()
    reported = [h for h in NGRAM_HEADS + META_HEADS if not h.startswith("x_")]
    thresholds: dict[str, float] = {}
    calibration: dict[str, dict[str, list[float]]] = {}
    reliability_tables: dict[str, list[dict[str, Any]]] = {}
    for head in reported:
        ix = np.array(threshold_rows(prep, head), dtype=np.int64)
        rs = [rows[i] for i in ix]
        y = np.array([r.labels[head] for r in rs], dtype=np.int64)
        flag_at = levels.get(head, 0.5)
        if not len(y) or y.min() == y.max():
            thresholds[head] = 0.5
            calibration[head] = {"raw": [0.0, 0.5, 1.0], "score": [0.0, flag_at, 1.0]}
            continue
        p = raw_scores(prep, fitted, ix)[head]
        w = _dataset_weights(rs)
        civil = None if head == "spam" else np.array([r.labels.get("toxic") == 0 or r.dataset == "civil"
                                                      or head in r.implied for r in rs])
        thresholds[head] = t = round(choose_threshold(y, p, w, MAX_FPR.get(head, 0.05), civil,
                                                      MAX_OTHER_FPR.get(head, 1.0)), 6)
        # calibration fitted on one half of these rows, its reliability measured on the other
        half = np.array([_bucket(r.text, cfg.seed + 6) % 2 == 0 for r in rs])
        fit_on = half if 0 < y[half].sum() < half.sum() else np.ones(len(y), dtype=bool)
        calibration[head] = fit_calibration(y[fit_on], p[fit_on], w[fit_on], t, flag_at)
        cal = np.interp(p, calibration[head]["raw"], calibration[head]["score"])
        rest = ~fit_on
        reliability_tables[head] = reliability(y[rest], cal[rest], w[rest]) if rest.any() else []
        # after the table was measured on the held-out half, refit the map on all rows
        calibration[head] = fit_calibration(y, p, w, t, flag_at)
    log("thresholds (raw probability): " + ", ".join(f"{h} {t:.3f}" for h, t in thresholds.items()))

    # ---- metrics --------------------------------------------------------------------------------
    metrics: dict[str, Any] = {"validation": {}, "own_test": {}, "own_tune": {}, "cross_dataset": [],
                               "reliability": reliability_tables}
    eval_ix = prep.idx(lambda r: r.split in ("val", "tune", "test"))
    prob = raw_scores(prep, fitted, eval_ix)
    where = {int(i): k for k, i in enumerate(eval_ix)}

    def select(pred: Callable[[Row], bool], head: str) -> tuple[np.ndarray, np.ndarray]:
        ks = [where[int(i)] for i in eval_ix if pred(rows[i]) and rows[i].labels.get(head) is not None]
        return np.array([rows[eval_ix[k]].labels[head] for k in ks], dtype=np.int64), prob[head][ks]

    for head in reported:
        for ds in sorted(real):
            y, p = select(lambda r, d=ds, h=head: r.split == "val" and r.dataset == d and h not in r.implied, head)
            if len(y) and 0 < y.sum() < len(y):
                metrics["validation"].setdefault(head, {})[ds] = _metrics(y, p, thresholds[head])
    for split in ("test", "tune"):
        for head in ("toxic", "hate", *META_HEADS):
            for lang in ("en", "ru", "tr", "az", "hy", "all"):
                y, p = select(lambda r, s=split, g=lang: r.split == s and (g == "all" or r.lang == g), head)
                if len(y) and 0 < y.sum() < len(y):
                    metrics[f"own_{split}"].setdefault(head, {})[lang] = _metrics(y, p, thresholds[head])

    if cross:
        for head, train_on, test_on in CROSS_EXPERIMENTS:
            if not {test_on, *train_on} <= {r.dataset for r in rows}:
                continue
            t0 = time.perf_counter()
            ix, y, w = head_rows(prep, head, frozenset(real - set(train_on)))
            coef, intercept = fit_logistic(prep.X[ix], y, w, cfg.C.get(head, 2.0), cfg.seed)
            test_ix = prep.idx(lambda r, h=head, te=test_on, tr=train_on: r.labels[h] is not None
                               and h not in r.implied and r.dataset == te and (r.split == "val" or te not in tr))
            score = np.asarray(prep.X[test_ix] @ coef).ravel() + intercept
            y = np.array([rows[i].labels[head] for i in test_ix])
            auc, ap = roc_auc(y, score), average_precision(y, score)
            metrics["cross_dataset"].append({"head": head, "train": list(train_on), "test": test_on, "n": len(y),
                                             "roc_auc": round(auc or 0, 4), "avg_precision": round(ap or 0, 4)})
            log(f"cross-dataset {head}: {'+'.join(train_on)} → {test_on}: ROC-AUC {auc:.3f} "
                f"({time.perf_counter() - t0:.0f} s)")
    if lodo:
        from civility.classify.evaluate import leave_one_out

        metrics["leave_one_out"] = leave_one_out(prep, fitted, thresholds, calibration, log=log)

    # ---- write ----------------------------------------------------------------------------------
    arrays = {"W": fitted.W, "C": fitted.C, "b": fitted.b, "M": M.astype(np.float32),
              "Mb": fitted.Mb.astype(np.float32), "lexicon": prep.lexicon}
    digest = hashlib.sha256()
    for k in sorted(arrays):
        digest.update(k.encode())
        digest.update(np.ascontiguousarray(arrays[k]).tobytes())
    # the thresholds and the calibration set the scores, so they are part of what a version means
    digest.update(json.dumps([thresholds, calibration], sort_keys=True).encode())
    manifest: dict[str, Any] = {
        "format": 2,
        "version": f"2.{digest.hexdigest()[:12]}",
        "features": prep.featurizer.config(),
        "cue_features": list(CUE_FEATURES),
        "cue_categories": list(CATEGORIES),
        "ngram_heads": list(NGRAM_HEADS),
        "meta_heads": list(META_HEADS),
        "meta_inputs": list(META_INPUTS),
        "thresholds": thresholds,
        "calibration": calibration,
        "normalizer": prep.normalizer,
        "seed": cfg.seed,
        "training": {
            "rows": {ds: sum(1 for r in rows if r.dataset == ds) for ds in sorted({r.dataset for r in rows})},
            "head_shares": HEAD_SHARES, "implied_share": IMPLIED_SHARE, "implied_cap": IMPLIED_CAP,
            "meta_shares": META_SHARES, "native": {h: sorted(v) for h, v in sorted(prep.native.items())},
            "C": cfg.C, "meta_C": cfg.meta_C, "max_fpr": MAX_FPR, "max_other_fpr": MAX_OTHER_FPR,
            "meta_uses": META_USES,
            "lexicon_words": prep.lexicon_words[0],
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
