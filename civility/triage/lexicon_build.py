"""Offline: curate the third-party word lists into the artifact that ships.

    python -m civility.triage.lexicon_build                  # ../shared → civility/triage/data
    python -m civility.triage.lexicon_build --check          # exit 1 if the artifact is stale

Inputs: our own lists in ``data/curated/*.txt`` (Armenian, Azerbaijani, conflict slurs,
threats, and the rules that categorise everything) and the shared lists
(``shared/lexicons/{en,ru,tr,az}.txt``; LDNOOBW CC BY 4.0, safetext MIT). A third-party
entry is kept only where one of our entries matches it (that decides its category, score
and flags) and it is not on a ``drop`` list; the rest (``секс``, ``мент``, ``durak``,
``meme``…) is left out. Then the common words of each language (from the labelled
datasets' non-toxic rows in ``shared/datasets``, plus ``curated/vocabulary.txt``) are run
through the result: an entry that another language's common word trips (Turkish ``göt``
↔ English ``got``; Russian ``хер`` ↔ ``her``) gets ``strict`` (no loose spellings) or,
where even the exact spelling collides, ``gated`` (only in its own language).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterable
from itertools import product
from pathlib import Path

from civility.triage.lexicon import ARTIFACT, CATEGORIES, DATA, DEFAULT_SCORE, Entry, build_lexicon
from civility.triage.normalize import normalize

CURATED = DATA / "curated"
LANGS = ("en", "ru", "tr", "az", "hy")
SHARED_LISTS = {"en": "en.txt", "ru": "ru.txt", "tr": "tr.txt", "az": "az.txt"}
SHARED_SOURCE = {"en": "ldnoobw+safetext", "ru": "ldnoobw+safetext", "tr": "ldnoobw+safetext", "az": "safetext"}
VOCAB_SOURCES = {
    "en": ("davidson_hate_offensive.csv.gz", "hatexplain_trainval.csv.gz", "ethos_binary.csv.gz"),
    "tr": ("offenseval2020_tr_train.csv.gz",),
    "ru": ("ru_paradetox_russe2022.csv.gz",),
}
#: a word must occur this often in another language's non-toxic text to count as common there
MIN_COUNT = {"loose": 3, "strict": 5}

HEADER = """\
# Civility word lists: compiled by civility/triage/lexicon_build.py. Do not edit by hand;
# edit civility/triage/data/curated/*.txt and rebuild (see docs/lexicons.md).
#
# Attribution. Entries with source "ldnoobw+safetext" are derived from:
#  - "List of Dirty, Naughty, Obscene, and Otherwise Bad Words" (LDNOOBW),
#    (c) 2012-2020 Shutterstock, Inc., licensed CC BY 4.0
#    (https://creativecommons.org/licenses/by/4.0/); snapshot 5faf2ba4 (2020-07-13).
#    Changes: filtered, categorised, re-scored and merged with the lists below.
#  - safetext 0.3.3 (Viddexa AI / DeepSafe), MIT licence: word lists en, ru, tr, az.
# Entries with source "civility" were written by the Civility team (AGPL-3.0-or-later).
#
# columns: lang  category  score  flags  target  source  phrase
"""

_SECTION = re.compile(r"^\[(.*)\]$")
_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(text: str) -> list[str]:
    """``{a,b} c`` → ``a c``, ``b c`` (every group, every combination)."""
    parts = _BRACES.split(text)
    literals, groups = parts[0::2], [g.split(",") for g in parts[1::2]]
    out = []
    for combo in product(*groups):
        s = literals[0]
        for alt, lit in zip(combo, literals[1:], strict=True):
            s += alt + lit
        out.append(" ".join(s.split()))
    return out


def _settings(text: str) -> dict[str, str]:
    out = {}
    for m in re.finditer(r"(\w+)=((?:[^=\s]+)(?:\s+[^=\s]+)*?)(?=\s+\w+=|$)", text.strip()):
        out[m.group(1)] = m.group(2)
    return out


def parse_curated(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    ctx: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        sec = _SECTION.match(line)
        if sec:
            ctx = _settings(sec.group(1))
            continue
        phrase, _, over = line.partition(" ; ")
        opts = {**ctx, **_settings(over)}
        category = opts.get("category", "obscene")
        score = float(opts.get("score", DEFAULT_SCORE.get(category, 0.0)))
        flags = frozenset(f for f in opts.get("flags", "").split(",") if f)
        for p in expand(phrase):
            entries.append(Entry(p, opts.get("lang", ""), category, score, flags, opts.get("target", ""), "civility"))
    return entries


def own_entries(curated: Path = CURATED) -> list[Entry]:
    out = []
    for lang in LANGS:
        path = curated / f"{lang}.txt"
        if path.exists():
            out.extend(parse_curated(path))
    return out


def _read_lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def curate_shared(shared: Path, own: list[Entry], report: dict) -> list[Entry]:
    from civility.triage.signals.wordlist import find

    matchable = [e for e in own if e.category in CATEGORIES]
    drops = {(e.lang, normalize(e.phrase).text) for e in own if e.category == "drop"}
    lexicon = build_lexicon(matchable)
    kept: list[Entry] = []
    for lang, name in SHARED_LISTS.items():
        path = shared / "lexicons" / name
        if not path.exists():
            continue
        counts = Counter()
        for phrase in _read_lines(path):
            norm = normalize(phrase)
            if (lang, norm.text) in drops or not norm.tokens:
                counts["dropped (drop list)"] += 1
                continue
            found = [f for f in find(norm, [lexicon], lang=lang) if f.evidence.get("lang") in (lang, "")]
            if not found:
                counts["dropped (no rule)"] += 1
                report.setdefault("dropped", {}).setdefault(lang, []).append(phrase)
                continue
            best = max(found, key=lambda f: f.score)
            rule = next(e for e in matchable if e.phrase == best.evidence["entry"] and e.lang == lang)
            if len(found) == 1 and best.spans == [(0, len(phrase))] and rule.phrase == phrase:
                counts["same as ours"] += 1
                continue
            kept.append(Entry(phrase, lang, rule.category, rule.score, rule.flags, rule.target, SHARED_SOURCE[lang]))
            counts["kept"] += 1
        report.setdefault("shared", {})[lang] = dict(counts)
    return kept


def vocabulary(shared: Path, curated: Path = CURATED) -> dict[str, Counter]:
    """Common words per language from the datasets' non-toxic rows (and our own additions)."""
    vocab: dict[str, Counter] = {}
    word = re.compile(r"[^\W\d_]{2,}")
    for lang, files in VOCAB_SOURCES.items():
        c = vocab.setdefault(lang, Counter())
        for name in files:
            path = shared / "datasets" / name
            if not path.exists():
                continue
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    if row.get("toxic") == "1" or row.get("hate") == "1":
                        continue
                    c.update(w.lower() for w in word.findall(row["text"]))
    extra = curated / "vocabulary.txt"
    if extra.exists():
        for line in _read_lines(extra):
            if line.startswith("#"):
                continue
            lang, _, words = line.partition(":")
            vocab.setdefault(lang.strip(), Counter()).update(dict.fromkeys(words.split(), 100))
    return vocab


def collisions(entries: list[Entry], vocab: dict[str, Counter], report: dict) -> list[Entry]:
    """Mark entries that common words of another language trip (see the module docstring)."""
    from civility.triage.signals.wordlist import find

    for _ in range(3):
        lexicon = build_lexicon(entries)
        marks: dict[int, set[str]] = {}
        by_key = {(e.phrase, e.lang, e.category): k for k, e in enumerate(entries)}
        for vlang, counter in vocab.items():
            for w, n in counter.items():
                if n < MIN_COUNT["loose"]:
                    continue
                for f in find(normalize(w), [lexicon], lang=None):
                    elang = f.evidence["lang"]
                    if elang in ("", vlang):
                        continue
                    k = by_key.get((f.evidence["entry"], elang, f.evidence["category"]))
                    if k is None or "allow" in entries[k].flags:
                        continue
                    loose = "spelling" in f.evidence
                    if not loose and n < MIN_COUNT["strict"]:
                        continue
                    marks.setdefault(k, set()).add("strict" if loose else "gated")
                    report.setdefault("collisions", []).append(f"{vlang}:{w} ({n}) → {elang}:{entries[k].phrase}"
                                                               f" [{'strict' if loose else 'gated'}]")
        if not marks:
            break
        entries = [Entry(e.phrase, e.lang, e.category, e.score, e.flags | marks[k], e.target, e.source)
                   if k in marks else e for k, e in enumerate(entries)]
    return entries


def same_language_hits(entries: list[Entry], vocab: dict[str, Counter], report: dict) -> None:
    """Words a language's own non-toxic text uses that the lists flag: candidates for review."""
    from civility.triage.signals.wordlist import find

    lexicon = build_lexicon(entries)
    for vlang, counter in vocab.items():
        for w, n in counter.most_common():
            if n < MIN_COUNT["strict"]:
                break
            for f in find(normalize(w), [lexicon], lang=vlang):
                if f.evidence["lang"] == vlang and f.score >= 0.5:
                    report.setdefault("review", []).append(f"{vlang}:{w} ({n}) → {f.evidence['entry']}")


def build(shared_dir: Path | str, out_dir: Path | str = DATA, *, curated: Path = CURATED,
          verbose: bool = False) -> dict:
    """Curate ``shared_dir`` (the folder holding ``lexicons/`` and ``datasets/``) into ``out_dir/lexicon.txt``."""
    shared, out = Path(shared_dir), Path(out_dir)
    report: dict = {}
    own = own_entries(curated)
    matchable = [e for e in own if e.category != "drop"]
    entries = matchable + curate_shared(shared, own, report)
    entries = _dedupe(entries)
    vocab = vocabulary(shared, curated)
    entries = collisions(entries, vocab, report)
    same_language_hits(entries, vocab, report)
    entries.sort(key=lambda e: (e.lang, e.category, e.source, e.phrase))
    body = "".join(e.line() + "\n" for e in entries)
    version = hashlib.sha256(body.encode()).hexdigest()[:12]
    out.mkdir(parents=True, exist_ok=True)
    (out / ARTIFACT.name).write_text(HEADER + f"# version: {version}\n" + body, encoding="utf-8")
    report["version"] = version
    report["counts"] = dict(Counter(f"{e.lang}/{e.category}" for e in entries))
    if verbose:
        _print_report(report)
    return report


def _dedupe(entries: Iterable[Entry]) -> list[Entry]:
    seen: dict[tuple[str, str, str], Entry] = {}
    for e in entries:
        key = (e.lang, e.category, e.phrase)
        if key not in seen or (seen[key].source != "civility" and e.source == "civility"):
            seen[key] = e
    return list(seen.values())


def _print_report(report: dict) -> None:
    print(f"version {report['version']}")
    for key, n in sorted(report["counts"].items()):
        print(f"  {key:20} {n}")
    for lang, counts in report.get("shared", {}).items():
        print(f"shared {lang}: {counts}")
    for line in report.get("collisions", []):
        print(f"collision: {line}")
    for line in report.get("review", []):
        print(f"review: {line}")


def main(argv: list[str] | None = None) -> int:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[3] / "shared"),
                        help="the shared folder (with lexicons/ and datasets/)")
    parser.add_argument("--out", default=str(DATA), help="where lexicon.txt goes")
    parser.add_argument("--check", action="store_true", help="build to a temporary folder; exit 1 if it differs")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not Path(args.shared, "lexicons").is_dir():
        parser.error(f"no lexicons/ under {args.shared}")
    django.setup()
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            build(args.shared, tmp)
            fresh = Path(tmp, ARTIFACT.name).read_text(encoding="utf-8")
        if fresh != Path(args.out, ARTIFACT.name).read_text(encoding="utf-8"):
            print("lexicon.txt is stale: run python -m civility.triage.lexicon_build", file=sys.stderr)
            return 1
        return 0
    build(args.shared, args.out, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civility.settings.base")
    raise SystemExit(main())
