"""Word lists: obscenity, slurs, insults and threat phrases, found after de-obfuscation.

    doc = Pipeline.from_config([{"signal": "normalize.v1"}, {"signal": "wordlist.v1"}]).run(
        Subject(text="you f.u.c.k.i.n.g idiot"))
    [(f.label, f.spans) for f in doc.findings]
    # [("obscene", [(4, 17)]), ("insult", [(18, 23)])]

Matching is per word (so "Scunthorpe" and "assassin" are safe) on the normalised
forms, with three extra readings: letters spaced out with blanks (``f u c k``), two or
three parts around hyphens or dots (``ass-hole``, ``f-ck``, ``s.kt.r``), and ``*`` as any
one letter.
A word that is a listed given name, surname or place (:mod:`civility.triage.names`) is
not a hit when it is written as a name (``Amina``, ``Хохлов``, ``Twatt``) or matched only
in a transliterated or mark-less reading (``amina`` for Turkish ``amına``).
Context only adjusts scores: an insult said to someone (``you``, ``ты``, ``sen``, ``դու``,
``@name``) weighs more, one said of oneself (``I'm such an idiot``) weighs little; a slur
that is quoted or named *and* condemned in the same sentence ("stop calling Armenians …")
weighs little, and says so. Thresholds are policy's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DatabaseError

from civility.triage import lexicon as lx
from civility.triage import names
from civility.triage.normalize import Normalized, Token, analyse, normalize, quoted_spans, split_at_wide_gaps, thin_gap
from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding


def _words(text: str) -> list[str]:
    return text.split()


SECOND_PERSON = frozenset(_words("""
you u ya yo your ur youre yourself yall thou
ты тебя тебе тобой тебе вы вас вам вами твой твоя твое твоё твои ваш ваша ваши
sen seni sana senin sende senden siz sizi size sizin mısın misin musun müsün mısınız misiniz
sən səni sənə sənin səndə səndən
դու քեզ քո դուք ձեզ ձեր du qez kez
"""))
#: Turkish/Azerbaijani "you are": aptalsın, axmaqsan
SECOND_PERSON_SUFFIXES = ("sın", "sin", "sun", "sün", "san", "sən", "sınız", "siniz", "sunuz", "sünüz")
NAMING = frozenset(_words("""
call calls called calling term word slur say says saying said name named use using
называть называют называет назвал назвала назвали называл называла называли слово словом словечко
говорить говорят сказал сказала
demek diyor dedi diyorlar kelime kelimesi kelimesini söz sözü sözcük sözcüğü hitap
deyir dedi deyə deyirlər sözü sözünü adlandırır adlandırdı
ասաց ասում ասել բառը բառ անվանում անվանել կոչում
wrote writes write writing пишет пишут написал написала написали писал писала пишете написано
dediler dedilər yazdılar grecin grec grel asac asum
yazmış yazdı yazıyor yazan yazanlar yazmışlar yazıb yazib yazır yazir
գրել գրում գրեց գրած
"""))
#: words that condemn, report or take distance from what is quoted or named: besides the plain
#: condemnations, a report to the moderators ("mods", "remove", "threaten") and a pointer to
#: another reader's comment ("someone above wrote «…»", "yuxarıda kimsə yazır"), and the verbs
#: condemn and criticise themselves. Over the 29 written sets, the last three lines and
#: :data:`RECIPIENT` (2026-12-07) excuse 57 more quotations in civil comments
#: and 3 in must-reject ones (a word in quotes beside a threat made outside them: "ты мне ещё
#: ответишь за "оккупанта""), where the flag rests on the words outside
CONDEMN_STEMS = tuple(_words("""
stop slur racis hate hateful bigot unacceptable disgust offensive shame dehuman mustn shouldn
хватит прекрат перестан оскорб расис расиз ненавист нельзя недопустим позор
ırkçı irkci nefret hakaret durdur yeter ayıp kabul
irqçi nifrət təhqir dayandır bəsdir yolverilməz
ռասիստ ատել վիրավոր դադարեց բավական անընդունելի
disgrac delete мерзост отврат удали удаля банить забан utanç utanc silin silsin biabır ամոթ ջնջ
report moderat sick жалоб модерат тошн şikayet sikayet şikayət բողոք մոդերատոր
police полиц polis ոստիկան vostikan
crime crimin преступ cinayət cinayet suçtur rezalet скандал ayıb հանցա hanca
mods remov banned banlan banla угрожа threaten tehdit hədələ hedele սպառն amot
above выше vyshe yuxarıda yuxarida yukarıda yukarida verevum վերևում
condemn осуд осужд kına kina pislə pisle դատապարտ dataparte eleştir elestir tənqid tenqid критик
"""))
#: a quotation said or sent *to the writer* ("мне прислали «мы найдём тебя»", "bana 'sıran gelecek'
#: yazdılar") is a threat or an insult received and reported, not made (whole words: "мнение")
RECIPIENT = frozenset(_words("мне bana mənə mene ինձ indz"))
#: "I'm such an idiot", "what an idiot I was": an insult said of oneself is not an attack
#: (subjects and reflexives only: "tell me, idiot" is said to someone; after an adjective
#: Armenian "ես" is "you are", so it counts only before the word)
FIRST_PERSON = frozenset(_words("i i'm im myself я себя ben kendim kendimi mən özüm özümü ես"))
#: words that may stand between "I" and the insult ("I am such a complete …")
SELF_FILLERS = frozenset(_words("""
am was 'm m been being feel felt like such a an the total complete real proper biggest so just really
был была было такой такая такое полный полная настоящий просто сам сама и
çok tam bir ne kadar da de idim çox əsl necə
շատ իսկական մի էի եմ
"""))
#: an insult said of oneself stays visible to a moderator, below the flag
SELF_SCORE = 0.3
SELF_COPULAS = frozenset(_words("am was 'm был была idim imişim էի եմ"))
QUOTES = "\"'«»“”„‟‘’‚‹›`"
SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass
class Match:
    entry: lx.Entry
    first: int  # token index
    last: int
    start: int  # original offsets
    end: int
    loose: bool


class WordList(Signal):
    """Obscenity, slurs (→ hate), insults and threat phrases from the curated lists and admin rules."""

    requires = ("normalized",)
    labels = ("obscene", "hate", "insult", "threat", "spam")

    def __init__(self, *, admin_rules: bool = True, **options):
        super().__init__(**options)
        self.admin_rules = admin_rules

    @property
    def version(self) -> str:
        return f"{self.name}+{lx.shipped().version}+names:{names.version()}"

    def __call__(self, doc: Doc) -> None:
        norm: Normalized = doc.attrs["normalized"]
        lexicons = [lx.shipped()]
        unavailable = None
        if self.admin_rules:
            try:
                lexicons.append(lx.admin_lexicon())
            except DatabaseError as exc:  # the shipped lists still apply; the report says incomplete
                unavailable = exc
        for finding in find(norm, lexicons, lang=doc.attrs.get("lang")) + quoted_and_condemned(norm):
            finding.signal = self.name
            doc.add(finding)
        if unavailable is not None:
            raise RuntimeError(f"admin word rules unavailable: {unavailable}") from unavailable


def lang_hints(norm: Normalized, lang: str | None) -> set[str]:
    hints = {lang} if lang else set()
    text = norm.text
    if any("\u0400" <= c <= "\u04ff" for c in text):
        hints.add("ru")
    if any("\u0531" <= c <= "\u058f" for c in text):
        hints.add("hy")
    if "ə" in text:
        hints.add("az")
    if any(c in text for c in "ğşı"):
        hints.update(("tr", "az"))
    if not hints and any("a" <= c <= "z" for c in text):
        hints.add("en")
    return hints


def find(norm: Normalized, lexicons: list[lx.Lexicon], *, lang: str | None = None,
         is_name: Callable[[str], bool] = names.is_name) -> list[Finding]:
    """Findings in a normalised text; ``is_name`` tells listed names and places (see :func:`_a_name`)."""
    tokens = norm.tokens
    if not tokens:
        return []
    hints = lang_hints(norm, lang)
    matches: list[Match] = []
    allows: list[Match] = []
    for lexicon in lexicons:
        if not lexicon.entries:
            continue
        for m in _matches(norm, tokens, lexicon):
            if "gated" in m.entry.flags and m.entry.lang and m.entry.lang not in hints:
                continue
            (allows if "allow" in m.entry.flags else matches).append(m)
    if not matches:
        return []
    kept: list[Match] = []
    named: list[Match] = []
    for m in matches:
        if not any(a.start <= m.start and m.end <= a.end for a in allows):
            (named if _a_name(norm, tokens, m, is_name) else kept).append(m)
    matches = _longest(kept)
    # a name is no word the classifier may flag either ("Dick Marty's report", "professor Ебралидзе"):
    # a score-0 finding in the ``name`` context excuses a classifier finding resting on it
    findings = [Finding("toxic", 0.0, f'a listed name or place: "{norm.original[a:b]}"', [(a, b)], {"context": "name"})
                for a, b in dict.fromkeys((m.start, m.end) for m in named)]
    for m in matches:
        f = _finding(norm, tokens, m)
        if f is not None:
            findings.append(f)
    return findings


def _matches(norm: Normalized, tokens: list[Token], lexicon: lx.Lexicon):
    yield from _phrases(norm, tokens, lexicon)
    yield from _spelled(norm, tokens, lexicon)
    yield from _joined(norm, tokens, lexicon)
    yield from _spelled_phrases(norm, tokens, lexicon)


def _phrases(norm: Normalized, tokens: list[Token], lexicon: lx.Lexicon):
    per_token = [lexicon.hits(t.forms, t.script) for t in tokens]
    text = norm.original
    # blank[i]: only blanks (or a dash: "армяне — собаки") between token i-1 and token i
    blank = [False] + [not text[tokens[i - 1].end:tokens[i].start].strip(" \t\n—–-") for i in range(1, len(tokens))]
    # comma[i]: one comma between token i-1 and token i ("мы знаем, где ты живёшь"), which a
    # gap (~) may cross where it opens, but never inside a run of skipped words
    comma = [False] + [text[tokens[i - 1].end:tokens[i].start].strip(" \t\n") == "," for i in range(1, len(tokens))]
    root = lexicon.trie
    for i, hits in enumerate(per_token):
        for hit in hits:
            node = root.next.get(hit.atom)
            if node is None:
                continue
            for idx, last in _walk(node, i + 1, per_token, tokens, blank, comma):
                # Only a threat reads through a comma ("we know, where you live"); a list
                # ("Armenians, dogs and cats") must not make a slur.
                if lexicon.entries[idx].category != "threat" and any(comma[i + 1:last + 1]):
                    continue
                yield _match(lexicon, idx, i, last, tokens, hit.loose)


NEGATIONS = frozenset(_words("not never no dont don't won't wont wouldn't wouldnt не ни değil asla heç deyil չեմ ոչ"))


def _walk(node: lx.Node, i: int, per_token, tokens, blank, comma):
    """Entries completed from ``node`` on, reading tokens from ``i``: (entry index, last token)."""
    for idx in node.ends:
        yield idx, i - 1
    n = len(tokens)
    if i < n and blank[i] and node.next:
        for hit in per_token[i]:
            child = node.next.get(hit.atom)
            if child is not None:
                yield from _walk(child, i + 1, per_token, tokens, blank, comma)
    gap = node.gap
    if gap is not None:
        for skip in range(lx.MAX_GAP + 1):
            j = i + skip
            if j >= n or not (blank[j] or (skip == 0 and comma[j])):
                break
            if skip and tokens[j - 1].text in NEGATIONS:
                break
            for hit in per_token[j]:
                child = gap.next.get(hit.atom)
                if child is not None:
                    yield from _walk(child, j + 1, per_token, tokens, blank, comma)


def _match(lexicon, idx, first, last, tokens, loose) -> Match:
    return Match(lexicon.entries[idx], first, last, tokens[first].start, tokens[last].end, loose)


def _single_entries(lexicon: lx.Lexicon, word: str, typed: bool = True):
    _, forms, script = analyse(word)
    for hit in lexicon.hits(forms, script, typed):
        for idx in lexicon.by_first.get(hit.atom, ()):
            if len(lexicon.patterns[idx]) == 1:
                yield idx, hit.loose


def _spelled(norm: Normalized, tokens: list[Token], lexicon: lx.Lexicon):
    """f u c k, с у к а: three or more single letters apart by blanks or punctuation."""
    for i, j in _letter_runs(norm, tokens):
        if j - i < 2:
            continue
        done = False
        for a in range(i, j - 1):
            # No listed word is spelled out in more than MAX_SPELLED letters; the cap
            # keeps a long run ("1.1.1.…") linear instead of cubic.
            for b in range(min(j, a + MAX_SPELLED - 1), a + 1, -1):
                word = "".join(t.text for t in tokens[a:b + 1])
                for idx, loose in _single_entries(lexicon, word):
                    yield _match(lexicon, idx, a, b, tokens, loose)
                    done = True
                if done:
                    break
            if done:
                break


MAX_SPELLED = 16


def _letter_runs(norm: Normalized, tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last) token of each run of two or more single letters apart by thin gaps."""
    runs, i, n = [], 0, len(tokens)
    while i < n:
        j = i
        while j + 1 < n and len(tokens[j].text) == 1 and len(tokens[j + 1].text) == 1 \
                and thin_gap(norm.original[tokens[j].end:tokens[j + 1].start]):
            j += 1
        if j > i:
            runs.extend((a, b) for a, b in split_at_wide_gaps(i, j, [tokens[k + 1].start - tokens[k].end
                                                                    for k in range(i, j)]) if b > a)
        i = j + 1
    return runs


def _spelled_phrases(norm: Normalized, tokens: list[Token], lexicon: lx.Lexicon):
    """"а р м я н е — к р ы с ы", "E r m ə n i = i t": phrases whose words are spelled out.

    Where a comment spells out at least one word of three letters or more, its letter runs are
    joined into words and the phrases are matched again on that text; matches map back to the
    letters as typed. Single words are :func:`_spelled`'s job.
    """
    runs = _letter_runs(norm, tokens)
    if not any(b - a >= 2 for a, b in runs):
        return
    text = norm.original
    chars: list[str] = []
    where: list[int] = []  # for each character of the joined text, its offset in the original
    cursor = 0
    for a, b in runs:
        between = text[cursor:tokens[a].start].replace("=", " ")
        chars.extend(between)
        where.extend(range(cursor, tokens[a].start))
        for t in tokens[a:b + 1]:
            chars.append(text[t.start:t.end])
            where.append(t.start)
        cursor = tokens[b].end
    chars.extend(text[cursor:].replace("=", " "))
    where.extend(range(cursor, len(text)))
    joined_text = "".join(chars)
    if len(joined_text) != len(where):  # a letter typed as several code points: leave it
        return
    joined = normalize(joined_text)
    for m in _phrases(joined, joined.tokens, lexicon):
        if m.first == m.last:
            continue
        start, end = where[m.start], where[m.end - 1] + 1
        first = next(i for i, t in enumerate(tokens) if t.end > start)
        last = max(i for i, t in enumerate(tokens) if t.start < end)
        yield Match(m.entry, first, last, start, end, m.loose)


def _joined(norm: Normalized, tokens: list[Token], lexicon: lx.Lexicon):
    """ass-hole, fu.ck, f-ck, s.ktir, s.kt.r: two or three parts around hyphens, dots or underscores.

    The parts are read run together ("fu.ck") and, where the word is short, with each
    separator standing for one letter ("f-ck", "s.ktir", "п.здец"). A dot is that letter
    only between short parts, and never in what reads as a web address ("t.me",
    "news.am/…"), where the spam signal looks instead.
    """
    text = norm.original
    n = len(tokens)
    for i in range(n - 1):
        sep = None  # every part apart by the same separator
        for j in range(i + 1, min(i + MAX_JOINED, n)):
            gap = text[tokens[j - 1].end:tokens[j].start]
            if gap not in _JOIN_GAPS or sep not in (None, gap):
                break
            sep = gap
            parts = [t.text for t in tokens[i:j + 1]]
            # three parts run together only when short ("sh.i.t", "bl.ya.t"), not "news.bbc.com"
            words = [] if len(parts) > 2 and max(map(len, parts)) > 3 else ["".join(parts)]
            if _wild_gaps(gap, parts, text, tokens[i].start, tokens[j].end):
                words.append("*".join(parts))
            for word in words:
                # a "*" here is the separator read as one letter, not one the writer typed
                for idx, loose in _single_entries(lexicon, word, typed="*" not in word):
                    yield _match(lexicon, idx, i, j, tokens, loose)


MAX_JOINED = 3
_JOIN_GAPS = frozenset(("-", ".", "_", "‐", "–"))
#: a dotted word ending in one of these is a host name, not a word with a letter left out
_HOST_ENDS = frozenset(_words("com net org ru az am tr me io ly co info su uk ge ir be to tv gg"))


def _wild_gaps(gap: str, parts: list[str], text: str, start: int, end: int) -> bool:
    letters = sum(len(p) for p in parts)
    if gap != ".":
        return letters <= 6
    if letters > 8 or min(len(p) for p in parts) > 2 or parts[-1] in _HOST_ENDS:
        return False
    if not all(any(c.isalpha() for c in p) for p in parts):
        return False  # "3.5", "v2.0"
    before, after = text[max(0, start - 1):start], text[end:end + 2]
    if before in ("/", "@", ".", ":") or after[:1] in ("/", "@", ":") or (after[:1] == "." and after[1:].isalnum()):
        return False
    # single letters with a closing dot or in brackets are initials: "A.S.", "(a.s)", "(k.s)"
    return max(len(p) for p in parts) > 1 or not (after[:1] in (".", ")") or before == "(")


def _longest(matches: list[Match]) -> list[Match]:
    """One finding per place: drop a hit inside a longer one of the same label (ass ⊂ ass-hole)."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start), -m.entry.score, m.entry.source != "civility",
                                m.loose))
    kept: list[Match] = []
    seen: set[tuple[int, int, str]] = set()
    for m in matches:
        label = lx.LABEL_OF.get(m.entry.category, m.entry.category)
        key = (m.start, m.end, label)
        if key in seen:
            continue
        if any(k.start <= m.start and m.end <= k.end and lx.LABEL_OF.get(k.entry.category) == label
               and (k.start, k.end) != (m.start, m.end) for k in kept):
            continue
        seen.add(key)
        kept.append(m)
    return kept


def _addressed(norm: Normalized, tokens: list[Token], m: Match) -> bool:
    """Said to someone: a second-person word or @name just before (or right after) the hit."""
    lo, hi = max(0, m.first - 3), min(len(tokens), m.last + 2)
    for k in range(lo, hi):
        text = tokens[k].text
        if text in SECOND_PERSON or (text.startswith("@") and len(text) > 1 and k in (m.first - 1, m.last + 1)):
            return True
    last = tokens[m.last].text
    return len(last) > 4 and last.endswith(SECOND_PERSON_SUFFIXES)


_APOSTROPHE = re.compile("['’]")  # a suffix after it: "Marty's", "Xoy'a"


def _a_name(norm: Normalized, tokens: list[Token], m: Match, is_name: Callable[[str], bool]) -> bool:
    """One word that is a listed name or place, capitalised as one or read only loosely, or a
    capitalised word that with the word before or after it makes a listed name.

    Written in lower case or in capitals and matched as spelled, the word stays a hit:
    ``хохлов`` and ``ХАЧИК`` are the slurs, ``Хохлов`` and ``Хачик`` the surname and the name.
    An admin's rule is meant as written and always applies.
    """
    if m.first != m.last or m.entry.source.startswith("admin"):
        return False
    word = norm.original[m.start:m.end]
    capitalised = word[:1].isupper() and word[1:].islower()
    if capitalised and any(" ".join(_APOSTROPHE.split(t.text)[0] for t in tokens[i:i + 2]) in names.phrases()
                           for i in (m.first - 1, m.first) if i >= 0):
        return True  # "Dick Marty('s)": a listed name of two words, one of them rude alone
    if not is_name(tokens[m.first].text):
        return False
    return m.loose or capitalised


def _said_of_oneself(norm: Normalized, tokens: list[Token], m: Match) -> bool:
    """"I'm such an idiot", "I was a fool", "what an idiot I was": the speaker, not someone else."""
    k = m.first - 1
    while k >= 0 and m.first - k <= 4 and tokens[k].text in SELF_FILLERS:
        k -= 1
    if k >= 0 and m.first - k <= 4 and tokens[k].text in FIRST_PERSON:
        return True
    k = m.last + 1
    if k < len(tokens) and tokens[k].text in FIRST_PERSON and tokens[k].text != "ես":
        rest = norm.original[tokens[k].end:].lstrip()
        return not rest or rest[0] in ".!?,;…" or (k + 1 < len(tokens) and tokens[k + 1].text in SELF_COPULAS)
    return False


def _name_like(norm: Normalized, tokens: list[Token], m: Match) -> bool:
    """Dick Cheney, Philip K. Dick: a capitalised word next to another is likely a name."""
    def title(k: int) -> bool:
        w = norm.original[tokens[k].start:tokens[k].end]
        return w[:1].isupper() and not w[1:2].isupper()

    if not title(m.first):
        return False
    return (m.first > 0 and title(m.first - 1)) or (m.last + 1 < len(tokens) and title(m.last + 1))


def _sentence(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    text = norm.original
    s = max((x.end() for x in SENTENCE_END.finditer(text, 0, start)), default=0)
    e = SENTENCE_END.search(text, end)
    return s, (e.start() if e else len(text))


def _sentence_and_next(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start..end`` and the one after it: a condemnation may be the next
    clause ("… "хач" — that word is a slur and must stop")."""
    s, e = _sentence(norm, start, end)
    return s, (_sentence(norm, e + 1, e + 1)[1] if e < len(norm.original) else e)


#: what excuses a QUOTED obscene word: a complaint about swearing itself ("why did nobody bleep
#: «…»?", "yorumlarda 'amk' yazanlar, biraz saygı", "«…» yazanlar, ayıp"), the shame and report
#: words of :data:`CONDEMN_STEMS`, but not its "hate" and "stop" ("I hate a "…" type of bitch",
#: "stop being a "…"" swear, not complain) nor "children" ("'amk' çocuğu"), nor "swear" alone
#: ("I swear"). Only a quoted word: "he said fuck" is still obscene (2026-12-07; writers of every
#: batch label such complaints civil)
SWEARING_STEMS = tuple(_words("""
swearing swearword cursing profan obscen vulgar bleep censor respect unacceptable disgust shame
disgrac delete report moderat mods remov
матерщ матерят материт матом мата нецензур ругат ругань ругаются запик уважен стыдно непрофессионал
хамств позор мерзост отврат удали удаля жалоб модерат недопустим
küfür kufur küfre kufre küfret kufret saygı saygi utan ayıp ayıb rezalet şikayet sikayet silin silsin
söyüş soyus söyür soyur söyən soyen söyüb soyub hörmət hormet şikayət yolverilməz biabır
քֆուր kfur հայհոյ hayhoy հարգ harg ամոթ amot ջնջ բողոք մոդերատոր անընդունելի
"""))
#: words that refute what was quoted ("no people is born a traitor" aside, which no list can hold)
REFUTE_STEMS = tuple(_words("""
nonsense myth lies lying false wrong racism racist неправд ложь ложн чушь бред миф расизм
yalan saçma sacma safsata uydurma yanlış yanlis ırkçılık irkcilik cəfəng cefeng irqçilik
սուտ սխալ ռասիզմ
"""))
_CONDEMNING_OR_REFUTING = CONDEMN_STEMS + REFUTE_STEMS


def quoted_and_condemned(norm: Normalized) -> list[Finding]:
    """Quoted words that the same sentence or the next condemns, reports or refutes ("Someone
    wrote "Armenians are traitors by nature". Racism, plain and simple."), or that were said or
    sent to the writer ("Мне прислали «мы найдём тебя»"): a score-0 finding in the ``condemned``
    context, so that a classifier finding resting on the quoted words is excused
    (policy.EXCUSING_CONTEXTS), as a quoted listed word already is. Condemnation outside the
    quote is required: attribution alone ("someone wrote …") is no excuse, or anyone could
    dress hate up as a quotation."""
    out = []
    for qs, qe in quoted_spans(norm.original):
        if _distanced(norm, norm.tokens, qs, qe, _CONDEMNING_OR_REFUTING, RECIPIENT):
            out.append(Finding("toxic", 0.0, "quoted and condemned, reported or refuted (talked about, not said)",
                               [(qs, qe)], {"context": "condemned"}))
    return out


def _mention(norm: Normalized, tokens: list[Token], m: Match) -> str:
    """'quoted' or 'named' when the slur is talked about rather than used, else ''."""
    text = norm.original
    before = text[max(0, m.start - 2):m.start].strip()
    after = text[m.end:m.end + 3].lstrip(" .,!?…")  # "…people like you disappear." he said
    if before and after and before[-1] in QUOTES and after[0] in QUOTES:
        return "quoted"
    if any(qs < m.start and m.end < qe for qs, qe in quoted_spans(text)):
        return "quoted"  # inside a longer quotation: "Azeris are savages by nature"
    for t in tokens[max(0, m.first - 4):m.first] + tokens[m.last + 1:m.last + 4]:
        if t.text in NAMING:
            return "named"
    return ""


def _condemned(norm: Normalized, tokens: list[Token], m: Match, mention: str = "") -> bool:
    """Condemned or reported in the sentence or the next; a quotation may also have been said to
    the writer (:data:`RECIPIENT`)."""
    return _distanced(norm, tokens, m.start, m.end, CONDEMN_STEMS,
                      RECIPIENT if mention == "quoted" else frozenset())


def _distanced(norm: Normalized, tokens: list[Token], start: int, end: int, stems: tuple[str, ...],
               words: frozenset[str]) -> bool:
    """A word outside ``start..end``, in its sentence or the next, starts with one of ``stems`` or
    is one of ``words``: the span is talked about, not said."""
    s, e = _sentence_and_next(norm, start, end)
    return any(s <= t.start and t.end <= e and not start <= t.start < end
               and (t.text.startswith(stems) or t.text in words) for t in tokens)


def _talked_about(score: float, reason: str, mention: str, evidence: dict) -> tuple[float, str]:
    """A listed word quoted or named *and* condemned is talked about, not used: it weighs little."""
    evidence["context"] = "condemned"
    return min(score, 0.3), f"{mention}/condemned {reason} (talked about, not used)"


def _finding(norm: Normalized, tokens: list[Token], m: Match) -> Finding | None:
    e = m.entry
    label = lx.LABEL_OF.get(e.category, e.category)
    matched = norm.original[m.start:m.end]
    where = f" ({e.lang})" if e.lang else ""
    score = e.score
    addressed = _addressed(norm, tokens, m) if e.category == "insult" or "addressed" in e.flags else False
    if "addressed" in e.flags and not addressed:
        return None
    if "name" in e.flags and _name_like(norm, tokens, m):
        return None
    evidence = {"matched": matched, "entry": e.phrase, "lang": e.lang, "category": e.category}
    if e.source.startswith("admin"):
        evidence["rule"] = e.source.split(":", 1)[-1]
    if m.loose:
        evidence["spelling"] = "transliterated or without diacritics"
    if e.category == "obscene":
        reason = f'obscenity{where}: "{matched}"'
        if (_mention(norm, tokens, m) == "quoted"
                and _distanced(norm, tokens, m.start, m.end, SWEARING_STEMS, frozenset())):
            score, reason = _talked_about(score, reason, "quoted", evidence)  # "why was «…» not bleeped?"
    elif e.category == "slur":
        whom = f" for {e.target}" if e.target else ""
        reason = f"{'ethnic ' if e.target else ''}slur{whom}{where}: \"{matched}\""
        mention = _mention(norm, tokens, m)
        if mention and _condemned(norm, tokens, m, mention):
            score, reason = _talked_about(score, reason, mention, evidence)
        elif mention:
            # named ("he called me …", "… is the word for cross"): talked about, weakly;
            # only quoted: probably still used
            score = min(score, 0.45 if mention == "named" else 0.6)
            reason = f"{mention} {reason}"
            evidence["context"] = mention
    elif e.category == "insult":
        reason = f'insult{where}: "{matched}"'
        mention = "" if addressed else _mention(norm, tokens, m)
        if mention and _condemned(norm, tokens, m, mention):  # "someone wrote «…». Please delete it."
            score, reason = _talked_about(score, reason, mention, evidence)
        elif not addressed and _said_of_oneself(norm, tokens, m):
            score = min(score, SELF_SCORE)
            reason += ", said of oneself"
            evidence["context"] = "self"
        elif addressed and score >= 0.4:  # "lan", "sus" stay weak even when addressed
            score = min(0.85, score + 0.15)
            reason += ", addressed to someone"
            evidence["addressed"] = True
    elif e.category == "figurative":
        reason = f'violent word used of a thing{where}: "{matched}" (figurative, not a threat)'
        evidence["context"] = "figurative"
        score = 0.0
    elif e.category == "threat":
        if any(t.text in NEGATIONS for t in tokens[max(0, m.first - 2):m.first]):
            return None  # "я никогда не убью", "I would never…"
        reason = f'threat{where}: "{matched}"'
        mention = _mention(norm, tokens, m)
        if mention and _condemned(norm, tokens, m, mention):  # 'someone wrote «смерть …», I reported it'
            score, reason = _talked_about(score, reason, mention, evidence)
    else:
        reason = f'{e.category}{where}: "{matched}"'
    if e.source.startswith("admin"):
        reason = f"{reason} [admin rule: {e.source.split(':', 1)[-1]}]"
    return Finding(label, score, reason, spans=[(m.start, m.end)], evidence=evidence)
