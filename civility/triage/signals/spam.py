"""Spam heuristics: links, contact handles, easy-money words and the widget's bot traps.

Each *kind* of evidence becomes one finding (label ``spam``) with its spans in the original
text and a reason a moderator can read. Most kinds alone stay below the policy's flag line
on purpose: a reader may link a news story, name a politician's Telegram channel or mention
casinos (only a blocked domain, a filled-in honeypot or a submission faster than any human
are strong enough alone). When several kinds appear together, one more finding carries their
combined score (``1 - Π(1 - score)``), so that

    "Earn $500 a day from home: bit.ly/x, write @rich_boss on Telegram"

is flagged (shortened link + easy-money words + Telegram contact ≈ 0.79) while

    "The full report is at https://www.bbc.com/news/... and it says otherwise."

scores 0.1. Links, handles and phone numbers are found in the original text (so that a
normaliser collapsing separators cannot break them); words are matched in the normalised
text (``doc.attrs["normalized"]``) on word boundaries, their spans mapped back.

Superseded by ``spam.v2`` (``spam_evidence.py``) and kept unchanged for configurations that
name it. Its word tables, shorteners and TLDs are in ``civility/triage/data/spam/v1.toml``.

Options: ``min_submit_ms`` (3000; 0 turns the check off), ``blocked_domains``,
``allowed_domains`` (links to them are not counted: your own site), ``extra_shorteners``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding

# --- Scores (evidence strength, not thresholds: the policy decides what is flagged) ----------
LINK_EACH = 0.1  # each ordinary link; capped at LINK_MAX
LINK_MAX = 0.4
BARE_LINK = 0.3  # a comment that is little more than a link
SHORTENER = 0.4
BLOCKED = 0.9
DISGUISED = 0.4  # "bit . ly", "t[.]me": someone is hiding a link from filters
TELEGRAM_LINK = 0.35
TELEGRAM_INVITE = 0.45
WHATSAPP_LINK = 0.4
HANDLE = 0.1  # an @handle alone is a mention (Twitter, a politician's channel)
HANDLE_TELEGRAM = 0.25  # an @handle in a comment that talks about Telegram
PHONE = 0.3
PHONE_MESSENGER = 0.45  # "whatsapp +994 …"
CONTACT_MAX = 0.45
CALL_TO_ACTION = 0.1  # "write me", "пишите": only counted next to a link or contact
HONEYPOT = 0.9
FAST_SUBMIT = (0.35, 0.65)  # at min_submit_ms … at 0 ms
WORDS_MAX = 0.45  # one kind of money words alone is never a flag

#: a dot written so that filters miss it: "bit[.]ly", "t (dot) me", "bit . ly", "t точка me", and a
#: space before the dot alone ("krediburada .online"; the endings that may follow are the caller's)
_DOT_DISGUISED = (r"(?:\s?\[\s?(?:\.|dot)\s?\]\s?|\s?\(\s?(?:\.|dot)\s?\)\s?|\s+(?:dot|точка|nokta|nöqtə)\s+"
                  r"|\s\.\s|\s\.)")
_DOT = r"(?:\.|" + _DOT_DISGUISED + ")"
_PUNCT_TAIL = ".,;:!?)]}'\"»…"
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»]+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@./])@([a-z][a-z0-9_]{4,31})(?![\w@])", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])\+\s?\d(?:[\s().-]{0,2}\d){7,14}(?![\d])")


def _host_pattern(host: str) -> str:
    return _DOT.join(re.escape(part) for part in host.split("."))


# --- Tables: civility/triage/data/spam/v1.toml, read once -----------------------------------

_DATA = Path(__file__).resolve().parents[1] / "data" / "spam" / "v1.toml"


def known_hosts(hosts: Iterable[str]) -> re.Pattern[str]:
    """Links to these hosts, found without http:// and disguised too ("bit . ly/x", "t[.]me/x")."""
    known = sorted(hosts, key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?=[\w-]{1,12}" + _DOT + r")(?:"  # cheap test first
                      + "|".join(_host_pattern(h) for h in known) + r")(?![\w-])"
                      r"(?:/[\w+\-/=?&%.#~]*[\w/=])?", re.IGNORECASE)


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern for the folded text, on word boundaries ("ı" is folded to "i" there)."""
    return re.compile(r"(?<!\w)(?:" + pattern.replace("ı", "i") + r")(?!\w)")


@dataclass(frozen=True)
class _Tables:
    #: (kind, weight, pattern) in table order: a longer, stronger phrase listed first takes the match
    words: list[tuple[str, float, str]]
    #: one flat alternation finds every hit in one pass (named groups per pattern would make the
    #: engine enter each group at each position: 3x slower); a hit is told apart by fullmatch
    words_re: re.Pattern[str]
    word_patterns: list[re.Pattern[str]]
    reasons: dict[str, str]
    names: dict[str, str]
    call_to_action: re.Pattern[str]
    telegram_word: re.Pattern[str]
    messenger_word: re.Pattern[str]
    shorteners: frozenset[str]
    telegram_hosts: frozenset[str]
    whatsapp_hosts: frozenset[str]
    bare: re.Pattern[str]


@cache
def _tables() -> _Tables:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    fragments = data["fragments"]

    def expand(pattern: str) -> str:
        for _ in range(3):
            pattern = re.sub(r"\{(\w+)\}", lambda m: fragments.get(m.group(1), m.group()), pattern)
        return pattern

    words = [(w["kind"], float(data["levels"][w["level"]]), expand(w["pattern"])) for w in data["words"]]
    return _Tables(
        words=words,
        words_re=_words("|".join(pattern for _, _, pattern in words)),
        word_patterns=[re.compile(pattern.replace("ı", "i")) for _, _, pattern in words],
        reasons=data["reasons"],
        names=data["names"],
        call_to_action=_words(data["call_to_action"]),
        telegram_word=_words(data["telegram"]),
        messenger_word=_words(data["messengers"] + "|" + data["telegram"]),
        shorteners=frozenset(data["shorteners"]),
        telegram_hosts=frozenset(data["telegram_hosts"]),
        whatsapp_hosts=frozenset(data["whatsapp_hosts"]),
        # top-level domains recognised in links typed without http:// ("example.com/x"); common
        # words ("it", "is", "to", "me", "co"…) are left out: "resign.It was" is not a link
        bare=re.compile(
            r"(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?-i:" + "|".join(data["bare_tlds"])
            + r"))(?![\w-])(?:/[^\s<>\"'«»]*)?", re.IGNORECASE),
    )


@dataclass
class _Kind:
    """Evidence of one kind, before it becomes a finding."""

    score: float
    reason: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)

    def add(self, score: float, reason: str, span: tuple[int, int], *, combine: bool = False) -> None:
        """More evidence of this kind: the strongest reason leads (three at most); scores take the max, or combine."""
        self.spans.append(span)
        if reason not in self.reason and self.reason.count("; ") < 2:
            self.reason = f"{reason}; {self.reason}" if score > self.score else f"{self.reason}; {reason}"
        self.score = _noisy_or([self.score, score]) if combine else max(self.score, score)


@dataclass(frozen=True)
class _Link:
    start: int
    end: int
    host: str
    path: str
    disguised: bool


@dataclass(frozen=True)
class _Folded:
    """The normalised text with Turkic i's made comparable, and the way back to original offsets."""

    text: str
    index: list[int]  # folded position → normalised position (empty: the same)
    norm: Any

    @classmethod
    def of(cls, norm: Any) -> _Folded:
        text = norm.text
        if "\u0307" not in text and "ı" not in text:
            return cls(text, [], norm)
        out: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(text):
            if ch == "\u0307" and out and out[-1] == "i":  # "İ" case-folds to "i" + combining dot
                continue
            out.append("i" if ch == "ı" else ch)
            index.append(i)
        index.append(len(text))
        return cls("".join(out), index, norm)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.index:
            start, end = self.index[start], self.index[end]
        return self.norm.span(start, end)


def _noisy_or(scores: Iterable[float]) -> float:
    keep = 1.0
    for s in scores:
        keep *= 1.0 - s
    return 1.0 - keep


def _check_submit_ms(value: Any) -> None:
    """The ``min_submit_ms`` option: whole milliseconds, 0 to turn the check off."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("min_submit_ms must be an integer (milliseconds)")
    if value < 0:
        raise ValueError("min_submit_ms cannot be negative (0 turns the check off)")


def _domains(option: str, value: Any) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise TypeError(f"{option} must be a list of domain names, like ['example.com']")
    domains = set()
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{option}: {item!r} is not a domain name")
        domain = item.strip().lower().removeprefix("www.")
        if not re.fullmatch(r"[^\s/:@]+\.[^\s/:@.]+", domain):
            raise ValueError(f"{option}: {item!r} is not a domain name (no scheme or path: 'example.com')")
        domains.add(domain)
    return frozenset(domains)


def _under(host: str, domains: frozenset[str]) -> str | None:
    """The listed domain that ``host`` is, or is a subdomain of."""
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def _parse(raw: str, disguised: bool) -> tuple[str, str]:
    """(host, path) of a link as written."""
    plain = re.sub(_DOT_DISGUISED, ".", raw, flags=re.IGNORECASE) if disguised else raw
    plain = re.sub(r"^https?://", "", plain, flags=re.IGNORECASE).replace(" ", "")
    host, path = re.match(r"([^/?#]*)(.*)", plain, re.DOTALL).groups()  # type: ignore[union-attr]
    host = host.rsplit("@", 1)[-1].split(":")[0].lower().rstrip(".").removeprefix("www.")
    return host, path


class SpamHeuristics(Signal):
    """Adds ``spam`` findings: one per kind of evidence, and one for their combination."""

    requires = ("normalized",)
    labels = ("spam",)

    def __init__(self, *, min_submit_ms: int = 3000, blocked_domains: Iterable[str] = (),
                 allowed_domains: Iterable[str] = (), extra_shorteners: Iterable[str] = ()) -> None:
        super().__init__()
        _check_submit_ms(min_submit_ms)
        self.min_submit_ms = min_submit_ms
        self.blocked = _domains("blocked_domains", blocked_domains)
        self.allowed = _domains("allowed_domains", allowed_domains)
        self.t = _tables()
        self.shorteners = self.t.shorteners | _domains("extra_shorteners", extra_shorteners)
        self._known = known_hosts(self.shorteners | self.t.telegram_hosts | self.t.whatsapp_hosts)

    def __call__(self, doc: Doc) -> None:
        folded = _Folded.of(doc.attrs["normalized"])
        links = self._links(doc.text)
        kinds: dict[str, _Kind] = {}
        self._link_kinds(doc.text, links, kinds)
        self._contacts(doc.text, folded, links, kinds)
        self._words(doc.text, folded, kinds)
        if "links" in kinds or "contact" in kinds:
            calls = list(self.t.call_to_action.finditer(folded.text))
            if calls:
                kinds["cta"] = _Kind(CALL_TO_ACTION, "asks readers to write, click or subscribe",
                                     [folded.span(*m.span()) for m in calls],
                                     {"words": list(dict.fromkeys(m.group() for m in calls))})
        self._client(doc.subject.client, kinds)

        for name, kind in kinds.items():
            doc.add(Finding("spam", round(kind.score, 4), kind.reason, sorted(set(kind.spans)),
                            {"kind": name, **kind.evidence}, signal=self.name))
        combined = _noisy_or(kind.score for kind in kinds.values())
        if len(kinds) > 1 and combined > max(kind.score for kind in kinds.values()):
            doc.add(Finding(
                "spam", round(min(combined, 0.99), 4),
                "several spam signs together: " + ", ".join(self.t.names[name] for name in kinds),
                sorted({span for kind in kinds.values() for span in kind.spans}),
                {"kind": "combined", "kinds": list(kinds)}, signal=self.name))

    # --- evidence, by kind ------------------------------------------------------------------------

    def _links(self, text: str) -> list[_Link]:
        found: list[_Link] = []

        def add(start: int, raw: str, disguised: bool) -> None:
            raw = raw.rstrip(_PUNCT_TAIL)
            end = start + len(raw)
            if end > start and not any(link.start < end and start < link.end for link in found):
                found.append(_Link(start, end, *_parse(raw, disguised), disguised))

        for m in _URL.finditer(text):
            add(m.start(), m.group(), False)
        for m in self._known.finditer(text):
            add(m.start(), m.group(), bool(re.search(_DOT_DISGUISED, m.group(), re.IGNORECASE)))
        for m in self.t.bare.finditer(text):
            add(m.start(), m.group(), False)
        return sorted(found, key=lambda link: link.start)

    def _link_kinds(self, text: str, links: list[_Link], kinds: dict[str, _Kind]) -> None:
        counted = [link for link in links if not _under(link.host, self.allowed)]
        # Telegram and WhatsApp links are contact details (below), not links to read
        plain = [link for link in counted
                 if link.host not in self.t.telegram_hosts and not _under(link.host, self.t.whatsapp_hosts)]
        if plain:
            rest = text
            for link in reversed(counted):
                rest = rest[:link.start] + rest[link.end:]
            bare = sum(ch.isalpha() for ch in rest) < 20
            score = max(min(LINK_MAX, LINK_EACH * len(plain)), BARE_LINK if bare else 0.0)
            hosts = list(dict.fromkeys(link.host for link in plain))
            reason = (f"{len(plain)} link{'s' if len(plain) > 1 else ''} ({', '.join(hosts[:5])})"
                      + (" with hardly any text" if bare else ""))
            kinds["links"] = _Kind(score, reason, [(link.start, link.end) for link in plain],
                                   {"links": len(plain), "hosts": hosts})
        for link in counted:
            span = (link.start, link.end)
            if blocked := _under(link.host, self.blocked):
                _note(kinds, "blocked", BLOCKED, f"link to a blocked domain ({blocked})", span)
            if _under(link.host, self.shorteners):
                _note(kinds, "shortener", SHORTENER, f"shortened link ({link.host}) hides where it leads", span)
            if link.disguised:
                _note(kinds, "disguised", DISGUISED, "a link written so that filters miss it", span)
            if link.host in self.t.telegram_hosts:
                invite = link.path.startswith(("/+", "/joinchat"))
                _note(kinds, "contact", TELEGRAM_INVITE if invite else TELEGRAM_LINK,
                      "Telegram invite link" if invite else "Telegram link", span)
            elif _under(link.host, self.t.whatsapp_hosts):
                _note(kinds, "contact", WHATSAPP_LINK, "WhatsApp link", span)

    def _contacts(self, text: str, folded: _Folded, links: list[_Link], kinds: dict[str, _Kind]) -> None:
        def in_link(pos: int) -> bool:
            return any(link.start <= pos < link.end for link in links)

        telegram_talk = bool(self.t.telegram_word.search(folded.text))
        messenger_talk = telegram_talk or bool(self.t.messenger_word.search(folded.text))
        for m in _HANDLE.finditer(text):
            if not in_link(m.start()):
                if telegram_talk:
                    _note(kinds, "contact", HANDLE_TELEGRAM, f"Telegram handle {m.group()}", m.span())
                else:
                    _note(kinds, "contact", HANDLE, f"@handle {m.group()}", m.span())
        for m in _PHONE.finditer(text):
            if not in_link(m.start()) and 9 <= sum(c.isdigit() for c in m.group()) <= 15:
                if messenger_talk:
                    _note(kinds, "contact", PHONE_MESSENGER, "phone number offered on a messenger", m.span())
                else:
                    _note(kinds, "contact", PHONE, "phone number in international format", m.span())
        if "contact" in kinds:
            kinds["contact"].score = min(CONTACT_MAX, kinds["contact"].score)

    def _words(self, text: str, folded: _Folded, kinds: dict[str, _Kind]) -> None:
        hits: dict[str, dict[int, list[tuple[int, int]]]] = {}
        for m in self.t.words_re.finditer(folded.text):
            i = next((i for i, p in enumerate(self.t.word_patterns) if p.fullmatch(m.group())), None)
            if i is not None:
                hits.setdefault(self.t.words[i][0], {}).setdefault(i, []).append(folded.span(*m.span()))
        for kind, by_pattern in hits.items():
            words = list(dict.fromkeys(" ".join(text[s:e].split()) for group in by_pattern.values() for s, e in group))
            kinds[kind] = _Kind(
                min(WORDS_MAX, _noisy_or(self.t.words[i][1] for i in by_pattern)),
                f"{self.t.reasons[kind]}: " + ", ".join(f"«{word}»" for word in words[:5]),
                sorted({span for group in by_pattern.values() for span in group}), {"words": words})

    def _client(self, client: dict[str, Any], kinds: dict[str, _Kind]) -> None:
        """The widget's evidence; an API client that sends none is not suspected of anything."""
        honeypot = client.get("honeypot")
        if isinstance(honeypot, str) and honeypot.strip():
            kinds["honeypot"] = _Kind(HONEYPOT, "the hidden form field (a trap only bots fill in) was filled in")
        elapsed = client.get("elapsed_ms")
        if (self.min_submit_ms and isinstance(elapsed, int | float) and not isinstance(elapsed, bool)
                and 0 <= elapsed < self.min_submit_ms):
            low, high = FAST_SUBMIT
            kinds["fast"] = _Kind(low + (high - low) * (1 - elapsed / self.min_submit_ms),
                                  f"sent {int(elapsed)} ms after the form opened (people need at least "
                                  f"{self.min_submit_ms} ms)", evidence={"elapsed_ms": int(elapsed)})


def _note(kinds: dict[str, _Kind], name: str, score: float, reason: str, span: tuple[int, int]) -> None:
    if name in kinds:
        kinds[name].add(score, reason, span, combine=name == "contact")
    else:
        kinds[name] = _Kind(score, reason, [span])
