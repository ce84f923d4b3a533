"""Spam evidence (``spam.v2``): contact channels × commercial cues, each finding explained.

Commercial spam in a comment section wants two things: to say what it sells and to say where
to reach the seller. So the evidence comes in two roles, each kind a finding of its own with
its spans and reason:

- **channels**: links (their domains checked against gambling/crypto/scam lists), shorteners,
  disguised links, Telegram/WhatsApp links, phone numbers, @handles, e-mail addresses, "write
  me in DM", "subscribe to my channel";
- **cues**: sums of money and percentages, offers and bonuses, prizes, easy money and job
  offers, casinos, betting, crypto, quick loans, adult bait, urgency, click/subscribe calls,
  bait emoji, keyword stuffing.

The rule (weights in ``data/spam/scoring.toml``): a *strong* channel with any cue, or any
channel with a *strong* cue, scores at least 0.5: flagged. A plain link and a price (a news
story and "gas costs 300 drams now"), or a politician's Telegram channel and a percentage, stay
below. Channels alone never flag (readers cite, mention and link); cues alone flag only when
strong ones of two kinds coincide ("online casino … free spins", "earn $500 a day … hurry"),
the classifier's reading counting as one of them only where it is sure (``model_alone_at``).
A link to a news, court or encyclopedia site (``data/spam/reference-domains.txt``) is no
channel at all. A blocked domain, the widget's honeypot and a too-fast submission are as in
``spam.v1``.

Links, handles and phone numbers are found in the text as typed; words in the normalised text
with look-alike letters resolved (``doc.attrs["normalized"]``), Turkish and Azerbaijani
letters folded, so that "ЗАРАБОТОК", "3apaбoтoк" and "zarabotok" all meet the tables.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from civility.triage.normalize import script_of
from civility.triage.registry import Signal
from civility.triage.signals.spam import (
    _DOT_DISGUISED,
    _HANDLE,
    _PHONE,
    _PUNCT_TAIL,
    _URL,
    _check_submit_ms,
    _domains,
    _noisy_or,
    _parse,
    _under,
    known_hosts,
)
from civility.triage.spam_tables import FOLD, Tables, tables
from civility.triage.types import Doc, Finding

# national phone formats: 8 9xx …, 8 800 …, 0xx … (ru, az, tr, hy, uk); 9 to 11 digits in all
_NATIONAL_PHONE = re.compile(r"(?<![\w+.,/-])(?:8[\s(-]{0,2}(?:9\d\d|800)|0[\s(]{0,2}\d{2,4})\)?"
                             r"(?:[\s.-]?\d){5,8}(?![\w.,/-]?\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HASHTAG = re.compile(r"(?<![\w#])#\w{2,}")
_DIGIT = re.compile(r"\d")
#: digits read as letters in a link's name ("c4sino", "b3t", "s1ots")
_HOST_LEET = str.maketrans("4013578", "aoiestb")
#: a word, a run of spaces or one other character: the pieces a typed phone number is read from
_TOKEN = re.compile(r"\w+|\s+|.")
_DIGITS2 = re.compile(r"\d\d")
#: letters typed for digits inside a number ("9ЗЗ 41О"), and the digits they stand for
_LOOKALIKE_LETTERS, _LOOKALIKE_DIGITS = "OoОоЗзlI", "00003311"
_LOOKALIKE = str.maketrans(_LOOKALIKE_LETTERS, _LOOKALIKE_DIGITS)
#: what may stand between a messenger's name and the sender's id there ("Инста: shop", "Ig - shop")
_ID_SEPARATOR = re.compile(r"[:=–—-]")
#: a look-alike letter typed beside a digit ("9ЗЗ", "41О")
_LOOK_BY_DIGIT = re.compile(rf"(?<=\d)[{_LOOKALIKE_LETTERS}]|[{_LOOKALIKE_LETTERS}](?=\d)")
#: nine to fifteen digits with at most two spaces or signs between any two (read after spelling)
_LOOSE_PHONE = re.compile(r"(?<![\w+])\+?\s?\d(?:[\s().,-]{0,2}\d){8,14}(?!\d)")
_EPS = 1e-9  # 1 − (1 − 0.1) is 0.0999…: compare scores with a little slack

#: short names of the kinds, for the combined finding's reason
_NAMES = {
    "links": "links", "blocked": "blocked domain", "spam_domain": "listed spam domain",
    "abused_tld": "cheap domain ending", "shortener": "shortened link",
    "disguised": "disguised link", "contact": "contact details", "private": "private contact", "selfpromo":
    "own channel", "money": "sums of money", "emoji": "bait emoji", "stuffing": "keyword stuffing",
    "model": "the classifier's reading",
    "honeypot": "bot trap filled in", "fast": "sent too fast", "offer": "offers", "prize": "prize bait",
    "earnings": "easy money", "brand": "betting brand", "gambling": "casino words", "betting": "betting words",
    "crypto": "crypto offers", "loans": "loan offers", "adult": "adult bait", "urgency": "urgency",
    "cta": "call to action", "growth": "followers for sale", "pharmacy": "pills without a doctor",
    "exchange": "exchange offers", "dating": "dating bait",
}
_CHANNELS = frozenset({"links", "spam_domain", "abused_tld", "shortener", "disguised", "contact"})
_CUES = frozenset({"money", "emoji", "stuffing", "model"})


@dataclass
class _Kind:
    score: float
    reason: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    parts: list[float] = field(default_factory=list)

    def add(self, score: float, reason: str, span: tuple[int, int] | None) -> None:
        if span:
            self.spans.append(span)
        if reason not in self.reason and self.reason.count("; ") < 2:
            self.reason = f"{reason}; {self.reason}" if score > self.score else f"{self.reason}; {reason}"
        self.score = max(self.score, score)


@dataclass(frozen=True)
class _Link:
    start: int
    end: int
    host: str
    path: str
    disguised: bool


class _Text:
    """The normalised text as the word tables see it, and the way back to original offsets.

    ``text`` reads each de-obfuscated word ("срочн0", "ги6кий") in the comment's main script;
    ``other`` (None when no word needs it) reads the words typed in two scripts the other way,
    so that "ЗАPAБOTOK B ИНTEPHETE", mostly Latin letters, still meets "заработок в интернете".
    """

    def __init__(self, norm: Any) -> None:
        self.norm = norm
        chars = list(norm.text)
        other: list[str] | None = None
        dominant = None
        for token in norm.tokens:
            typed = norm.original[token.start:token.end]
            if (len(token.forms) < 2 and (not token.forms or token.forms[0] == token.text)) or typed.isascii() \
                    or typed[0].isdigit():
                continue
            readings = [f for f in token.forms if "*" not in f and len(f) == len(token.text)
                        and len({script_of(c) for c in f if c.isalpha()}) == 1]
            start = bisect_left(norm.offsets, token.start)
            if dominant is None:  # the comment's main script, worked out only when needed
                scripts = Counter(t.script for t in norm.tokens if t.script)
                dominant = scripts.most_common(1)[0][0] if scripts else ""
            if not readings or "".join(chars[start:start + len(token.text)]) != token.text:
                continue
            main = next((f for f in readings if script_of(f[0]) == dominant), None) or token.text
            chars[start:start + len(main)] = main
            second = next((f for f in readings if f != main), None)
            if second:
                if other is None:
                    other = chars.copy()
                other[start:start + len(second)] = second
            elif other is not None:
                other[start:start + len(main)] = main
        self.index: list[int] = []
        self.text = self._fold("".join(chars), len(norm.text))
        self.other = self._fold("".join(other), len(norm.text)) if other else None

    def _fold(self, text: str, length: int) -> str:
        text = text.translate(FOLD)
        if "\u0307" in text:  # "İ" case-folds to "i" + a combining dot
            kept = [i for i, ch in enumerate(text) if ch != "\u0307"]
            text = "".join(text[i] for i in kept)
            self.index = [*kept, length]
        return text

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.index:
            start, end = self.index[start], self.index[end]
        return self.norm.span(start, end)


class SpamEvidence(Signal):
    """Adds ``spam`` findings: one per kind of evidence, and one for their combination."""

    requires = ("normalized",)
    labels = ("spam",)

    def __init__(self, *, min_submit_ms: int = 3000, blocked_domains: Iterable[str] = (),
                 allowed_domains: Iterable[str] = (), extra_shorteners: Iterable[str] = ()) -> None:
        super().__init__()
        _check_submit_ms(min_submit_ms)
        self.t: Tables = tables()
        self._which: dict[str, int | None] = {}
        self.s = self.t.scores
        self.min_submit_ms = min_submit_ms
        self.blocked = _domains("blocked_domains", blocked_domains)
        self.allowed = _domains("allowed_domains", allowed_domains)
        self.shorteners = self.t.shorteners | _domains("extra_shorteners", extra_shorteners)
        self._known = known_hosts(self.shorteners | self.t.telegram | self.t.whatsapp)
        # "telegram: id_master_2024", "Инста: shop.baku", "Ig - kanal.satis": a messenger and an id
        self._messenger_id = re.compile(self.t.messengers.pattern + r"\s*" + _ID_SEPARATOR.pattern
                                        + r"\s*@?([a-z0-9][\w.]{2,30}[a-z0-9])",
                                        re.IGNORECASE)
        self._bare = re.compile(
            r"(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?-i:" + "|".join(self.t.bare_tlds)
            + r"))(?![\w-])(?:/[^\s<>\"'«»]*)?", re.IGNORECASE)
        # "c4sino-az . com", "win[.]bet", "promo dot xyz": any host typed so that filters miss it,
        # for the common and the abused endings (not "it", "me", "co"…: "resign . It was")
        disguisable = sorted({"com", "net", "org", "info", "biz", "io", "ru", "az", "am", "tr", "ge", "ua", "kz"}
                             | self.t.abused_tlds)
        self._disguised = re.compile(
            r"(?<![\w@./-])([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?" + _DOT_DISGUISED + r"(?-i:"
            + "|".join(disguisable) + r"))(?![\w-])", re.IGNORECASE)

    @property
    def version(self) -> str:
        return f"{self.name}+{self.t.version}"

    def __call__(self, doc: Doc) -> None:
        text = _Text(doc.attrs["normalized"])
        kinds: dict[str, _Kind] = {}
        links = self._links(doc.text)
        self._words(doc.text, text, kinds)
        self._link_kinds(doc.text, links, kinds)
        self._contacts(doc.text, text, links, kinds)
        self._cues(doc.text, text, links, kinds)
        self._model(doc.attrs.get("classifier"), kinds)
        self._client(doc.subject.client, kinds)
        for name, kind in kinds.items():
            doc.add(Finding("spam", round(kind.score, 4), kind.reason, sorted(set(kind.spans)),
                            {"kind": name, "role": self._role(name), **kind.evidence}, signal=self.name))
        score, reason = self._combine(kinds)
        if score > max((k.score for k in kinds.values()), default=0.0) + 1e-9:
            doc.add(Finding("spam", round(min(score, 0.99), 4), reason,
                            sorted({span for kind in kinds.values() for span in kind.spans}),
                            {"kind": "combined", "kinds": list(kinds)}, signal=self.name))

    # --- the rule -------------------------------------------------------------------------------

    def _role(self, name: str) -> str:
        if name in self.t.kinds:
            return self.t.kinds[name].role
        return "channel" if name in _CHANNELS else "cue" if name in _CUES else "bot"

    def _combine(self, kinds: dict[str, _Kind]) -> tuple[float, str]:
        s = self.s
        channels = {n: k.score for n, k in kinds.items() if self._role(n) in {"channel", "both"}}
        cues = {n: k.score for n, k in kinds.items() if self._role(n) in {"cue", "both"}}
        bot = [k.score for n, k in kinds.items() if self._role(n) == "bot"]
        channel = min(s["channel_cap"], _noisy_or(channels.values()))
        cue = _noisy_or(cues.values())
        # the model's reading pairs with a channel like any cue; without one it counts only where
        # it is sure (model_alone_at), beside a strong word cue: "Mostbet, 550% on the first deposit"
        sure = "model" in kinds and kinds["model"].evidence.get("spam", 0.0) >= s["model_alone_at"]
        alone = _noisy_or(v for n, v in cues.items() if n != "model" or sure)
        score, reason = max(channel, alone), "several commercial signs: " + ", ".join(_NAMES[n] for n in cues)
        if channel >= s["min_channel"] - _EPS and cue >= s["min_cue"] - _EPS:
            pair = channel + min(cue, s["channel_cap"]) + s["pair_bonus"]
            strong = (max(channels.values()) >= s["strong_channel"] - _EPS
                      or max(cues.values()) >= s["strong_cue"] - _EPS)
            pair = max(pair, s["flag_floor"]) if strong else min(pair, s["below_flag"])
            if pair >= score:
                score = pair
                reason = ("a way to reach the sender (" + ", ".join(_NAMES[n] for n in channels)
                          + ") with commercial content (" + ", ".join(_NAMES[n] for n in cues) + ")")
        if bot:
            score = _noisy_or([score, *bot])
            reason = "several spam signs together: " + ", ".join(_NAMES[n] for n in kinds)
        return min(score, 0.99), reason

    # --- channels -------------------------------------------------------------------------------

    def _links(self, text: str) -> list[_Link]:
        found: list[_Link] = []

        def add(start: int, raw: str, disguised: bool) -> None:
            raw = raw.rstrip(_PUNCT_TAIL)
            end = start + len(raw)
            if end > start and not any(link.start < end and start < link.end for link in found):
                found.append(_Link(start, end, *_parse(raw, disguised), disguised))

        if "." not in text and "[" not in text and "(" not in text:
            return found
        for m in _URL.finditer(text):
            add(m.start(), m.group(), False)
        for m in self._known.finditer(text):
            add(m.start(), m.group(), bool(re.search(_DOT_DISGUISED, m.group(), re.IGNORECASE)))
        for m in self._disguised.finditer(text):
            add(m.start(), m.group(), True)
        for m in self._bare.finditer(text):
            if text[m.end():m.end() + 1] != "@" and text[max(0, m.start() - 1):m.start()] != "@":
                add(m.start(), m.group(), False)
        return sorted(found, key=lambda link: link.start)

    def _reference(self, host: str) -> bool:
        return (bool(_under(host, self.t.reference)) or ("." + host).endswith(self.t.reference_suffixes))

    def _spam_domain(self, host: str) -> tuple[str, str] | None:
        parts = host.split(".")
        for i in range(len(parts) - 1):
            listed = self.t.spam_domains.get(".".join(parts[i:]))
            if listed:
                return ".".join(parts[i:]), listed
        return None

    def _link_kinds(self, text: str, links: list[_Link], kinds: dict[str, _Kind]) -> None:
        s = self.s
        counted = [link for link in links if not _under(link.host, self.allowed) and not self._reference(link.host)]
        cited = [link.host for link in links if link not in counted]
        plain = [link for link in counted
                 if link.host not in self.t.telegram and not _under(link.host, self.t.whatsapp)]
        if plain:
            rest = text
            for link in reversed(links):
                rest = rest[:link.start] + rest[link.end:]
            bare = sum(ch.isalpha() for ch in rest) < 20
            hosts = list(dict.fromkeys(link.host for link in plain))
            reason = (f"{len(plain)} link{'s' if len(plain) > 1 else ''} ({', '.join(hosts[:5])})"
                      + (" with hardly any text" if bare else ""))
            kinds["links"] = _Kind(s["bare_link"] if bare else s["link"], reason,
                                   [(link.start, link.end) for link in plain],
                                   {"links": len(plain), "hosts": hosts, **({"cited": cited} if cited else {})})
        for link in counted:
            span = (link.start, link.end)
            if blocked := _under(link.host, self.blocked):
                _note(kinds, "blocked", s["blocked"], f"link to a blocked domain ({blocked})", span)
            if listed := self._spam_domain(link.host):
                _note(kinds, "spam_domain", s["spam_domain"],
                      f"link to {listed[0]}, on the {listed[1]} domain list", span)
            if link.host.rsplit(".", 1)[-1] in self.t.abused_tlds:
                _note(kinds, "abused_tld", s["abused_tld"],
                      f"link under .{link.host.rsplit('.', 1)[-1]}, a domain ending spam favours", span)
            if _under(link.host, self.shorteners):
                _note(kinds, "shortener", s["shortener"], f"shortened link ({link.host}) hides where it leads", span)
            if link.disguised:
                _note(kinds, "disguised", s["disguised"], "a link written so that filters miss it", span)
            self._host_words(link, kinds)
            if link.host in self.t.telegram:
                invite = link.path.startswith(("/+", "/joinchat"))
                _note(kinds, "contact", s["telegram_invite"] if invite else s["telegram_link"],
                      "Telegram invite link" if invite else "Telegram link", span)
            elif _under(link.host, self.t.whatsapp):
                _note(kinds, "contact", s["whatsapp_link"], "WhatsApp link", span)

    def _contacts(self, raw: str, text: _Text, links: list[_Link], kinds: dict[str, _Kind]) -> None:
        s = self.s

        def taken(pos: int) -> bool:
            return any(link.start <= pos < link.end for link in links)

        if "@" in raw:
            messenger = bool(self.t.messengers.search(text.text))
            asks = "private" in kinds
            for m in _EMAIL.finditer(raw):
                if not taken(m.start()):
                    _note(kinds, "contact", s["email"], "e-mail address", m.span())
            for m in _HANDLE.finditer(raw):
                if taken(m.start()) or (m.end() < len(raw) and raw[m.end()] == "."):
                    continue
                if asks or self._offer_handle(m.group(1)):
                    _note(kinds, "contact", s["handle_offer"], f"contact handle {m.group()}", m.span())
                elif messenger:
                    _note(kinds, "contact", s["handle_messenger"], f"messenger handle {m.group()}", m.span())
                elif re.search(r"\w", raw[:m.start()].replace("RT", "")):
                    _note(kinds, "contact", s["handle_inline"], f"@handle {m.group()}", m.span())
                else:  # "@maria, you are right": a reply to a reader
                    _note(kinds, "contact", s["handle"], f"@handle {m.group()}", m.span())
        if _ID_SEPARATOR.search(raw):
            for m in self._messenger_id.finditer(raw):
                if not taken(m.start(1)) and re.search(r"[^\W\d]", m.group(1)):
                    _note(kinds, "contact", s["handle_offer"], f"messenger contact «{' '.join(m.group().split())}»",
                          m.span())
        phones: list[tuple[int, int]] = []
        for pattern in (_PHONE, _NATIONAL_PHONE):
            for m in pattern.finditer(raw):
                digits = sum(c.isdigit() for c in m.group())
                if not taken(m.start()) and 9 <= digits <= 15:
                    phones.append(m.span())
                    _note(kinds, "contact", s["phone"], "phone number", m.span())
        for start, end, how in self._typed_phones(raw):
            if not taken(start) and not any(a < end and start < b for a, b in phones):
                _note(kinds, "contact", s["phone"], f"phone number ({how})", (start, end))
        if "contact" in kinds:
            kinds["contact"].score = min(s["channel_cap"], kinds["contact"].score)

    def _typed_phones(self, raw: str) -> Iterator[tuple[int, int, str]]:
        """Phone numbers typed so that a pattern misses them: digits spelled out ("050 three two
        one 44 88", "sifir bes yuz otuz iki"), look-alike letters among the digits ("+7 9ЗЗ 41О"),
        or digits spaced apart after "WhatsApp" or "call". Read digit by digit, nine or more are
        a phone number where the disguise is plain (two number words, or one token of digits and
        look-alike letters, among at least three typed digits) or a word just before it says a
        number follows."""
        digits = len(_DIGIT.findall(raw))
        if digits < 3:
            return
        folded = _fold_word(raw)
        # nine digits or more must be read, each number word giving at most two, each look-alike
        # letter beside a digit one: most comments with a date or a price stop here
        if digits < 9 and (digits + len(_LOOK_BY_DIGIT.findall(raw))
                           + 2 * len(self.t.number_word.findall(folded))) < 9:
            return
        tokens = list(_TOKEN.finditer(raw))
        out: list[str] = []
        source: list[tuple[int, int]] = []  # for each character read, the span of the raw text it came from
        weight: dict[int, int] = {}  # where a token was read as digits: 1 a spelled word, 2 look-alike letters
        for i, m in enumerate(tokens):
            rep = self._as_digits(m.group(), tokens[i + 1:i + 3])
            if rep is None:
                out.append(m.group())
                source.extend((pos, pos + 1) for pos in range(m.start(), m.end()))
            else:
                out.append(rep)
                source.extend([m.span()] * len(rep))
                weight[m.start()] = 1 if m.group()[0].isalpha() and not _DIGIT.search(m.group()) else 2
        converted = "".join(out)
        if converted == raw and not self.t.phone_context.search(folded):
            return
        for m in _LOOSE_PHONE.finditer(converted):
            if not 9 <= sum(c.isdigit() for c in m.group()) <= 15:
                continue
            start, end = source[m.start()][0], source[m.end() - 1][1]
            typed = raw[start:end]
            # one number word among digits may be a word ("18 altı 18-30": "under 18"); two, or one
            # token of digits and look-alike letters, are a disguise
            spelled = sum(w for pos, w in weight.items() if start <= pos < end)
            disguised = spelled >= 2 and sum(c.isdigit() for c in typed) >= 3 and bool(_DIGITS2.search(typed))
            if disguised or self.t.phone_context.search(_fold_word(raw[max(0, start - 30):start])):
                yield start, end, "spelled out or disguised" if disguised else "digits spaced apart"

    def _as_digits(self, token: str, following: list[re.Match[str]]) -> str | None:
        """The digits a token of a typed phone number stands for, or None: "9ЗЗ" → "933", "beş" →
        "5", "otuz" → "3" before a unit ("otuz iki") and "30" otherwise, "yüz" → "" before another
        number word and "00" otherwise."""
        if token[0].isalnum() and not token.isdigit() and _DIGIT.search(token):
            mapped = token.translate(_LOOKALIKE)
            return mapped if mapped.isdigit() else None
        entry = self.t.number_words.get(_fold_word(token))
        if entry is None:
            return None
        kind, digit = entry
        after = next((self.t.number_words.get(_fold_word(t.group()), ("", ""))[0]
                      for t in following if not t.group().isspace()), "")
        if kind == "tens":
            return digit if after == "units" else digit + "0"
        if kind == "hundreds":
            return "" if after in {"units", "tens"} else "00"
        return digit  # a unit, or "plus" → "+"

    def _offer_handle(self, handle: str) -> bool:
        """"@easy_money_bot", "@qazanc_az", "@FixedWin": a handle named like an offer."""
        parts = [p for p in re.split(r"[_\d]+|(?<=[a-z])(?=[A-Z])", handle) if p]
        return handle.lower().endswith("bot") or any(self.t.handle_words.fullmatch(p.lower()) for p in parts)

    # --- cues -----------------------------------------------------------------------------------

    def _words(self, raw: str, text: _Text, kinds: dict[str, _Kind]) -> None:
        hits: dict[str, dict[int, list[tuple[int, int]]]] = {}
        for reading in (text.text, text.other) if text.other else (text.text,):
            for m in self.t.find_words(reading):
                i = self._pattern_of(m.group())
                if i is not None:
                    hits.setdefault(self.t.patterns[i][0], {}).setdefault(i, []).append(text.span(*m.span()))
        for name, by_pattern in hits.items():
            spans = sorted({span for group in by_pattern.values() for span in group})
            words = list(dict.fromkeys(" ".join(raw[a:b].split()) for a, b in spans))
            # several hits of one kind combine up to kind_cap; a channel's words ("write me… in
            # direct") up to channel_cap, so that channels alone never flag
            cap = self.s["channel_cap"] if self._role(name) == "channel" else self.s["kind_cap"]
            kinds[name] = _Kind(
                min(cap, _noisy_or(self.t.patterns[i][1] for i in by_pattern)),
                f"{self.t.kinds[name].reason}: " + ", ".join(f"«{word}»" for word in words[:5]),
                spans, {"words": words})

    def _host_words(self, link: _Link, kinds: dict[str, _Kind]) -> None:
        """What a link's own name sells: "c4sino-az.com", "free-spins.xyz", "kredit-tez.az"."""
        name = " ".join(re.split(r"[.\-_]+", link.host)[:-1]).translate(_HOST_LEET)
        if not name.strip():
            return
        for m in self.t.find_words(name):
            i = self._pattern_of(m.group())
            if i is None:
                continue
            kind, score = self.t.patterns[i][0], self.t.patterns[i][1]
            if self._role(kind) == "cue":
                _note(kinds, kind, score, f"{self.t.kinds[kind].reason}: the link's name ({link.host})",
                      (link.start, link.end))

    def _pattern_of(self, hit: str) -> int | None:
        """Which pattern a hit of the flat alternation came from (remembered: hits repeat)."""
        if hit in self._which:
            return self._which[hit]
        i = next((i for i, (_, _, p) in enumerate(self.t.patterns) if p.fullmatch(hit)), None)
        if len(self._which) < 20_000:
            self._which[hit] = i
        return i

    def _cues(self, raw: str, text: _Text, links: list[_Link], kinds: dict[str, _Kind]) -> None:
        s = self.s
        if _DIGIT.search(text.text):
            sums = [text.span(*m.span()) for m in self.t.amount.finditer(text.text)]
            sums = [span for span in sums if not any(link.start <= span[0] < link.end for link in links)]
            if sums:
                shown = list(dict.fromkeys(" ".join(raw[a:b].split()) for a, b in sums))
                kinds["money"] = _Kind(s["money"], "sums of money or percentages: "
                                       + ", ".join(f"«{w}»" for w in shown[:5]), sums, {"words": shown})
        bait = [m.span() for m in self.t.emoji.finditer(raw)]
        if len(bait) >= s["emoji_min"]:
            which = "".join(dict.fromkeys(raw[a:b] for a, b in bait))
            kinds["emoji"] = _Kind(s["emoji"], f"{len(bait)} bait emoji ({which})", bait, {"emoji": len(bait)})
        words = [t.text for t in text.norm.tokens if len(t.text) >= 3 and not t.text.isdigit()]
        tags = _HASHTAG.findall(raw) if "#" in raw else []
        repeated = Counter(words).most_common(1) if len(words) >= 8 else []
        hosts = Counter(link.host for link in links).most_common(1) if len(links) >= 3 else []
        if repeated and repeated[0][1] >= 4 and repeated[0][1] >= 0.3 * len(words) and len(words) >= 8:
            kinds["stuffing"] = _Kind(s["stuffing"], f"«{repeated[0][0]}» repeated {repeated[0][1]} times",
                                      evidence={"word": repeated[0][0], "times": repeated[0][1]})
        elif len(tags) >= 5:
            kinds["stuffing"] = _Kind(s["stuffing"], f"{len(tags)} hashtags", evidence={"hashtags": len(tags)})
        elif hosts and hosts[0][1] >= 3:
            kinds["stuffing"] = _Kind(s["stuffing"], f"the same link ({hosts[0][0]}) {hosts[0][1]} times",
                                      evidence={"host": hosts[0][0], "times": hosts[0][1]})

    def _model(self, scores: Any, kinds: dict[str, _Kind]) -> None:
        """The classifier's spam head (``classifier.v1`` earlier in the pipeline) as one cue: the
        wording of an ad in any language the model learned, where the word tables have no entry.
        Like every cue it flags only beside a way to reach the sender."""
        spam = scores.get("spam") if isinstance(scores, dict) else None
        if isinstance(spam, float) and spam >= self.s["model_at"]:
            kinds["model"] = _Kind(self.s["model"], f"the classifier reads it as an ad (spam {spam:.2f})",
                                   evidence={"spam": spam})

    def _client(self, client: dict[str, Any], kinds: dict[str, _Kind]) -> None:
        """The widget's evidence; an API client that sends none is not suspected of anything."""
        honeypot = client.get("honeypot")
        if isinstance(honeypot, str) and honeypot.strip():
            kinds["honeypot"] = _Kind(self.s["honeypot"],
                                      "the hidden form field (a trap only bots fill in) was filled in")
        elapsed = client.get("elapsed_ms")
        if (self.min_submit_ms and isinstance(elapsed, int | float) and not isinstance(elapsed, bool)
                and 0 <= elapsed < self.min_submit_ms):
            low, high = self.s["fast"]
            kinds["fast"] = _Kind(low + (high - low) * (1 - elapsed / self.min_submit_ms),
                                  f"sent {int(elapsed)} ms after the form opened (people need at least "
                                  f"{self.min_submit_ms} ms)", evidence={"elapsed_ms": int(elapsed)})


def _fold_word(text: str) -> str:
    """Lower case with Turkish and Azerbaijani letters folded ("İKİ" → "iki", not "i̇ki")."""
    return text.lower().replace("\u0307", "").translate(FOLD)


def _note(kinds: dict[str, _Kind], name: str, score: float, reason: str, span: tuple[int, int]) -> None:
    if name in kinds:
        kinds[name].add(score, reason, span)
    else:
        kinds[name] = _Kind(score, reason, [span])
