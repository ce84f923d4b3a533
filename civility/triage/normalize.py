"""Normalisation that undoes obfuscation, with offsets back to the original text.

INTERFACE (other signals rely on it):

- ``normalize(text) -> Normalized``
- ``Normalized.text``: the normalised text: NFKC, case-folded, zero-width characters and
  stray combining marks removed, look-alike letters resolved toward each word's dominant
  script (a Cyrillic "а" in an English word becomes "a"). One normalised character never
  spans two original ones, so every range maps back.
- ``Normalized.offsets``: ``len(text) + 1`` ints; ``offsets[i]`` is where normalised
  character ``i`` starts in the original; the last entry is ``len(original)``.
- ``Normalized.span(start, end)``: a normalised [start, end) range → original range.
- ``Normalized.tokens``: words, each with ``text`` (normalised), ``start``/``end``
  (ORIGINAL offsets) and ``forms``: the de-obfuscated spellings to match word lists on
  (leetspeak decoded, accents and apostrophes dropped, the other script's look-alike
  reading of a mixed-script word), best first.

What counts as one word: letters and digits, with obfuscation symbols inside
(``sh!t``, ``a$$``, ``f*ck``, ``п*здец``) or in front of a letter (``$hit``, ``@ss``);
three or more single letters joined by dots, dashes, underscores or asterisks
(``f.u.c.k.i.n.g``) are one word. ``*`` stays in ``forms`` as a one-letter wildcard, and
the other symbols inside a word become one in a last form (``бл@ть`` → ``бл*ть``, read
``блять``, where the look-alike reading gives ``блать``).
Letters spaced out with blanks (``f u c k``) stay separate words here: joining them is
the matcher's business, since ``а я и`` is ordinary Russian.

Stretched letters are kept (``fuuuck``); :func:`runs` gives the run-length skeleton
that matchers compare so that an input run may be longer, never shorter, than the
word list's (``fuuuck`` → fuck, but ``as`` is not ``ass``). :func:`loose_key` folds a
word into a lossy Latin key (Cyrillic and Armenian transliterated, Turkish and
Azerbaijani letters without their marks, ``kh/x/h``, ``sh/ş/ш``, ``q/k``…) so that
``blyat``, ``bljat`` and ``блять``, or ``oldureceyem`` and ``öldürəcəyəm``, meet.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import product
from typing import NamedTuple

#: bump when normalised text or forms change (stored reports record it; rebuild the lexicon)
VERSION = "6"

# ---------------------------------------------------------------------------- characters

_ZERO_WIDTH = {0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFEFF, 0xFFA0,
               *range(0x180B, 0x1810), *range(0x200B, 0x2010), *range(0x202A, 0x202F),
               *range(0x2060, 0x2070), *range(0xFE00, 0xFE10), *range(0xE0000, 0xE0080)}
#: generic combining marks: the ones used to decorate (z̶a̷l̸g̴o̵, accents on any letter)
_GENERIC_MARKS = ((0x0300, 0x036F), (0x0483, 0x0489), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
                  (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
#: small capitals and other letter-likes NFKC leaves alone
_EXTRA = str.maketrans({
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j",
    "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u",
    "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "ɑ": "a", "ɡ": "g",
})


def _is_generic_mark(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _GENERIC_MARKS)


_CHAR_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """One original character → its normalised string ('' to drop). Cached."""
    got = _CHAR_CACHE.get(ch)
    if got is None:
        cp = ord(ch)
        if cp in _ZERO_WIDTH:
            got = ""
        else:
            got = unicodedata.normalize("NFKC", ch).casefold().translate(_EXTRA)
            got = "".join(c for c in got if not _is_generic_mark(ord(c)))
            if got and unicodedata.category(ch) == "Cc" and ch not in "\t\n\r":
                got = " "
        if len(_CHAR_CACHE) < 20000:
            _CHAR_CACHE[ch] = got
    return got


# ---------------------------------------------------------------------------- scripts

LATIN, CYRILLIC, GREEK, ARMENIAN = "latin", "cyrillic", "greek", "armenian"


def script_of(ch: str) -> str | None:
    cp = ord(ch)
    if cp < 0x80:
        return LATIN if ch.isalpha() else None
    if 0x0400 <= cp <= 0x052F or 0x1C80 <= cp <= 0x1C8F:
        return CYRILLIC
    if 0x0531 <= cp <= 0x058F or 0xFB13 <= cp <= 0xFB17:
        return ARMENIAN
    if 0x0370 <= cp <= 0x03FF or 0x1F00 <= cp <= 0x1FFF:
        return GREEK
    if ch.isalpha() and (cp <= 0x02AF or 0x1E00 <= cp <= 0x1EFF):
        return LATIN
    return None


#: look-alike letters (lower case, after case folding), by target script
_TO_LATIN = {
    CYRILLIC: dict(zip("аеорсухкмтвнијѕһԁԛԝӏёпі", "aeopcyxkmtbhujshdqwleni", strict=True)),
    GREEK: dict(zip("αβεικνορτυχηζμ", "abeiknoptuxnzu", strict=True)),
    ARMENIAN: dict(zip("օսհոզցառ", "ouhnqgwn", strict=True)),
}
_TO_CYRILLIC = {
    LATIN: dict(zip("aeopcyxkmtbhnu", "аеорсухкмтвнпи", strict=True)),
    GREEK: dict(zip("αεικορτυχβημ", "аеикортухвнм", strict=True)),
}
_TO_ARMENIAN = {LATIN: dict(zip("ouhnqg", "օսհոզց", strict=True))}
_TO_SCRIPT = {LATIN: _TO_LATIN, CYRILLIC: _TO_CYRILLIC, ARMENIAN: _TO_ARMENIAN}
#: letters of the other script that stand for the same sound, for a word that mixes scripts
#: and cannot be written in its main script by look-alikes alone: "пиzдeц" (z for з), "sиk"
#: (и for i), "iдiот". Tried only after the look-alikes, and only on mixed words.
_BY_SOUND = {
    CYRILLIC: {LATIN: dict(zip("zdlisgfrvjbpnhu", "здлисгфрвйбпнху", strict=True))},
    LATIN: {CYRILLIC: dict(zip("зидлгбпфжшйнрувс", "zidlgbpfjsynruvs", strict=True))},
}

#: leetspeak, by the script of the word it sits in (several readings where ambiguous)
_LEET = {
    LATIN: {"0": "o", "1": "il", "2": "z", "3": "e", "4": "a", "5": "s", "6": "gb", "7": "t", "8": "b",
            "9": "gq", "@": "a", "$": "s", "!": "i", "|": "il", "+": "t", "€": "e", "£": "l", "¡": "i"},
    CYRILLIC: {"0": "о", "1": "и", "3": "зе", "4": "ча", "6": "б", "8": "в", "9": "я", "@": "а", "$": "с",
               "!": "и", "|": "и", "€": "е"},
    # a zero in an Armenian word is the letter o (բ0զ), typed ո or օ; the other symbols keep their
    # place (a Latin reading inside an Armenian word matches nothing; the starred form reads them)
    ARMENIAN: {"0": "ոօ"},
}
_LEET_CHARS = frozenset("0123456789@$!|+€£¡")
_OBFUSCATION = frozenset("@$!|+€£¡*")
#: symbols that stand for a letter the writer would rather not type (digits have readings)
_WILD_INSIDE = _OBFUSCATION - {"*"}

#: letters that carry meaning in tr/az (kept in strict forms); other accents are decoration
_KEEP_MARKS = frozenset("çşğıöüəй")
_STRIP_ACCENTS: dict[str, str] = {}


def _strip_accent(ch: str) -> str:
    got = _STRIP_ACCENTS.get(ch)
    if got is None:
        if ch in _KEEP_MARKS or ord(ch) < 0x80:
            got = ch
        elif ch == "ё":
            got = "е"
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            got = unicodedata.normalize("NFC", base) or ch
        _STRIP_ACCENTS[ch] = got
    return got


# ---------------------------------------------------------------------------- result types


class Token(NamedTuple):
    text: str
    start: int
    end: int
    #: de-obfuscated spellings to match word lists on, best first (``*`` = any one letter)
    forms: tuple[str, ...] = ()
    #: the dominant script of the word ("latin", "cyrillic", "greek", "armenian", or "")
    script: str = ""


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    offsets: list[int]
    tokens: list[Token] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self._end_of(end - 1)

    def _end_of(self, i: int) -> int:
        # the original end of normalised char i: past its original character and any
        # combining marks composed into it, but not past dropped invisible characters
        end = self.offsets[i] + 1
        while end < len(self.original) and unicodedata.combining(self.original[end]):
            end += 1
        return end


# ---------------------------------------------------------------------------- the steps

_WORD = re.compile(
    r"(?:[@$€](?=[^\W\d_]))?"         # $hit, @ss (and @mentions), €бнутый
    r"[^\W_]+"                        # letters and digits
    r"(?:(?:['’]|[@$*!|+€£¡]+)[^\W_]+)*"  # sh!t, a$$hole, f*ck, piz'da
    r"[*$]*",                         # f***, a$$
)
_STARRED = re.compile(r"[^\W_]([*+|!])[^\W_](?:\1[^\W_])+")
_SPELLED_HINT = re.compile(r"(?<![^\W_])(?:ու|[^\W_])[.\-_*·•~+/\\|:'’]{1,3}(?:ու|[^\W_])(?![^\W_])")
_SPELLED_SEP = re.compile(r"[.\-_*·•~+/\\|:'’]{1,3}")


class _OneToOne(dict):
    """str.translate table: each character → one normalised character, or IRREGULAR."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if ch.isascii():
            got = ch.lower() if ch.isprintable() or ch in "\t\n\r" else " "
        elif unicodedata.combining(ch):
            got = IRREGULAR
        else:
            folded = _fold_char(ch)
            got = folded if len(folded) == 1 else IRREGULAR
        if len(self) < 20000:
            self[cp] = got
        return got


IRREGULAR = "\x00"
_ONE_TO_ONE = _OneToOne()


def _char_pass(text: str) -> tuple[list[str] | str, list[int]]:
    fast = text.translate(_ONE_TO_ONE)
    if IRREGULAR not in fast:
        return fast, list(range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch.lower() if ch.isprintable() or ch in "\t\n\r" else " ")
            offsets.append(i)
            continue
        if unicodedata.combining(ch):
            # compose with the previous letter when Unicode knows the pair (s + ̧ → ş)
            if out and offsets[-1] == i - 1 and len(out[-1]) == 1:
                composed = unicodedata.normalize("NFC", out[-1] + ch).casefold()
                if len(composed) == 1:
                    out[-1] = composed
                    continue
            if _is_generic_mark(ord(ch)):
                continue
        for c in _fold_char(ch):
            out.append(c)
            offsets.append(i)
    return out, offsets


def _dominant(word: str) -> tuple[str, dict[str, int]]:
    counts: dict[str, int] = {}
    for c in word:
        s = script_of(c)
        if s:
            counts[s] = counts.get(s, 0) + 1
    if not counts:
        return "", counts
    order = (CYRILLIC, LATIN, ARMENIAN, GREEK)
    best = max(counts, key=lambda s: (counts[s], -order.index(s)))
    return best, counts


def _convert(word: str, target: str, by_sound: bool = False) -> str | None:
    """The word written wholly in ``target`` script via look-alikes, or None if impossible.
    ``by_sound``: letters that sound alike first, then look-alikes ("pидор" → "пидор")."""
    tables = _TO_SCRIPT.get(target, {})
    sounds = _BY_SOUND.get(target, {}) if by_sound else {}
    out = []
    for c in word:
        s = script_of(c)
        if s is None or s == target:
            out.append(c)
            continue
        m = sounds.get(s, {}).get(c) or tables.get(s, {}).get(c)
        if m is None:
            return None
        out.append(m)
    return "".join(out)


def _leet_forms(word: str, script: str, limit: int = 8) -> list[str]:
    table = _LEET.get(script or LATIN, _LEET[LATIN])
    choices = [table.get(c, c) if c in _LEET_CHARS else c for c in word]
    forms = []
    for combo in product(*choices):
        forms.append("".join(combo))
        if len(forms) >= limit:
            break
    return forms


def strict_form(word: str) -> str:
    """Accents (other than tr/az letters) and apostrophes off; ё → е."""
    if word.isascii():
        return word.replace("'", "")
    return "".join(_strip_accent(c) for c in word if c not in "'’")


def _analyse(word: str) -> tuple[str, tuple[str, ...], str]:
    """A raw word → (display text, forms, script). Pure; cached by the caller."""
    script, counts = _dominant(word)
    readings = [word]
    if len(counts) > 1 or GREEK in counts:
        first = _convert(word, script) or _convert(word, script, by_sound=True) if script in _TO_SCRIPT else None
        readings = [first] if first else [word]
        for other in (CYRILLIC, LATIN, ARMENIAN):
            if other != script and other in counts:
                for alt in (_convert(word, other), _convert(word, other, by_sound=True)):
                    if alt and alt not in readings:
                        readings.append(alt)
        if script in _BY_SOUND:  # the sound reading too, where it differs from the look-alike one
            alt = _convert(word, script, by_sound=True)
            if alt and alt not in readings:
                readings.append(alt)
    elif script == LATIN and len(word) >= 3:
        # all-Latin look-alike spellings of Russian words: "cyka", "xep"
        alt = _convert(word, CYRILLIC) if all(c in _TO_CYRILLIC[LATIN] for c in word) else None
        if alt:
            readings.append(alt)
    text = readings[0]
    forms: list[str] = []
    for r in readings:
        if any(c in _LEET_CHARS for c in r) and any(c.isalpha() for c in r):
            rs = script_of(next(c for c in r if c.isalpha())) or LATIN
            if r.startswith("@"):
                forms.extend(strict_form(f) for f in _leet_forms(r[1:], rs))
            variants = _leet_forms(r, rs)
            if rs == LATIN and "0" in r:
                # one more form: a zero as the Turkish/Azerbaijani ö ("g0t" is göt, since nobody
                # disguises the English "got")
                variants.append(_leet_forms(r.replace("0", "ö"), rs, limit=1)[0])
        else:
            variants = [r]
        for v in variants:
            f = strict_form(v)
            if f and f not in forms:
                forms.append(f)
    # inside an Armenian word օ is typed for ո (բօզ), the way the two letters sound alike
    if script == ARMENIAN:
        for f in list(forms):
            if "օ" in f[1:] and (alt := f[0] + f[1:].replace("օ", "ո")) not in forms:
                forms.append(alt)
    # last, the obfuscating symbols inside the word as any one letter: "бл@ть" is "блять", not
    # "блать"; "f@ck" is "fuck"
    inner = word[1:] if word.startswith("@") else word
    if any(c in _WILD_INSIDE for c in inner) and sum(c.isalpha() for c in inner) >= 3:
        starred = strict_form("".join("*" if c in _WILD_INSIDE else c for c in inner))
        if starred not in forms:
            forms.append(starred)
    if not forms:
        forms = [word]
    return text, tuple(forms), script


_ANALYSIS_CACHE: dict[str, tuple[str, tuple[str, ...], str]] = {}


def analyse(word: str) -> tuple[str, tuple[str, ...], str]:
    got = _ANALYSIS_CACHE.get(word)
    if got is None:
        got = _analyse(word)
        if len(_ANALYSIS_CACHE) > 50000:
            _ANALYSIS_CACHE.clear()
        _ANALYSIS_CACHE[word] = got
    return got


def normalize(text: str) -> Normalized:
    chars, offsets = _char_pass(text)
    identity = isinstance(chars, str)  # one normalised character per original one
    offsets.append(len(text))
    norm = chars if isinstance(chars, str) else "".join(chars)
    raw = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)]
    if _SPELLED_HINT.search(norm):
        raw = _join_spelled(norm, raw)
    if not identity:
        raw = _merge_overlapping(norm, offsets, raw)
    out = list(norm)
    tokens: list[Token] = []
    result = Normalized(original=text, text=norm, offsets=offsets)
    for s, e, word in raw:
        if word.endswith("*") and s > 0 and norm[s - 1] == "*":
            stars = len(word) - len(word.rstrip("*"))
            word = word[:-stars]  # *emphasis*, not a wildcard
            e -= stars  # (not s + len(word): a merged word may be shorter than its span, "½f")
            if not word:
                continue
        masked: tuple[str, ...] = ()
        if _STARRED.fullmatch(word):
            # f*u*c*k: the stars separate letters; s!k!k: each "!" stands for one ("sikik")
            masked = analyse(word)[1]
            word = word.replace(word[1], "")
        display, forms, script = analyse(word)
        if masked:
            forms = tuple(dict.fromkeys(forms + masked))
        if display != word and len(display) == len(word) == e - s:
            out[s:e] = display  # resolved look-alikes go into the text too
        o_start, o_end = (s, e) if identity else result.span(s, e)
        tokens.append(Token(display, o_start, o_end, forms, script))
    return Normalized(original=text, text="".join(out), offsets=offsets, tokens=tokens)


def _merge_overlapping(norm: str, offsets: list[int], raw: list[tuple[int, int, str]]):
    """Words born of one original character (¼ → 1⁄4) become one word."""
    out: list[tuple[int, int, str]] = []
    for s, e, w in raw:
        if out and offsets[s] <= offsets[out[-1][1] - 1]:
            ps = out[-1][0]
            out[-1] = (ps, e, "".join(c for c in norm[ps:e] if c.isalnum() or c in "*$@"))
        else:
            out.append((s, e, w))
    return out


def _one_letter(word: str) -> bool:
    """One letter of a spelled-out word: a character, or Armenian "ու" (one letter, two signs: "խ.ու.յ")."""
    return len(word) == 1 or word == "ու"


def _join_spelled(norm: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """f.u.c.k, f-u-c-k, f_u_c_k → one word (three or more single letters, same separator)."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(raw):
        j = i
        if _one_letter(raw[i][2]):
            sep = None
            while j + 1 < len(raw) and _one_letter(raw[j + 1][2]):
                gap = norm[raw[j][1]:raw[j + 1][0]]
                if not _SPELLED_SEP.fullmatch(gap) or (sep is not None and gap != sep):
                    break
                sep = gap
                j += 1
        pieces = raw[i:j + 1]
        if j - i >= 2 and sum(p[2].isalpha() for p in pieces) >= 2:
            out.append((raw[i][0], raw[j][1], "".join(p[2] for p in pieces)))
            i = j + 1
        else:
            # A rejected run's tails share its separator and have no more letters,
            # so they are rejected too: skip them all (keeps "1.1.1.…" linear).
            out.extend(raw[i:j + 1])
            i = j + 1
    return out


#: a stretch in quotation marks (three characters or more): what someone else said or wrote.
#: A single quote counts only at a word's edge, so "they'll" and "I'm" are no quotation.
_QUOTED = re.compile(r"\"[^\"\n]{3,}\"|«[^«»\n]{3,}»|“[^“”\n]{3,}”|„[^„“”\n]{3,}[“”]|(?<!\w)'[^'\n]{3,}?'(?!\w)")


@functools.lru_cache(maxsize=64)
def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of each quotation in ``text``, the marks included. Cached: the word lists ask
    once per listed word they find in a comment, and the nudge asks again for the same text."""
    return tuple(m.span() for m in _QUOTED.finditer(text))


# ---------------------------------------------------------------------------- matching keys


def runs(word: str) -> tuple[str, tuple[int, ...]]:
    """Run-length skeleton: "fuuuck" → ("fuck", (1, 3, 1, 1))."""
    if not word:
        return "", ()
    skel = [word[0]]
    counts = [1]
    for c in word[1:]:
        if c == skel[-1]:
            counts[-1] += 1
        else:
            skel.append(c)
            counts.append(1)
    return "".join(skel), tuple(counts)


_CYR_KEY = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "o", "ж": "Z", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ъ": "", "ы": "i", "ь": "",
    "э": "e", "ю": "u", "я": "a", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}
_ARM_KEY = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "", "թ": "t", "ժ": "Z",
    "ի": "i", "լ": "l", "խ": "h", "ծ": "c", "կ": "k", "հ": "h", "ձ": "z", "ղ": "G", "ճ": "c", "մ": "m",
    "յ": "i", "ն": "n", "շ": "s", "ո": "o", "չ": "c", "պ": "p", "ջ": "Z", "ռ": "r", "ս": "s", "վ": "v",
    "տ": "t", "ր": "r", "ց": "c", "ւ": "v", "փ": "p", "ք": "k", "և": "ev", "օ": "o", "ֆ": "f",
}
_LAT_KEY = {"ç": "c", "ş": "s", "ğ": "g", "ı": "i", "ö": "o", "ü": "u", "ə": "e", "x": "h", "q": "k",
            "w": "v", "y": "i", "j": "i", "'": "", "’": "", "@": "", "ä": "e"}
_DIGRAPHS = re.compile(r"shch|sch|tch|kh|zh|sh|ch|ts|tz|dz|ck|ph|gh|oo|ee|ou")
_DIGRAPH_KEY = {"shch": "s", "sch": "s", "tch": "c", "kh": "h", "zh": "Z", "sh": "s", "ch": "c", "ts": "c",
                "tz": "c", "dz": "z", "ck": "k", "ph": "f", "gh": "g", "oo": "u", "ee": "i", "ou": "u"}
_VOWELS = frozenset("aeiou")


def loose_keys(word: str) -> tuple[str, ...]:
    """Lossy Latin keys shared by Russian, Armenian, Turkish, Azerbaijani and English spellings.

    One key, or two where a Latin ``j`` could be a ``ж`` (jopa) as well as a ``й`` (bljad),
    or an Armenian ``ղ`` is typed ``gh`` as well as ``x`` (տղա: tgha, txa).
    """
    w = word.replace("ու", "u")
    if w.startswith("ո") and len(w) > 1:
        w = "վ" + w  # initial ո is "vo"
    parts = []
    for c in w:
        if c in _CYR_KEY:
            parts.append(_CYR_KEY[c] if c not in "еёюя" else "i" + _CYR_KEY[c])
        elif c in _ARM_KEY:
            parts.append(_ARM_KEY[c])
        else:
            parts.append(c)
    w = _DIGRAPHS.sub(lambda m: _DIGRAPH_KEY[m.group()], "".join(parts))
    if "G" in w:  # ղ is typed gh or x
        return tuple(dict.fromkeys((_finish(w.replace("G", "g")), _finish(w.replace("G", "h")))))
    if "j" in w:
        return tuple(dict.fromkeys((_finish(w), _finish(w.replace("j", "Z")))))
    return (_finish(w),)


def _finish(w: str) -> str:
    w = "".join(_LAT_KEY.get(c, c) for c in w)
    # iotation: y/j/i before a vowel is dropped (ya/ja/ia/я → a), so blyat = блять = bljat
    out = []
    for k, c in enumerate(w):
        if c == "i" and k + 1 < len(w) and w[k + 1] in _VOWELS and w[k + 1] != "i":
            continue
        out.append(c)
    return "".join(out)


def split_at_wide_gaps(i: int, j: int, gaps: list[int]) -> list[tuple[int, int]]:
    """A run of spelled letters ``i..j`` (``gaps[k - i]`` between letters ``k`` and ``k + 1``) cut
    where the gap is wider than its narrowest one: every piece, in order, one letter ones included.

    "s e l a m  k a r d e ş l e r" is two words typed letter by letter; read as one run it
    holds "a m  k", a Turkish obscenity.
    """
    narrow = min(gaps)
    out, start = [], i
    for k, gap in enumerate(gaps, start=i):
        if gap > narrow:
            out.append((start, k))
            start = k + 1
    out.append((start, j))
    return out


def thin_gap(gap: str) -> bool:
    """What may stand between letters spelled out one by one: at most three blanks or marks."""
    return 0 < len(gap) <= 3 and not any(c.isalnum() for c in gap)
