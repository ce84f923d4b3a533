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
    #: one flat alternation of every word pattern (one pass over the text) …
    words: re.Pattern[str]
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
    reference: frozenset[str]
    reference_suffixes: tuple[str, ...]
    #: domain → the list it is on ("gambling", "crypto", "scam", "referrer-spam")
    spam_domains: dict[str, str]


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
    files = sorted(p for p in DATA.rglob("*") if p.suffix in {".toml", ".txt"} and "LICENSES" not in p.parts)
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

    reference = _lines(DATA / "reference-domains.txt")
    plain_reference = frozenset(d for d in reference if not d.startswith("."))
    spam_domains: dict[str, str] = {}
    for path in sorted((DATA / "domains").glob("*.txt")):
        for domain in _lines(path):
            if domain not in plain_reference:
                spam_domains.setdefault(domain, path.stem)
    return Tables(
        version=digest.hexdigest()[:10],
        kinds=kinds,
        words=bounded("|".join(p.pattern for _, _, p in patterns)),
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
        reference=plain_reference,
        reference_suffixes=tuple(d for d in reference if d.startswith(".")),
        spam_domains=spam_domains,
    )
