"""Inference: the shipped linear model, loaded once, without executing code.

The model lives in ``civility/classify/data/``:

- ``manifest.json``: version, feature configuration, heads, thresholds, calibration, metrics;
- ``weights.npz``: numpy arrays only (read with ``allow_pickle=False``):
  ``W`` (float16, ``n_buckets × heads``) for the hashed n-grams, ``C`` (float32,
  ``cues × heads``) for the cue features, ``b`` (float32) the intercepts, ``M``/``Mb``
  for the combined heads and ``lexicon`` (uint64 keys of obscene words, :func:`.cues.lexicon_key`).

Two kinds of heads:

- *n-gram heads* (``toxic``, ``hate``, ``spam``): logistic regression over hashed word
  1–2-grams, character 2–5-grams and the cue features, trained on labelled data;
- *combined heads* (``insult``, ``threat``, ``obscene``): no labelled data exists for
  them, so each is a small logistic regression over the toxic and hate logits and the
  cues (second person, insult words, threat phrases, obscene words…), fitted on the
  project's own labelled sentences (``tests/classify/data``) and generated ones.

``score()`` returns *calibrated* scores: each head's raw probability is mapped by a
monotone piecewise-linear function (``manifest["calibration"]``) fitted by isotonic
regression on held-out real comments, so a score reads as the probability of the label;
the map is pinned so that the threshold chosen on validation data lands exactly on the
policy's flag level (:data:`civility.triage.policy.FLAG_AT`): a label is flagged exactly
when the raw probability reaches the validated threshold.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from civility.classify.cues import CUE_FEATURES, Cues, Match, compile_cues
from civility.classify.features import Featurizer, Token, tokens_from_normalized

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
#: heads over hashed n-grams; ``x_*`` are auxiliary (read by the combined heads, not reported)
NGRAM_HEADS: tuple[str, ...] = ("toxic", "hate", "spam", "x_insult", "x_threat")
META_HEADS: tuple[str, ...] = ("insult", "threat", "obscene")
#: what the combined heads read, in order
META_INPUTS: tuple[str, ...] = ("z_toxic", "z_hate", "z_x_insult", "z_x_threat", *CUE_FEATURES)


def _normalize(text: str) -> Any:
    """``civility.triage.normalize.normalize``: the one normaliser, at training and at inference."""
    from civility.triage.normalize import normalize

    return normalize(text)


@dataclass
class Extracted:
    """One comment's features (and what is needed to explain a score)."""

    tokens: list[Token]
    word: list[int]
    chars: list[str]  # the words whose character n-grams count (hashed per batch)
    cues: list[float]
    matches: list[Match]
    hashed: list[int] | None = None  # indices of the tokens the n-grams were made of (None: all)


class Extractor:
    def __init__(self, featurizer: Featurizer, cues: Cues):
        self.featurizer = featurizer
        self.cues = cues

    def __call__(self, normalized: Any) -> Extracted:
        """Features of one ``Normalized`` (token offsets are in the ORIGINAL text)."""
        return self.from_tokens(tokens_from_normalized(normalized))

    def from_tokens(self, tokens: list[Token]) -> Extracted:
        matches = self.cues.match(tokens)
        if any(t.name for t in tokens):
            # a name written as a name is no insult, slur or obscenity ("Twatt", "Хохлов"), as
            # in the word lists; it can still name a politician, a people or a country
            matches = [m for m in matches if m.category in ("politician", "identity", "country")
                       or not all(tokens[i].name for i in range(m.start, m.end))]
        # identity-blind n-grams: words naming peoples, religions and groups are left out of the
        # n-grams, so that no group's name can become evidence of hate (or toxicity) by itself;
        # what is said of a group still counts, and the cues combine "a group" with "vermin"
        keep = None
        groups = {m.start for m in matches if m.category == "identity" and m.end - m.start == 1}
        groups |= {i for i, t in enumerate(tokens) if t.name}
        groups |= _armenian_i(tokens)
        hashed = tokens
        if groups:
            keep = [i for i in range(len(tokens)) if i not in groups]
            hashed = [tokens[i] for i in keep]
        return Extracted(tokens, list(self.featurizer.word_ids(hashed)), [t.text for t in hashed],
                         self.cues.features(tokens, matches), matches, keep)


#: Armenian "ես" is "I" and also "you are" after a word ("հիմար ես", you are stupid); it is "I"
#: where a first-person "եմ"/"էի" follows within a few words ("Ես թուրք եմ", "Es el em hamadzayn")
_ES, _FIRST_PERSON, _ES_WINDOW = frozenset({"ես", "es"}), frozenset({"եմ", "էի", "em", "ei"}), 6


def _armenian_i(tokens: list[Token]) -> set[int]:
    """Indices of Armenian "ես" that mean "I": left out of the n-grams like identity words, because
    the insults of the written sets ("… ես", you are …) had made the pronoun an insult by itself."""
    return {i for i, t in enumerate(tokens) if t.text in _ES
            and any(u.text in _FIRST_PERSON for u in tokens[i + 1:i + 1 + _ES_WINDOW])}


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


def calibrate(p: np.ndarray, threshold: float, flag_at: float) -> np.ndarray:
    """Monotone piecewise-linear map with knots (0, 0), (threshold, flag_at), (1, 1)."""
    return np.interp(p, [0.0, threshold, 1.0], [0.0, flag_at, 1.0])


def flag_levels() -> dict[str, float]:
    """The score at which the policy flags each label (the calibration target)."""
    try:
        from civility.triage.policy import FLAG_AT
    except Exception:  # pragma: no cover - the policy is always importable in the project
        return {}
    return dict(FLAG_AT)


def normalizer_fingerprint(normalize: Any) -> str:
    """A short hash of what ``normalize`` makes of a few obfuscated probes (text and word forms)."""
    import hashlib

    probes = ["Ты ИДИОТ!!!", "f.u.c.k y0u", "Ermənilər", "Հայեր", "ѕсаm ｆｕｌｌ-ｗｉｄｔｈ", "iдiот", "sh1t", "$hit",
              "Azərbaycan", "ПРИВЕТ privet", "çok güzel İstanbul", "a  b\tc", "@user http://x.y/z 123", "fuuuck"]
    parts = []
    for p in probes:
        n = normalize(p)
        parts.append(n.text + "|" + " ".join(t.text for t in tokens_from_normalized(n)))
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


class Model:
    """A loaded model. ``score(norm_texts)`` → {head: calibrated scores}."""

    def __init__(self, path: Path | str | None = DATA_DIR, *, manifest: dict[str, Any] | None = None,
                 arrays: dict[str, np.ndarray] | None = None):
        """A model folder (``manifest.json`` + ``weights.npz``), or its ``manifest`` and ``arrays``
        already read (a version stored elsewhere, see :func:`from_bytes`)."""
        self.path = Path(path) if path is not None else None
        if manifest is None or arrays is None:
            assert self.path is not None
            with open(self.path / "manifest.json", encoding="utf-8") as fh:
                manifest = json.load(fh)
            with np.load(self.path / "weights.npz", allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        self.manifest: dict[str, Any] = manifest
        self.arrays = arrays
        self.W = arrays["W"]  # float16 [n_buckets, n_ngram]
        self.C = arrays["C"].astype(np.float32)  # [n_cues, n_ngram]
        self.b = arrays["b"].astype(np.float64)
        self.M = arrays["M"].astype(np.float64)  # [n_meta_inputs, n_meta]
        self.Mb = arrays["Mb"].astype(np.float64)
        m = self.manifest
        self.ngram_heads: tuple[str, ...] = tuple(m["ngram_heads"])
        self.meta_heads: tuple[str, ...] = tuple(m["meta_heads"])
        self.meta_inputs: tuple[str, ...] = tuple(m["meta_inputs"])
        if tuple(m["cue_features"]) != CUE_FEATURES:
            raise ValueError("the model was trained with other cue features; retrain it (civility model train)")
        #: the heads a caller sees (auxiliary ``x_*`` heads only feed the combined ones)
        self.heads: tuple[str, ...] = tuple(h for h in self.ngram_heads + self.meta_heads if not h.startswith("x_"))
        self.thresholds: dict[str, float] = {h: float(t) for h, t in m["thresholds"].items()}
        levels = flag_levels()
        self.flag_at: dict[str, float] = {h: float(levels.get(h, 0.5)) for h in self.heads}
        #: per head, the knots (raw probability → calibrated score) fitted at training; a map whose
        #: threshold knot is not at the policy's current flag level falls back to the 3-knot map
        self.knots: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for h, cal in m.get("calibration", {}).items():
            raw, score = np.asarray(cal["raw"], dtype=np.float64), np.asarray(cal["score"], dtype=np.float64)
            t = self.thresholds.get(h)
            at = np.flatnonzero(raw == t) if t is not None else []
            if h in self.flag_at and len(at) and abs(score[at[0]] - self.flag_at[h]) < 1e-9:
                self.knots[h] = (raw, score)
            elif h in self.flag_at:
                log.warning("the %s calibration was fitted for another flag level; using the threshold map", h)
        self.featurizer = Featurizer(n_buckets=m["features"]["n_buckets"], char_min=m["features"]["char_min"],
                                     char_max=m["features"]["char_max"])
        if self.W.shape[0] != self.featurizer.n_buckets:
            raise ValueError("weights do not match the feature configuration")
        self.cues = compile_cues(_normalize, arrays["lexicon"])
        self.extract = Extractor(self.featurizer, self.cues)
        self.normalizer_matches = m.get("normalizer") == normalizer_fingerprint(_normalize)
        if not self.normalizer_matches:
            log.warning("the classifier was trained with another version of normalize(); retrain it with "
                        "`civility model train` (scores may be off until then)")
        self._zi = {h: i for i, h in enumerate(self.ngram_heads)}
        self._inputs_z = [self._zi[n[2:]] for n in self.meta_inputs if n.startswith("z_")]
        self._inputs_cue = [CUE_FEATURES.index(n) for n in self.meta_inputs if not n.startswith("z_")]

    @property
    def version(self) -> str:
        return str(self.manifest["version"])

    # -- scoring -------------------------------------------------------------------------
    def logits(self, items: list[Extracted]) -> tuple[np.ndarray, np.ndarray]:
        """(n-gram logits [n, n_ngram], meta logits [n, n_meta])."""
        n = len(items)
        docs, cols, vals, cue = batch_features(items, self.featurizer)
        contrib = self.W[cols].astype(np.float32) * vals[:, None]
        z = np.empty((n, self.W.shape[1]), dtype=np.float64)
        for j in range(self.W.shape[1]):
            z[:, j] = np.bincount(docs, weights=contrib[:, j], minlength=n)
        z += cue @ self.C + self.b
        meta_x = np.concatenate([z[:, self._inputs_z], cue[:, self._inputs_cue]], axis=1)
        zm = meta_x @ self.M + self.Mb
        return z, zm

    def raw(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Uncalibrated probabilities per head, for raw comment texts (normalised here)."""
        return self.raw_items([self.extract(_normalize(t)) for t in texts])

    def raw_items(self, items: list[Extracted]) -> dict[str, np.ndarray]:
        if not items:
            return {h: np.zeros(0) for h in self.heads}
        z, zm = self.logits(items)
        out = {h: sigmoid(z[:, i]) for i, h in enumerate(self.ngram_heads) if not h.startswith("x_")}
        out.update({h: sigmoid(zm[:, i]) for i, h in enumerate(self.meta_heads)})
        return out

    def calibrated(self, raw: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        out = {}
        for h, p in raw.items():
            knots = self.knots.get(h)
            out[h] = np.interp(p, *knots) if knots else calibrate(p, self.thresholds[h], self.flag_at[h])
        return out

    def score(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Calibrated scores per head for raw comment texts."""
        return self.calibrated(self.raw(texts))

    def score_normalized(self, normalized: list[Any]) -> dict[str, np.ndarray]:
        """Calibrated scores for already normalised comments (``normalize(text)`` objects)."""
        return self.calibrated(self.raw_items([self.extract(n) for n in normalized]))

    # -- explanations --------------------------------------------------------------------
    def explain(self, item: Extracted, head: str, top: int = 3) -> list[tuple[int, int, float]]:
        """The words that weighed most for ``head``: [(start, end, weight)], offsets as the tokens'
        (the ORIGINAL text's, for comments extracted from ``normalize(text)``).

        A word's weight is what its own unigram and character n-grams (n-grams shared by
        several words are shared out), half of each bigram it is in, and the cue hits it is
        part of add to the head's logit. Combined heads apportion through their inputs.
        """
        return self.explain_heads(item, [head], top)[head]

    def explain_heads(self, item: Extracted, heads: Sequence[str], top: int = 3) -> dict[str, list]:
        """:meth:`explain` for several heads, taking the comment apart once for all of them."""
        if not item.tokens:
            return {head: [] for head in heads}
        per_head = self._token_contrib(item)  # [n_tokens, n_ngram]
        cue_tok = self._cue_token_contrib(item)  # [n_tokens, n_cues]
        return {head: self._explain(item, head, top, per_head, cue_tok) for head in heads}

    def _explain(self, item: Extracted, head: str, top: int, per_head: np.ndarray,
                 cue_tok: np.ndarray) -> list[tuple[int, int, float]]:
        tokens = item.tokens
        if head in self._zi:
            j = self._zi[head]
            weight = per_head[:, j] + cue_tok @ self.C[:, j]
        else:
            j = self.meta_heads.index(head)
            coef = self.M[:, j]
            weight = np.zeros(len(tokens))
            for k, name in enumerate(self.meta_inputs):
                if name.startswith("z_"):
                    hi = self._zi[name[2:]]
                    weight += coef[k] * (per_head[:, hi] + cue_tok @ self.C[:, hi])
                else:
                    weight += coef[k] * cue_tok[:, CUE_FEATURES.index(name)]
        in_cue = {i for m in item.matches for i in range(m.start, m.end)}
        for i, t in enumerate(tokens):
            if len(t.text) < 3 and i not in in_cue:
                weight[i] = min(weight[i], 0.0)  # "I", "you", "of": never the words to highlight
        order = np.argsort(-weight, kind="stable")
        best = float(weight[order[0]])
        out = []
        for i in order[:top]:
            w = float(weight[i])
            if w <= 0 or w < 0.25 * best:
                break
            out.append((tokens[i].start, tokens[i].end, w))
        return sorted(out)

    def _token_contrib(self, item: Extracted) -> np.ndarray:
        """[n_tokens, n_ngram_heads]: what each token's n-grams add to each head's logit."""
        f = self.featurizer
        W = self.W
        index = item.hashed if item.hashed is not None else list(range(len(item.tokens)))
        words = [item.tokens[i].text for i in index]
        out = np.zeros((len(words), W.shape[1]), dtype=np.float64)
        if words:
            # character n-grams: each distinct bucket of the comment shared by the words that have it
            offsets, buckets = f.word_char_buckets(words)
            owner = np.repeat(np.arange(len(words)), np.diff(offsets))
            keep = np.array([w not in ("user", "url", "number") for w in words])[owner] if len(owner) else owner
            pairs = np.unique(owner[keep] * f.n_buckets + buckets[keep]) if len(owner) else owner
            who, col = pairs // f.n_buckets, pairs % f.n_buckets
            cols, inverse, owners = np.unique(col, return_inverse=True, return_counts=True)
            if len(cols):
                share = W[col].astype(np.float64) / (math.sqrt(len(cols)) * owners[inverse])[:, None]
                np.add.at(out, who, share)
            # word unigrams (shared by repeats) and bigrams (half to each word)
            kw = math.sqrt(max(1, len(item.word)))
            uni = np.array([f.word_hash(w) for w in words])
            _, inv, reps = np.unique(uni, return_inverse=True, return_counts=True)
            out += W[uni].astype(np.float64) / (kw * reps[inv])[:, None]
            if len(words) > 1:
                bi = W[[f.bigram_hash(a, b) for a, b in itertools.pairwise(words)]].astype(np.float64)
                out[:-1] += bi / (2 * kw)
                out[1:] += bi / (2 * kw)
        full = np.zeros((len(item.tokens), W.shape[1]), dtype=np.float64)
        full[index] = out
        return full

    def _cue_token_contrib(self, item: Extracted) -> np.ndarray:
        """Each cue feature's value spread over the tokens whose matches caused it."""
        n = len(item.tokens)
        out = np.zeros((n, len(CUE_FEATURES)), dtype=np.float64)
        by_cat: dict[str, set[int]] = {}
        for m in item.matches:
            by_cat.setdefault(m.category, set()).update(range(m.start, m.end))
        for k, name in enumerate(CUE_FEATURES):
            value = item.cues[k]
            if not value:
                continue
            cats = [c for c in name.split("*") if c in by_cat and c not in ("identity", "you", "politician")]
            if not cats:
                continue
            toks = sorted(set().union(*(by_cat[c] for c in cats)))
            for i in toks:
                out[i, k] += value / len(toks)
        return out


def batch_features(items: list[Extracted], featurizer: Featurizer) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                           np.ndarray]:
    """A batch's hashed features as (document, column, value) triples, and its cue matrix.

    Each document's distinct word and word-bigram buckets weigh ``1/sqrt(k_words)``, its
    distinct character n-gram buckets ``1/sqrt(k_chars)`` (binary, L2-normalised per block).
    """
    n = len(items)
    wlen = np.fromiter((len(it.word) for it in items), dtype=np.int64, count=n)
    wdoc = np.repeat(np.arange(n, dtype=np.int64), wlen)
    wcol = np.fromiter((c for it in items for c in it.word), dtype=np.int64, count=int(wlen.sum()))
    wval = np.repeat(1.0 / np.sqrt(np.maximum(wlen, 1)), wlen)
    cdoc, ccol = featurizer.batch_char_ids([it.chars for it in items])
    clen = np.bincount(cdoc, minlength=n)
    cval = 1.0 / np.sqrt(np.maximum(clen, 1))[cdoc]
    cue = np.asarray([it.cues for it in items], dtype=np.float64).reshape(n, len(CUE_FEATURES))
    return (np.concatenate([wdoc, cdoc]), np.concatenate([wcol, ccol]),
            np.concatenate([wval, cval]).astype(np.float32), cue)


def from_bytes(manifest: dict[str, Any], weights: bytes) -> Model:
    """A model from its manifest and the bytes of its ``weights.npz`` (read without pickle)."""
    import io

    with np.load(io.BytesIO(weights), allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    return Model(None, manifest=manifest, arrays=arrays)


def to_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """``weights.npz`` as bytes, in the shipped format (numpy arrays only, compressed)."""
    import io

    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


_model: Model | None = None
_lock = threading.Lock()
#: where the model in use comes from when it is not the shipped one (see :func:`use_provider`)
_provider: Callable[[], Model | None] | None = None


def shipped_model() -> Model:
    """The shipped model, loaded on first use (once per process, thread-safe)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = Model(DATA_DIR)
    return _model


def use_provider(provider: Callable[[], Model | None] | None) -> None:
    """Ask ``provider`` for the model in use (None from it: the shipped one). The learning room
    registers one that follows the version installed in the database (``civility model use``)."""
    global _provider
    _provider = provider


def get_model() -> Model:
    """The model in use: the provider's (an adapted version) or the shipped one."""
    if _provider is not None:
        model = _provider()
        if model is not None:
            return model
    return shipped_model()
