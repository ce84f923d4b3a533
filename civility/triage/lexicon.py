"""Word lists, compiled for matching: the shipped artifact and the admins' WordRule rows.

The shipped lists live in ``data/lexicon.txt`` (built offline by
:mod:`civility.triage.lexicon_build` from the curated sources; see docs/lexicons.md).
One entry per line, tab-separated::

    lang  category  score  flags  target  source  phrase

A phrase is one or more words, compared after :func:`~civility.triage.normalize.normalize`;
``word*`` matches any word starting with ``word`` and ``~`` skips up to three words
(``i ~ kill you``). Flags: ``gated`` (only in a comment whose language is the entry's),
``strict`` (no transliterated or mark-less spelling), ``addressed`` (only said to someone),
``allow`` (suppresses what it overlaps). An ``exclude`` line lists a word-start that a
stem must not claim (``мудр`` for ``муд*``).

Admin rules (:class:`~civility.triage.models.WordRule`) are read on the first comment and
again whenever a rule changes: a receiver on the model bumps a version kept in Django's
cache (shared between processes when the cache is), and every ``RULES_MAX_AGE`` seconds a
process re-reads them anyway. A process asks the cache for that version at most once every
``SHARED_CHECK_SECONDS`` (a cache round trip per comment was a tenth of a submission's
time), so a rule saved through another process applies within a second; in the process
that saved it, at once. Nothing touches the database at import time.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.db.models.signals import post_delete, post_save

from civility.triage.normalize import loose_keys, normalize, runs, script_of

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
ARTIFACT = DATA / "lexicon.txt"
CATEGORIES = ("obscene", "slur", "insult", "threat", "spam")
#: "figurative": a violent word said of a thing ("this law kills small farms", "kill the bill"):
#: evidence *against* a threat, scored 0 (the policy excuses a classifier finding resting on it)
LABEL_OF = {"obscene": "obscene", "slur": "hate", "insult": "insult", "threat": "threat", "spam": "spam",
            "figurative": "threat"}
DEFAULT_SCORE = {"obscene": 0.85, "slur": 0.9, "insult": 0.6, "threat": 0.9, "spam": 0.6, "figurative": 0.0}
ADMIN_SCORE = {"banned": 0.95, "suspect": 0.35}
GAP = -1
MAX_GAP = 3
#: loose (transliterated) stems shorter than this are too likely to claim innocent words
MIN_LOOSE_STEM = 5


@dataclass(frozen=True)
class Entry:
    phrase: str
    lang: str
    category: str
    score: float
    flags: frozenset[str] = frozenset()
    target: str = ""
    source: str = ""

    def line(self) -> str:
        return "\t".join([self.lang, self.category, f"{self.score:g}", ",".join(sorted(self.flags)) or "-",
                          self.target or "-", self.source or "-", self.phrase])


def parse_line(line: str) -> Entry | None:
    if not line.strip() or line.startswith("#"):
        return None
    lang, category, score, flags, target, source, phrase = line.rstrip("\n").split("\t")
    return Entry(phrase=phrase, lang=lang, category=category, score=float(score),
                 flags=frozenset(f for f in flags.split(",") if f and f != "-"),
                 target="" if target == "-" else target, source="" if source == "-" else source)


def read_artifact(path: Path = ARTIFACT) -> tuple[list[Entry], str]:
    entries, version = [], ""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# version:"):
                version = line.split(":", 1)[1].strip()
            entry = parse_line(line)
            if entry is not None:
                entries.append(entry)
    return entries, version


@dataclass(frozen=True)
class Atom:
    form: str
    stem: bool
    lang: str
    script: str
    #: which transliterated / mark-less spellings it may match: "" none, "word" the bare
    #: word only, "all" (a stem: any word starting with it)
    loose: str


@dataclass
class Node:
    """A trie over phrases' atoms: ``next`` by atom, ``gap`` for ``~``, ``ends`` = entries complete here."""

    next: dict[int, Node] = field(default_factory=dict)
    gap: Node | None = None
    ends: list[int] = field(default_factory=list)


@dataclass
class Hit:
    """Atoms one token matches, with how (strict surface or loose key)."""

    atom: int
    loose: bool


def word_form(word: str) -> str:
    """A list word as the matcher sees it: the first de-obfuscated form."""
    tokens = normalize(word).tokens
    return "".join(t.forms[0] for t in tokens) if tokens else word


def _runs_ok(have: tuple[int, ...], need: tuple[int, ...], double_ok: bool) -> bool:
    """Stretched letters: a run may be the list's length, or longer if three or more
    (fuuuck, asss), never shorter (as ≠ ass). A mere double counts only for words of four
    letters or more (ссука), since short ones double into other words (book ≠ bok)."""
    return all(h == n or (h > n and (h >= 3 or double_ok)) for h, n in zip(have, need, strict=False))


@dataclass
class Lexicon:
    """Entries compiled into indexes keyed by run-length skeletons (strict and loose)."""

    entries: list[Entry]
    exclude: dict[str, set[str]] = field(default_factory=dict)
    version: str = ""

    def __post_init__(self) -> None:
        self.atoms: list[Atom] = []
        self._atom_ids: dict[Atom, int] = {}
        self.patterns: list[tuple[int, ...]] = []
        self.by_first: dict[int, list[int]] = {}
        self._strict_words: dict[str, list[tuple[tuple[int, ...], int, bool]]] = {}
        self._strict_stems: dict[str, list[tuple[tuple[int, ...], int, bool]]] = {}
        self._loose_words: dict[str, list[tuple[tuple[int, ...], int, bool]]] = {}
        self._loose_stems: dict[str, list[tuple[tuple[int, ...], int, bool]]] = {}
        self._by_length: dict[int, list[str]] = {}
        self._form_atoms: dict[str, list[int]] = {}
        self._stem_atoms: dict[str, list[int]] = {}
        self._loose_by_length: dict[int, list[str]] = {}
        self._loose_key_atoms: dict[str, list[int]] = {}
        self._cache: dict[tuple[tuple[str, ...], str, bool], tuple[Hit, ...]] = {}
        self.trie = Node()
        for idx, entry in enumerate(self.entries):
            pattern = self._compile(entry)
            self.patterns.append(pattern)
            if pattern and pattern[0] != GAP and pattern[-1] != GAP:
                self.by_first.setdefault(pattern[0], []).append(idx)
                node = self.trie
                for atom in pattern:
                    if atom == GAP:
                        node.gap = node.gap or Node()
                        node = node.gap
                    else:
                        node = node.next.setdefault(atom, Node())
                node.ends.append(idx)
        self._stem_lens = sorted({len(k) for k in self._strict_stems})
        self._loose_stem_lens = sorted({len(k) for k in self._loose_stems})
        self._exclude_lens = {lang: sorted({len(p) for p in ps}) for lang, ps in self.exclude.items()}
        self._wild: dict[int, str] = {n: "\n".join(ws) for n, ws in self._by_length.items()}
        self._wild_loose: dict[int, str] = {n: "\n".join(ws) for n, ws in self._loose_by_length.items()}
        stems_by_length: dict[int, list[str]] = {}
        for stem in self._stem_atoms:
            stems_by_length.setdefault(len(stem), []).append(stem)
        self._wild_stems: dict[int, str] = {n: "\n".join(ws) for n, ws in stems_by_length.items()}

    # -- building

    def _compile(self, entry: Entry) -> tuple[int, ...]:
        out = []
        for word in entry.phrase.split():
            if word == "~":
                out.append(GAP)
                continue
            stem = word.endswith("*") and len(word) > 1
            tokens = normalize(word[:-1] if stem else word).tokens
            for k, token in enumerate(tokens):
                is_stem = stem and k == len(tokens) - 1
                form = token.forms[0]
                script = next((s for s in map(script_of, form) if s), "")
                if "strict" in entry.flags:
                    loose = ""
                elif is_stem and len(loose_keys(form)[0]) >= MIN_LOOSE_STEM:
                    loose = "all"
                elif is_stem:
                    loose = ""  # a short stem is a root, not a word: list the words themselves
                else:
                    loose = "word"
                out.append(self._atom(Atom(form, is_stem, entry.lang, script, loose)))
        return tuple(out)

    def _atom(self, atom: Atom) -> int:
        got = self._atom_ids.get(atom)
        if got is not None:
            return got
        aid = len(self.atoms)
        self.atoms.append(atom)
        self._atom_ids[atom] = aid
        skel, rr = runs(atom.form)
        double_ok = len(atom.form) >= 4
        (self._strict_stems if atom.stem else self._strict_words).setdefault(skel, []).append((rr, aid, double_ok))
        if not atom.stem:
            self._form_atoms.setdefault(atom.form, []).append(aid)
            self._by_length.setdefault(len(atom.form), []).append(atom.form)
        else:
            self._stem_atoms.setdefault(atom.form, []).append(aid)
        for key in loose_keys(atom.form) if atom.loose else ():
            kskel, krr = runs(key)
            target = self._loose_stems if atom.loose == "all" else self._loose_words
            target.setdefault(kskel, []).append((krr, aid, double_ok))
            if atom.loose == "word":
                if key not in self._loose_key_atoms:
                    self._loose_by_length.setdefault(len(key), []).append(key)
                self._loose_key_atoms.setdefault(key, []).append(aid)
        return aid

    # -- matching one token

    def hits(self, forms: tuple[str, ...], script: str, typed: bool = True) -> tuple[Hit, ...]:
        """Atoms a token (its de-obfuscated forms) matches. Cached per spelling.

        ``typed=False``: the ``*`` were put there by a caller (a hyphen or a dot between two
        parts of a word, "f-ck"), and stand for exactly one letter of a listed word."""
        key = (forms, script, typed)
        got = self._cache.get(key)
        if got is None:
            got = tuple(self._hits(forms, script, typed))
            if len(self._cache) > 50000:
                self._cache.clear()
            self._cache[key] = got
        return got

    def _hits(self, forms: tuple[str, ...], script: str, typed: bool):
        seen: set[int] = set()
        for form in forms:
            if "*" in form:
                yield from self._wildcard(form, seen, script, typed)
                continue
            skel, rr = runs(form)
            for need, aid, dbl in self._strict_words.get(skel, ()):
                if aid not in seen and _runs_ok(rr, need, dbl):
                    seen.add(aid)
                    yield Hit(aid, False)
            for n in self._stem_lens:
                if n > len(skel):
                    break
                for need, aid, dbl in self._strict_stems.get(skel[:n], ()):
                    if aid not in seen and _runs_ok(rr, need, dbl) and not self._excluded(form, self.atoms[aid].lang):
                        seen.add(aid)
                        yield Hit(aid, False)
            ascii_form = form.isascii()
            for key in loose_keys(form):
                kskel, krr = runs(key)
                for need, aid, dbl in self._loose_words.get(kskel, ()):
                    if aid not in seen and _runs_ok(krr, need, dbl) and self._loose_ok(aid, script, ascii_form):
                        seen.add(aid)
                        yield Hit(aid, True)
                for n in self._loose_stem_lens:
                    if n > len(kskel):
                        break
                    for need, aid, dbl in self._loose_stems.get(kskel[:n], ()):
                        if (aid not in seen and _runs_ok(krr, need, dbl) and self._loose_ok(aid, script, ascii_form)
                                and not self._excluded(form, self.atoms[aid].lang)):
                            seen.add(aid)
                            yield Hit(aid, True)

    def _loose_ok(self, aid: int, script: str, ascii_form: bool) -> bool:
        atom = self.atoms[aid]
        # Within one script the surface form decides (блат is not блять). The loose key serves
        # Russian and Armenian typed in Latin letters, and Turkish/Azerbaijani typed without
        # ş/ə/ı…; an English entry never matches loosely.
        if atom.script == "latin":
            return ascii_form and not atom.form.isascii()
        return script == "latin"

    def _excluded(self, form: str, lang: str) -> bool:
        prefixes = self.exclude.get(lang)
        if not prefixes:
            return False
        return any(form[:n] in prefixes for n in self._exclude_lens[lang] if n <= len(form))

    def _masked(self, form: str, wild: str, spare: int, stems: bool):
        """Atoms a masked word reads as: listed words of its length, and listed stems it starts with."""
        def pattern(masked: str) -> re.Pattern:
            return re.compile("^" + "".join(wild if c == "*" else re.escape(c) for c in masked) + "$", re.M)

        rx = pattern(form)
        for n in range(len(form), len(form) + spare * form.count("*") + 1):
            for m in rx.finditer(self._wild.get(n, "")):
                yield from self._form_atoms.get(m.group(), ())
        for k in range(4, len(form) + 1) if stems else ():
            head = form[:k]
            if "*" not in head or head.endswith("*") or k - head.count("*") < 3:
                continue
            hrx = pattern(head)
            for n in range(k, k + spare * head.count("*") + 1):
                for m in hrx.finditer(self._wild_stems.get(n, "")):
                    whole = m.group() + form[k:]
                    for aid in self._stem_atoms.get(m.group(), ()):
                        if "*" in whole or not self._excluded(whole, self.atoms[aid].lang):
                            yield aid

    def _wildcard(self, form: str, seen: set[int], script: str, typed: bool = True):
        """A masked word ("f*ck", "с*ка"): each ``*`` one letter (Armenian "ու" included, "ք*նեմ");
        a lone ``*`` in a word of three letters or more may hide two ("х*ня", "f*k"), tried only
        when one matches nothing; a listed stem the masked word starts with counts ("q*hbələr",
        "g*tverən"); neither for a star a caller put in (``typed=False``). A Latin one is also
        read through the loose keys ("k*nem" is "քունեմ" typed in Latin)."""
        letters = sum(c != "*" for c in form)
        if letters < 2 or form.startswith("*"):
            return
        stars = len(form) - letters
        armenian = script == "armenian"
        one = "(?:ու|.)" if armenian else "."
        # (what a star stands for, how many characters more than the star it may take); two
        # letters are read as swearing only ("х*ня" is хуйня, not also a slur that fits)
        widths = [(one, 1 if armenian else 0, False)]
        if typed and stars == 1 and letters >= 3:
            widths.append((f"{one}{{1,2}}", 3 if armenian else 1, True))
        for wild, spare, obscene_only in widths:
            found = False
            for aid in self._masked(form, wild, spare, stems=typed):
                if obscene_only and not any(self.entries[i].category == "obscene" for i in self.by_first.get(aid, ())):
                    continue
                found = True
                if aid not in seen:
                    seen.add(aid)
                    yield Hit(aid, False)
            if found:
                break
        # through the loose keys only one masked letter in a Latin word of four letters or more,
        # read letter for letter ("k*nem"; not "bio-i", whose key drops a letter, nor "sh***t")
        if stars != 1 or letters < 4 or not form.isascii():
            return
        for key in loose_keys(form):
            if len(key) != len(form):
                continue
            krx = re.compile("^" + "".join("." if c == "*" else re.escape(c) for c in key) + "$", re.M)
            for m in krx.finditer(self._wild_loose.get(len(key), "")):
                for aid in self._loose_key_atoms.get(m.group(), ()):
                    if aid not in seen and self._loose_ok(aid, script, True):
                        seen.add(aid)
                        yield Hit(aid, True)


def build_lexicon(entries: list[Entry], version: str = "") -> Lexicon:
    exclude: dict[str, set[str]] = {}
    kept = []
    for e in entries:
        if e.category == "allow" and "allow" not in e.flags:
            e = Entry(e.phrase, e.lang, e.category, e.score, e.flags | {"allow"}, e.target, e.source)
        if e.category == "exclude":
            exclude.setdefault(e.lang, set()).add(word_form(e.phrase))
        else:
            kept.append(e)
    return Lexicon(kept, exclude, version)


@lru_cache(maxsize=1)
def shipped() -> Lexicon:
    """The curated lists that ship with Civility (loaded on first use)."""
    entries, version = read_artifact()
    return build_lexicon(entries, version)


# ---------------------------------------------------------------------------- admin rules

CACHE_KEY = "civility:triage:wordrules:version"
RULES_MAX_AGE = 60.0
SHARED_CHECK_SECONDS = 1.0
#: (when, what) this process last read the shared version
_shared_checked: tuple[float, str | None] | None = None
_local_version = 0


def rules_changed(**kwargs) -> None:
    """Receiver: a WordRule was saved or deleted; the next comment reloads the rules."""
    global _local_version, _shared_checked
    _local_version += 1
    _shared_checked = None
    try:
        from django.core.cache import cache

        cache.set(CACHE_KEY, uuid.uuid4().hex, None)
    except Exception:  # a cache outage must not block the admin's save
        log.warning("could not bump the word-rule version in the cache", exc_info=True)


post_save.connect(rules_changed, sender="triage.WordRule", dispatch_uid="civility.triage.lexicon.saved")
post_delete.connect(rules_changed, sender="triage.WordRule", dispatch_uid="civility.triage.lexicon.deleted")


def _shared_version() -> str | None:
    try:
        from django.core.cache import cache

        got = cache.get(CACHE_KEY)
        if got is None:
            cache.add(CACHE_KEY, uuid.uuid4().hex, None)
            got = cache.get(CACHE_KEY)
        return got
    except Exception:
        return None


@dataclass
class AdminRules:
    lexicon: Lexicon
    token: tuple[int, str | None]
    loaded_at: float
    count: int


_admin: AdminRules | None = None


def admin_entries(rows) -> list[Entry]:
    out = []
    for phrase, kind, category, lang in rows:
        phrase = " ".join(str(phrase).split())
        if not phrase:
            continue
        if kind == "allowed":
            out.append(Entry(phrase, lang or "", category or "obscene", 0.0, frozenset({"allow"}), "", "admin"))
        elif kind in ADMIN_SCORE:
            flags = frozenset({"gated"}) if lang else frozenset()
            out.append(Entry(phrase, lang or "", category or "obscene", ADMIN_SCORE[kind], flags, "", f"admin:{kind}"))
    return out


def admin_lexicon(now: float | None = None) -> Lexicon:
    """The admins' rules, re-read when they changed (or every RULES_MAX_AGE seconds)."""
    global _admin, _shared_checked
    now = time.monotonic() if now is None else now
    checked = _shared_checked
    if checked is None or not 0 <= now - checked[0] < SHARED_CHECK_SECONDS:
        checked = _shared_checked = (now, _shared_version())
    token = (_local_version, checked[1])
    current = _admin
    if current is not None and current.token == token and token[1] is not None \
            and now - current.loaded_at < RULES_MAX_AGE:
        return current.lexicon
    from civility.triage.models import WordRule

    rows = list(WordRule.objects.values_list("phrase", "kind", "category", "lang"))
    lex = build_lexicon(admin_entries(rows), version=f"admin:{len(rows)}")
    _admin = AdminRules(lex, token, now, len(rows))
    return lex
