"""Cues: small curated word lists and phrases that the linear model uses as dense features.

Written for this project (en, ru, tr, az, hy, and Russian/Armenian typed in Latin letters);
no third-party list is copied here. The obscenity lists of ``../shared/lexicons`` enter
the model separately, as a set of hashed words filtered against the training data
(see :func:`civility.classify.train.lexicon_hashes`).

The lists are data: ``civility/classify/data/cues/<lang>.txt``, one section per category
(``[insult]``), one entry a line, ``#`` for comments (:func:`parse_lists` has the rest).
Entry syntax: words inside an entry are separated by spaces; a word ending in ``*`` matches
any word that starts with it (``идиот*`` matches ``идиоты``).
Every entry is passed through the same ``normalize()`` as the comments, when the lists
are compiled, so look-alike letters, case and whatever the normaliser learns later are
handled on both sides alike.

Categories:

- ``insult``: words that insult a person (idiot, дебил, salak, axmaq, ապուշ)
- ``slur``: slurs for peoples and groups
- ``dehuman``: words that liken people to vermin, animals, disease
- ``negtrait``: traits pinned on a whole group (cowards, traitors, terrorists, "breed", "dead")
- ``threat``: threat phrases: first-person future, imperative, incitement, death wishes
- ``violence``: violent verbs in any tense (so "10 soldiers were killed" is not a threat)
- ``you``: second-person words (the comment addresses someone)
- ``politician``: named politicians and offices
- ``identity``: peoples, religions and groups (used only combined with other cues)
- ``obscene``: obscene words (stems), added to the hashed lexicon
- ``menace``: a person's routine, whereabouts and family, and the mishaps that could befall them
  ("every morning", "your children", "accidents happen", "пока ещё можешь"): the stuff of veiled
  threats, each harmless alone; ``menace*target`` pairs them with someone aimed at (said to
  "you", an @mention, or a journalist, activist, lawyer, author named by role)
- ``target``: people a veiled threat is aimed at when it names no "you" (journalist, активист…)
- ``country``: a country's name where it also starts a people's name (Azərbaycan, Ադրբեջան, the
  Turkish "türk*" read in "turkey"): no feature; it keeps a land claim from reading as "about a
  group" (:mod:`civility.classify.signal`)
- ``self`` / ``selfafter``: the writer speaking of themselves, before ("I was such a", "я был") or
  after ("me", "էի") a word; an insult there is self-deprecation and is dropped from the matches

Words spelled out with spaces (``х а ч``, ``d ı ğ a``) are matched too: every run of three or
more one-letter words is joined and looked up (other separators are undone by ``normalize()``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np

from civility.classify.features import Token, tokens_from_normalized

CATEGORIES: tuple[str, ...] = (
    "obscene", "insult", "slur", "dehuman", "negtrait", "threat", "violence", "you", "politician", "identity",
    "self", "selfafter", "menace", "target", "country",
)

#: the dense features the model sees, in order (values: log(1 + count) or 0/1)
CUE_FEATURES: tuple[str, ...] = (
    "obscene", "insult", "slur", "dehuman", "threat", "violence", "you", "politician", "mention",
    "you*insult", "you*obscene", "you*violence", "politician*insult", "identity*dehuman", "identity*violence",
    "identity*threat", "identity*insult", "identity*negtrait", "url", "menace", "menace*target",
)

#: where the lists live: one file per language, ``<lang>.txt``, with a section per category
DATA_PACKAGE = "civility.classify"
DATA_DIR = ("data", "cues")
_SECTION = re.compile(r"^\[\s*([a-z]+)\s*(?::\s*([a-z]+)\s*)?\]$")
_PARTS = ("subjects", "verbs", "stems", "endings", "skip")


class CueListError(ValueError):
    """A cue list file that cannot be read (unknown section, entry outside a section…)."""


def parse_lists(text: str, source: str = "<text>") -> dict[str, list[str]]:
    """One list file → entries per category, with the generated sections expanded.

    ``[category]`` starts a section of entries, one a line; ``#`` starts a comment.
    ``[category: subjects]`` × ``[category: verbs]`` adds ``"<subject> <verb>"`` for every pair;
    ``[category: stems]`` × ``[category: endings]`` adds ``"<stem><ending>"`` for every pair,
    less the words of ``[category: skip]``.
    """
    plain: dict[str, list[str]] = {}
    parts: dict[tuple[str, str], list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = re.sub(r"\s+", " ", raw.split("#", 1)[0]).strip()
        if not line:
            continue
        if line.startswith("["):
            m = _SECTION.match(line)
            if not m or m.group(1) not in CATEGORIES or (m.group(2) and m.group(2) not in _PARTS):
                raise CueListError(f"{source}:{number}: unknown section {line!r}")
            key = m.group(1)
            current = parts.setdefault((key, m.group(2)), []) if m.group(2) else plain.setdefault(key, [])
            continue
        if current is None:
            raise CueListError(f"{source}:{number}: entry {line!r} before any [section]")
        if "," in line:
            raise CueListError(f"{source}:{number}: one entry a line, no commas: {line!r}")
        current.append(line)
    for (category, part), _ in sorted(parts.items()):
        out = plain.setdefault(category, [])
        if part == "subjects":
            out.extend(f"{s} {v}" for s in parts[category, part] for v in parts.get((category, "verbs"), []))
        elif part == "stems":
            skip = set(parts.get((category, "skip"), []))
            out.extend(s + e for s in parts[category, part] for e in parts.get((category, "endings"), [])
                       if s + e not in skip)
    return {category: list(dict.fromkeys(entries)) for category, entries in plain.items()}


@functools.cache
def load_lists() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every list file of the package: ``{category: {lang: entries}}`` (read once per process)."""
    folder = resources.files(DATA_PACKAGE).joinpath(*DATA_DIR)
    lists: dict[str, dict[str, tuple[str, ...]]] = {c: {} for c in CATEGORIES}
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if not item.name.endswith(".txt"):
            continue
        lang = item.name.removesuffix(".txt")
        for category, entries in parse_lists(item.read_text(encoding="utf-8"), item.name).items():
            lists[category][lang] = tuple(entries)
    if not any(lists.values()):
        raise CueListError(f"no cue lists in {DATA_PACKAGE}/{'/'.join(DATA_DIR)}")
    return lists


@dataclass
class Match:
    category: str
    start: int  # token index
    end: int  # token index, exclusive


class _Node:
    """A trie over words: exact next words, and stems (``word*``) by length."""

    __slots__ = ("ends", "exact", "prefix", "prefix_lengths")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.prefix: dict[str, _Node] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.ends: list[str] = []  # categories of the entries that end here

    def step(self, word: str) -> list[_Node]:
        out = []
        nxt = self.exact.get(word)
        if nxt is not None:
            out.append(nxt)
        for n in self.prefix_lengths:
            if n > len(word):
                break
            nxt = self.prefix.get(word[:n])
            if nxt is not None:
                out.append(nxt)
        return out

    def finish(self) -> None:
        self.prefix_lengths = tuple(sorted({len(k) for k in self.prefix}))
        self.ends = sorted(set(self.ends))
        for child in (*self.exact.values(), *self.prefix.values()):
            child.finish()


def lexicon_key(word: str) -> int:
    """A word's key in the hashed obscene lexicon: 64 bits of BLAKE2b.

    The keys were ``crc32`` (32 bits) until model 2.75e15dd456fa, and one of the 5,830 listed
    words shared its key with an ordinary one ("voyeurweb" and "washingtonda", so "Washington'da
    ne konuşuldu" read as obscene). With 64 bits, the chance that any of ten million distinct
    words shares a key with one of the listed words is about 3 in a billion.
    """
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _legacy_key(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


@dataclass
class Cues:
    """Compiled lists. ``match(tokens)`` returns every hit; ``features(...)`` the dense vector."""

    root: _Node = field(default_factory=_Node)
    lexicon: frozenset[int] = frozenset()  # lexicon_key() of normalised obscene words (from ../shared/lexicons)
    key: Callable[[str], int] = lexicon_key
    _cache: dict[str, tuple[tuple[_Node, ...], bool]] = field(default_factory=dict)

    def _first(self, word: str) -> tuple[tuple[_Node, ...], bool]:
        got = self._cache.get(word)
        if got is None:
            got = (tuple(self.root.step(word)), self.key(word) in self.lexicon)
            if len(self._cache) > 50000:
                self._cache.clear()
            self._cache[word] = got
        return got

    def match(self, tokens: Sequence[Token]) -> list[Match]:
        """Every hit, less insults a writer says of themselves ("I was such an idiot")."""
        words = [t.text for t in tokens]
        out: list[Match] = []
        for i, w in enumerate(words):
            self._walk(words, i, i + 1, w, out)
        for m in out:
            if m.category == "insult":
                return _drop_self_insults(out)
        return out

    def _walk(self, words: Sequence[str], start: int, end: int, word: str, out: list[Match]) -> None:
        """Matches that begin with ``word`` (tokens ``start:end``), following phrases on from ``end``."""
        nodes, in_lexicon = self._first(word)
        if in_lexicon:
            out.append(Match("obscene", start, end))
        if not nodes:
            return
        n_words = len(words)
        stack = [(node, end) for node in nodes]
        while stack:
            node, j = stack.pop()
            for category in node.ends:
                out.append(Match(category, start, j))
            if j < n_words and (node.exact or node.prefix):
                stack.extend((nxt, j + 1) for nxt in node.step(words[j]))

    def features(self, tokens: Sequence[Token], matches: Sequence[Match]) -> list[float]:
        counts = dict.fromkeys(CATEGORIES, 0)
        seen: set[tuple[str, int]] = set()
        for m in matches:
            if (m.category, m.start) not in seen:  # one word counts once per category
                seen.add((m.category, m.start))
                counts[m.category] += 1
        mention = 1.0 if tokens and tokens[0].text == "user" else 0.0
        url = sum(1 for t in tokens if t.text == "url")
        c = {k: _log1p(v) for k, v in counts.items()}
        b = {k: 1.0 if v else 0.0 for k, v in counts.items()}
        addressed = max(b["you"], mention)
        values = {
            "obscene": c["obscene"], "insult": c["insult"], "slur": c["slur"], "dehuman": c["dehuman"],
            "threat": c["threat"], "violence": c["violence"], "you": c["you"], "politician": c["politician"],
            "mention": mention, "you*insult": addressed * b["insult"], "you*obscene": addressed * b["obscene"],
            "you*violence": addressed * max(b["violence"], b["threat"]),
            "politician*insult": b["politician"] * b["insult"], "identity*dehuman": b["identity"] * b["dehuman"],
            "identity*violence": b["identity"] * b["violence"], "identity*threat": b["identity"] * b["threat"],
            "identity*insult": b["identity"] * max(b["insult"], b["slur"]),
            "identity*negtrait": b["identity"] * b["negtrait"], "url": _log1p(url),
            "menace": c["menace"], "menace*target": b["menace"] * max(addressed, b["target"]),
        }
        return [values[k] for k in CUE_FEATURES]


def _drop_self_insults(matches: list[Match]) -> list[Match]:
    """Insults the writer says of themselves: right after a ``self`` marker ("я", "I was such a"; one
    word may come between when the marker has two or more), or right before a ``selfafter`` marker
    ("me", "I was", "էի"), and no second-person word in the two words before the insult ("I think
    you idiot…" still counts)."""
    you = {m.start for m in matches if m.category == "you"}
    right_after = {m.end for m in matches if m.category == "self"}
    one_word_after = {m.end + 1 for m in matches if m.category == "self" and m.end - m.start > 1}
    after = {m.start for m in matches if m.category == "selfafter"}

    def said_of_self(m: Match) -> bool:
        if you & {m.start - 1, m.start - 2}:
            return False
        return m.end in after or m.start in right_after or m.start in one_word_after

    return [m for m in matches if m.category != "insult" or not said_of_self(m)]


_LOG1P = [0.0, 0.6931, 1.0986, 1.3863, 1.6094, 1.7918, 1.9459, 2.0794]


def _log1p(n: int) -> float:
    return _LOG1P[n] if n < len(_LOG1P) else _LOG1P[-1]


def compile_cues(normalize: Callable[[str], Any], lexicon: Iterable[int] | np.ndarray = ()) -> Cues:
    """Compile the lists (:func:`load_lists`) with the comment normaliser (``civility.triage.normalize.normalize``).

    ``lexicon``: the keys of the hashed obscene words (:func:`lexicon_key`, ``uint64``); a ``uint32``
    array is a model trained before the 64-bit keys and is matched with its ``crc32`` keys.
    """
    legacy = isinstance(lexicon, np.ndarray) and lexicon.dtype == np.uint32
    cues = Cues(lexicon=frozenset(int(x) for x in lexicon), key=_legacy_key if legacy else lexicon_key)
    for category, by_lang in load_lists().items():
        for entries in by_lang.values():
            for entry in entries:
                words: list[tuple[str, bool]] = []
                for part in entry.split(" "):
                    prefix = part.endswith("*")
                    toks = tokens_from_normalized(normalize(part.rstrip("*")))
                    for j, tok in enumerate(toks):
                        words.append((tok.text, prefix and j == len(toks) - 1))
                if not words:
                    continue
                node = cues.root
                for word, prefix in words:
                    node = (node.prefix if prefix else node.exact).setdefault(word, _Node())
                node.ends.append(category)
    cues.root.finish()
    return cues
