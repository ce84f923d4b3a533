"""The data behind ``spam.v2``: word tables, scores and domain lists, read once per process.

Everything lives in ``civility/triage/data/spam/`` (see ``docs/spam.md``):

- ``words.toml``: per kind of evidence, its role (a *channel* to reach the sender, or a
  commercial *cue*), a reason and regular expressions at three strengths;
- ``scoring.toml``: the score of each non-word kind and the combination rule;
- ``hosts.toml``: URL shorteners, messenger hosts, the TLDs of links typed without ``http``;
- ``reference-domains.txt``: news, courts, encyclopedias: links to them are no channel;
- ``domains/*.txt``: gambling, crypto, scam and referrer-spam domain lists.

:func:`tables` compiles them on first use; a change to any file changes :attr:`Tables.version`,
which every stored report records.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data") / "spam"
#: turkish and azerbaijani letters folded in the text words are matched on (one char each)
FOLD = str.maketrans("şçğöüəıё", "scgoueie")
LEVELS = ("strong", "medium", "weak")


@dataclass(frozen=True)
class WordKind:
    name: str
    role: str  # "channel", "cue" or "both"
    reason: str


@dataclass(frozen=True)
class Tables:
    version: str
    kinds: dict[str, WordKind]
    #: the word patterns' top-level alternatives, strongest first, by the letter they start
    #: with (tried only where a word starts with it) …
    by_first: dict[str, re.Pattern[str]]
    #: … and those that start otherwise ("(?:earn|make) …", "\\$500"), in one alternation
    others: re.Pattern[str]
    #: … and the patterns one by one, to tell a hit's kind and strength: (kind, score, pattern)
    patterns: list[tuple[str, float, re.Pattern[str]]]
    messengers: re.Pattern[str]
    amount: re.Pattern[str]
    handle_words: re.Pattern[str]
    emoji: re.Pattern[str]
    scores: dict[str, Any]
    shorteners: frozenset[str]
    telegram: frozenset[str]
    whatsapp: frozenset[str]
    bare_tlds: tuple[str, ...]
    abused_tlds: frozenset[str]
    reference: frozenset[str]
    reference_suffixes: tuple[str, ...]
    #: domain → the list it is on ("gambling", "crypto", "scam", "referrer-spam")
    spam_domains: dict[str, str]
    #: spelled-out phone digits (words.toml [phone]): word → ("units" | "tens" | "hundreds" | "plus", digits)
    number_words: dict[str, tuple[str, str]]
    #: any of :attr:`number_words`, as a whole word
    number_word: re.Pattern[str]
    #: words that say a phone number follows
    phone_context: re.Pattern[str]

    def find_words(self, text: str) -> Iterator[re.Match[str]]:
        """Every word-table hit in ``text``, left to right, without overlaps within each pass.

        One alternation of ~600 phrases would be tried at every word start (Python's engine has
        no trie); dispatching on the word's first letter tries a few dozen instead (~8x faster).
        """
        end = 0
        for start in _WORD_START.finditer(text):
            i = start.start()
            pattern = self.by_first.get(text[i])
            # a phrase is short: matching inside a window keeps a pattern with a run such as
            # "[\d .,]*" from scanning to the end of "1.1.1.1…" at every word (quadratic)
            if i >= end and pattern and (m := pattern.match(text, i, i + PHRASE_WINDOW)):
                end = m.end()
                yield m
        yield from self.others.finditer(text)


_WORD_START = re.compile(r"(?<!\w)\w")
#: the longest stretch of text one word-table phrase may span
PHRASE_WINDOW = 200


def _split(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|b(?:c|d)" → "a", "b(?:c|d)")."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def bounded(pattern: str) -> re.Pattern[str]:
    """A pattern matched on word boundaries."""
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)")


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    for _ in range(3):  # fragments may use fragments
        pattern = re.sub(r"\{(\w+)\}", lambda m: fragments.get(m.group(1), m.group()), pattern)
    return pattern


def _lines(path: Path) -> list[str]:
    return [line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@cache
def tables() -> Tables:
    files = [DATA / name for name in ("words.toml", "scoring.toml", "hosts.toml", "reference-domains.txt")]
    files += sorted((DATA / "domains").glob("*.txt"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(DATA).as_posix().encode() + b"\0" + path.read_bytes())
    words = tomllib.loads((DATA / "words.toml").read_text(encoding="utf-8"))
    scoring = tomllib.loads((DATA / "scoring.toml").read_text(encoding="utf-8"))
    hosts = tomllib.loads((DATA / "hosts.toml").read_text(encoding="utf-8"))
    fragments = {name: _expand(value, words["fragments"]) for name, value in words["fragments"].items()}

    kinds: dict[str, WordKind] = {}
    patterns: list[tuple[str, float, re.Pattern[str]]] = []
    for name, spec in words["kinds"].items():
        if spec["role"] not in {"channel", "cue", "both"}:
            raise ValueError(f"words.toml: kind {name!r} has role {spec['role']!r} (channel, cue or both)")
        kinds[name] = WordKind(name, spec["role"], spec["reason"])
        for level in LEVELS:
            for pattern in spec.get(level, []):
                compiled = re.compile(_expand(pattern, fragments))
                if compiled.fullmatch(""):
                    raise ValueError(f"words.toml: a {level} pattern of {name!r} matches nothing at all: {pattern!r}")
                patterns.append((name, float(words["levels"][level]), compiled))

    # a flat alternation takes the first alternative that matches, not the longest: stronger
    # (longer) phrases go first, so that "free spins" is not taken by the weak "free"
    patterns.sort(key=lambda item: -item[1])
    by_first: dict[str, list[str]] = {}
    others: list[str] = []
    for _, _, compiled in patterns:
        for alt in _split(compiled.pattern):
            if alt[:1].isalpha() and alt[1:2] not in ("?", "*", "{"):
                by_first.setdefault(alt[0], []).append(alt)
            else:
                others.append(alt)
    reference = _lines(DATA / "reference-domains.txt")
    plain_reference = frozenset(d for d in reference if not d.startswith("."))
    spam_domains: dict[str, str] = {}
    for path in sorted((DATA / "domains").glob("*.txt")):
        for domain in _lines(path):
            if domain not in plain_reference:
                spam_domains.setdefault(domain, path.stem)
    phone = words["phone"]
    number_words: dict[str, tuple[str, str]] = {word.translate(FOLD): ("plus", "+") for word in phone["plus"]}
    for kind in ("units", "tens"):
        for digit, *names in phone[kind]:
            number_words.update({name.translate(FOLD): (kind, digit) for name in names})
    number_words.update({word.translate(FOLD): ("hundreds", "") for word in phone["hundreds"]})
    return Tables(
        version=digest.hexdigest()[:10],
        kinds=kinds,
        by_first={first: re.compile("(?:" + "|".join(alts) + r")(?!\w)") for first, alts in by_first.items()},
        others=bounded("|".join(others)),
        patterns=patterns,
        messengers=bounded(words["messengers"]["words"]),
        amount=bounded(fragments["amount"] + r"|\d+(?:[.,]\d+)? ?%|%\d+"),
        handle_words=re.compile(words["handles"]["words"]),
        emoji=re.compile("[" + re.escape(words["emoji"]["bait"]) + "]"),
        scores={**scoring["channel"], **scoring["cue"], **scoring["rule"]},
        shorteners=frozenset(hosts["shorteners"]),
        telegram=frozenset(hosts["telegram"]),
        whatsapp=frozenset(hosts["whatsapp"]),
        bare_tlds=tuple(hosts["bare_tlds"]),
        abused_tlds=frozenset(hosts["abused_tlds"]),
        reference=plain_reference,
        reference_suffixes=tuple(d for d in reference if d.startswith(".")),
        spam_domains=spam_domains,
        number_words=number_words,
        number_word=bounded("|".join(re.escape(w) for w in sorted(number_words, key=len, reverse=True))),
        phone_context=bounded(phone["context"]),
    )
