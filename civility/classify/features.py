"""Text → sparse features, identically at training and at inference.

Input is the output of ``civility.triage.normalize.normalize(text)``: its words, each
taken in its first de-obfuscated form, with offsets in the ORIGINAL text
(:func:`tokens_from_normalized`). Training calls the same ``normalize()``, so a change
there is picked up by retraining (``civility model train``).

Features, all hashed with a fixed function (``zlib.crc32`` of a namespaced UTF-8 string,
modulo ``n_buckets``) so inference needs neither scikit-learn nor a vocabulary:

- word unigrams and bigrams (block "word");
- character 2–5-grams inside each word padded with spaces, like scikit-learn's
  ``char_wb`` (block "char"; hashed with a fixed 64-bit polynomial hash, see :class:`Featurizer`);
- a few dense "cue" features (word lists, threat phrases, addressing: :mod:`.cues`).

Each hashed block is binary and L2-normalised on its own (every distinct feature of a
block weighs ``1/sqrt(k)``), which makes a comment's score independent of its length.
Words are canonicalised first: ``@name`` → ``user``, links → ``url``, numbers →
``number`` (the placeholders HateXplain uses), HTML entities dropped.

numpy is the only dependency (the character n-grams of a batch are hashed in one go).
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from civility.triage.names import is_name

#: what a "word" is, on normalised text: mentions, links, entities, or runs of letters/digits
_TOKEN = re.compile(r"@\w+|(?:https?://|www\.)\S+|&#?\w{1,8};|\w+", re.UNICODE)
_MAX_TOKENS = 400
_MAX_WORD = 30


@dataclass(frozen=True)
class Token:
    """A canonical word with its [start, end) range in the NORMALISED text."""

    text: str
    start: int
    end: int
    #: a listed given name, surname or place written as a name (capitalised): left out of the
    #: n-grams, as identity terms are, so "Twatt" or "Kocharyan" is not evidence by its letters
    name: bool = False


def tokenize(norm_text: str) -> list[Token]:
    """Words of a plain (already normalised) string, with offsets in that string."""
    out: list[Token] = []
    for m in _TOKEN.finditer(norm_text):
        raw = m.group()
        first = raw[0]
        if first == "@":
            word = "user"
        elif first == "&":
            continue
        elif first in "hw" and (raw.startswith(("http://", "https://", "www."))):
            word = "url"
        elif raw.isdigit():
            word = "number"
        else:
            word = raw.replace("_", "")[:_MAX_WORD] or "_"
        out.append(Token(word, m.start(), m.end()))
        if len(out) >= _MAX_TOKENS:
            break
    return out


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_ENTITY = re.compile(r"&#?\w{1,8};")


def canonical(word: str, raw: str) -> str:
    """A normalised word as the model sees it (mentions, numbers, long words)."""
    if raw[:1] == "@":
        return "user"
    if word.isdigit():
        return "number"
    if "_" in word:
        word = word.replace("_", "") or "_"
    return word if len(word) <= _MAX_WORD else word[:_MAX_WORD]


def tokens_from_normalized(normalized: Any) -> list[Token]:
    """Words of a ``civility.triage.normalize.Normalized``, with ORIGINAL offsets.

    Each word is its first de-obfuscated form (``sh!t`` → ``shit``, ``f.u.c.k`` → ``fuck``)
    when the normaliser gives forms, else its normalised text. Links become one ``url``
    word; HTML entities (``&amp;``) are dropped.
    """
    original = normalized.original
    skip: list[tuple[int, int, str]] = []
    if "://" in original or "www." in original or "&" in original:
        skip = [(m.start(), m.end(), "url") for m in _URL.finditer(original)]
        skip += [(m.start(), m.end(), "") for m in _ENTITY.finditer(original)]
    out: list[Token] = []
    for tok in normalized.tokens:
        if skip:
            region = next((r for r in skip if r[0] <= tok.start < r[1]), None)
            if region is not None:
                start, end, word = region
                if word and not (out and out[-1].text == word and out[-1].start == start):
                    out.append(Token(word, start, end))
                continue
        forms = getattr(tok, "forms", None)
        text = canonical(forms[0] if forms else tok.text, tok.text)
        raw = original[tok.start:tok.end]
        out.append(Token(text, tok.start, tok.end, bool(raw[:1].isupper() and is_name(text))))
        if len(out) >= _MAX_TOKENS:
            break
    return _join_spaced(out, original)


def _join_spaced(tokens: list[Token], original: str) -> list[Token]:
    """Letters spaced out (``s a l a m``, ``с у к а``) read as the word they spell.

    Three or more single letters apart by thin gaps (at most three blanks or punctuation) are
    one word, cut where the gap widens (``s e l a m  k a r d e ş l e r`` is two words). Read
    letter by letter, the model learned that spacing itself is obscene (spelled-out words are
    nearly always swearing in the data) and flagged a spelled-out greeting.
    """
    from civility.triage.normalize import split_at_wide_gaps, thin_gap

    if sum(_spaced_letter(t) for t in tokens) < 3:
        return tokens
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j + 1 < n and _spaced_letter(tokens[j]) and _spaced_letter(tokens[j + 1]) \
                and thin_gap(original[tokens[j].end:tokens[j + 1].start]):
            j += 1
        if j - i < 2:
            out.append(tokens[i])
            i += 1
            continue
        for first, last in split_at_wide_gaps(i, j, [tokens[k + 1].start - tokens[k].end for k in range(i, j)]):
            if last - first >= 2:
                out.append(Token("".join(t.text for t in tokens[first:last + 1]), tokens[first].start,
                                 tokens[last].end))
            else:
                out.extend(tokens[first:last + 1])
        i = j + 1
    return out


def _spaced_letter(token: Token) -> bool:
    return (len(token.text) == 1 and token.text.isalpha()) or token.text == "ու"  # Armenian "u" is two code points


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


#: multiplier and finaliser of the character n-gram hash (fixed: changing them needs retraining)
_P = np.uint64(1000003)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
#: words that carry no character n-grams
_NO_CHARS = frozenset(("user", "url", "number"))


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads the polynomial hash over all 64 bits (wrapping arithmetic)."""
    h = h ^ (h >> np.uint64(30))
    h = h * _M1
    h = h ^ (h >> np.uint64(27))
    h = h * _M2
    return h ^ (h >> np.uint64(31))


class Featurizer:
    """Hashes words and character n-grams into ``n_buckets`` buckets.

    - words and word bigrams: ``crc32`` of ``"w\x1f" + word`` / ``"b\x1f" + a + " " + b``;
    - character n-grams of each word padded with spaces, ``char_min``..``char_max`` long: a
      polynomial hash of the code points, seeded with ``n`` (``h = n; h = h * 1000003 + c``
      modulo 2**64), then splitmix64's finaliser, modulo ``n_buckets``; computed for a whole
      batch of words at once with numpy (no Python loop per n-gram).
    """

    def __init__(self, n_buckets: int = 1 << 20, char_min: int = 2, char_max: int = 5, cache_size: int = 0):
        self.n_buckets = int(n_buckets)
        self.char_min = int(char_min)
        self.char_max = int(char_max)

    def config(self) -> dict[str, int | str]:
        return {"hash": "crc32 words, poly64 chars", "n_buckets": self.n_buckets, "char_min": self.char_min,
                "char_max": self.char_max}

    # -- words -----------------------------------------------------------------------------
    def word_hash(self, word: str) -> int:
        return _h("w\x1f" + word) % self.n_buckets

    def bigram_hash(self, a: str, b: str) -> int:
        return _h("b\x1f" + a + " " + b) % self.n_buckets

    def word_ids(self, tokens: Sequence[Token]) -> set[int]:
        words = [t.text for t in tokens]
        ids = {self.word_hash(w) for w in words}
        ids.update(self.bigram_hash(a, b) for a, b in itertools.pairwise(words))
        return ids

    # -- characters ------------------------------------------------------------------------
    def word_char_buckets(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(offsets, buckets): the n-gram buckets of ``words[i]`` are ``buckets[offsets[i]:offsets[i+1]]``
        (repeats within a word included)."""
        n_words = len(words)
        if not n_words:
            return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64)
        text = "\x00".join(" " + w + " " for w in words)
        c = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
        lengths = np.fromiter((len(w) + 3 for w in words), dtype=np.int64, count=n_words)
        owner = np.repeat(np.arange(n_words, dtype=np.int64), lengths)[:len(c)]
        seps = np.concatenate(([0], np.cumsum(c == 0)))
        owners, buckets = [], []
        for n in range(self.char_min, self.char_max + 1):
            size = len(c) - n + 1
            if size <= 0:
                break
            h = np.full(size, n, dtype=np.uint64)
            for k in range(n):
                h = h * _P + c[k:k + size]
            ok = seps[n:n + size] == seps[:size]
            owners.append(owner[:size][ok])
            buckets.append((_mix(h[ok]) % np.uint64(self.n_buckets)).astype(np.int64))
        own = np.concatenate(owners)
        order = np.argsort(own, kind="stable")
        counts = np.bincount(own, minlength=n_words)
        return np.concatenate(([0], np.cumsum(counts))), np.concatenate(buckets)[order]

    def char_grams(self, word: str) -> tuple[int, ...]:
        """Distinct bucket ids of the character n-grams of one word."""
        return tuple(sorted(set(self.word_char_buckets([word])[1].tolist())))

    def batch_char_ids(self, docs: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """For each document's words: its distinct character n-gram buckets, as (document index,
        bucket) pairs sorted by document."""
        index: dict[str, int] = {}
        doc_of: list[int] = []
        word_of: list[int] = []
        for d, words in enumerate(docs):
            for w in words:
                if w in _NO_CHARS:
                    continue
                doc_of.append(d)
                word_of.append(index.setdefault(w, len(index)))
        if not word_of:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        offsets, buckets = self.word_char_buckets(list(index))
        wid = np.asarray(word_of, dtype=np.int64)
        starts = offsets[wid]
        lens = offsets[wid + 1] - starts
        total = int(lens.sum())
        ends = np.cumsum(lens)
        pos = np.arange(total, dtype=np.int64) - np.repeat(ends - lens - starts, lens)
        keys = np.repeat(np.asarray(doc_of, dtype=np.int64), lens) * self.n_buckets + buckets[pos]
        keys.sort()
        if len(keys) > 1:
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
        return keys // self.n_buckets, keys % self.n_buckets
