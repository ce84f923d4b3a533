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

Options: ``min_submit_ms`` (3000; 0 turns the check off), ``blocked_domains``,
``allowed_domains`` (links to them are not counted: your own site), ``extra_shorteners``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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
STRONG, MEDIUM, WEAK = 0.35, 0.2, 0.1
WORDS_MAX = 0.45  # one kind of money words alone is never a flag

SHORTENERS = frozenset({
    "bit.ly", "bitly.com", "t.co", "tinyurl.com", "goo.gl", "cutt.ly", "is.gd", "v.gd", "clck.ru", "ow.ly",
    "buff.ly", "rebrand.ly", "shorturl.at", "tiny.cc", "tiny.one", "rb.gy", "s.id", "t.ly", "u.to", "qps.ru",
    "vk.cc", "lnkd.in", "soo.gd", "shorte.st", "adf.ly", "bc.vc", "cli.re", "did.li", "x.co", "bl.ink",
    "short.io", "shrtco.de", "surl.li", "hyperurl.co", "tg.pe", "inlnk.ru", "to.click",
})
TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog"})
WHATSAPP_HOSTS = frozenset({"wa.me", "chat.whatsapp.com", "api.whatsapp.com"})

# Top-level domains recognised in links typed without http:// ("example.com/x"). Common
# words ("it", "is", "to", "me", "co"…) are left out: "resign.It was" is not a link.
_BARE_TLDS = (
    "com|net|org|info|biz|io|ru|su|az|am|tr|ge|ua|by|kz|uz|de|uk|eu|fr|es|pl|xyz|top|club|site|online|shop|"
    "store|live|pro|app|link|click|win|bet|casino|vip|fun|space|website|tk|ml|ga|cf|gq|pw|ws|cc|ly|gl|gd|tv|"
    "news|ir|cn|rf|рф"
)
# a dot written so that filters miss it: "bit[.]ly", "t (dot) me", "bit . ly", "t точка me"
_DOT_DISGUISED = r"(?:\s?\[\s?(?:\.|dot)\s?\]\s?|\s?\(\s?(?:\.|dot)\s?\)\s?|\s+(?:dot|точка|nokta|nöqtə)\s+|\s\.\s)"
_DOT = r"(?:\.|" + _DOT_DISGUISED + ")"
_PUNCT_TAIL = ".,;:!?)]}'\"»…"
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»]+", re.IGNORECASE)
_BARE = re.compile(
    r"(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?-i:" + _BARE_TLDS + r"))(?![\w-])"
    r"(?:/[^\s<>\"'«»]*)?", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@./])@([a-z][a-z0-9_]{4,31})(?![\w@])", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])\+\s?\d(?:[\s().-]{0,2}\d){7,14}(?![\d])")


def _host_pattern(host: str) -> str:
    return _DOT.join(re.escape(part) for part in host.split("."))


# --- Words, matched in the normalised (case-folded) text ------------------------------------
# (kind, weight, pattern). Order matters within the alternation: a longer, stronger phrase
# listed first takes the match, so "online casino" is not counted again as "casino".
# Turkic "ı/i" are folded to "i" before matching; write patterns with "i".
_KIND_REASON = {
    "brand": "betting or casino brand",
    "gambling": "casino and gambling words",
    "betting": "betting words",
    "crypto": "crypto or trading-signal offers",
    "loans": "quick-loan offers",
    "earnings": "easy-money offers",
}
_CURRENCY = r"(?:\$|€|₽|₼|֏|usd|usdt|eur|euros?|dollars?|руб\w*|р\.|tl|lira|azn|manat|драм\w*|dram|դրամ\w*)"
#: a sum of money: "$500", "5 000 ₽", "20000 դրամ", "1,5k usdt" (bounded, so that digit runs stay linear)
_NUMBER = r"\d{1,3}(?:[ .,]?\d{3}){0,3}(?:[.,]\d{1,2})?"
_AMOUNT = (r"(?:от |до |from |up to |over )?(?:(?:\$|€|₽|₼|֏) ?" + _NUMBER + r"|" + _NUMBER
           + r" ?(?:k|к|тыс\.?|min|mln|млн)? ?" + _CURRENCY + r")")
_PER_TIME = (r"(?:a |per |an |в |за |/)?(?:day|hour|week|день|сутки|час|неделю|gün\w*|saat\w*|hafta\w*|"
             r"həft\w*|օր\w*|ժամ\w*)")
_TIME_FIRST = r"(?:daily|per day|a day|в день|günde|günlük|gündə|gündəlik|haftada|həftədə|saatte|saatda|օրական)"
_EARN = (r"(?:earn\w*|make|making|заработ\w*|зарабатыва\w*|получа\w*|доход\w*|kazan\w*|qazan\w*|"
         r"վաստակ\w*|եկամուտ\w*)")
_WORDS: list[tuple[str, float, str]] = [
    # brands that exist to take bets (also in Latin transliteration)
    ("brand", STRONG, r"1xbet|1 x bet|mostbet|melbet|betwinner|pin-?up(?: casino| bet)?|vavada|вавада|leonbets|"
                      r"parimatch|париматч|fonbet|фонбет|1win|linebet|betandyou|22bet|megapari|mel bet|1хбет"),
    # --- English
    ("gambling", STRONG, r"online casinos?|free spins?|no[- ]deposit bonus(?:es)?|deposit bonus(?:es)?|"
                         r"welcome bonus(?:es)?|slot machines? online|play slots?"),
    ("gambling", MEDIUM, r"casinos?|jackpots?|promo ?codes?"),
    ("gambling", WEAK, r"gambling|slots"),
    ("betting", STRONG, r"betting tips|free bets?|sure bets?|fixed (?:matches|games)|betting odds boost"),
    ("betting", MEDIUM, r"sports? betting|bookmakers?"),
    ("betting", WEAK, r"betting"),
    ("crypto", STRONG, r"(?:crypto|bitcoin|btc|usdt|forex) (?:signals?|trading bots?|investment platforms?)|"
                       r"double your (?:bitcoin|btc|crypto|money|deposit)|guaranteed (?:profits?|returns?)"),
    ("crypto", MEDIUM, r"usdt|airdrops?|trc-?20"),
    ("crypto", WEAK, r"bitcoins?|btc|crypto\w*|forex|binance"),
    ("loans", STRONG, r"(?:instant|quick|fast|easy|same[- ]day) (?:loans?|cash)|no credit checks?|"
                      r"loans? without (?:credit check|collateral|guarantor)s?"),
    ("earnings", STRONG, r"(?:earn|make) (?:money|cash|income) (?:online|from home|fast)|work(?:ing)? from home|"
                         r"passive income|no experience (?:needed|required)|financial freedom"),
    ("earnings", MEDIUM, r"extra income|get rich|side hustle"),
    # --- Russian (and its common Latin transliterations)
    ("gambling", STRONG, r"онлайн[- ]?казино|фриспин\w*|фри спин\w*|бездеп\w*|без депозита|игровые автоматы|"
                         r"игровых автоматах|слоты онлайн"),
    ("gambling", MEDIUM, r"казино|kazino|джекпот\w*|промокод\w*|слот\w*"),
    ("betting", STRONG, r"беспроигрышн\w*|договорн\w* матч\w*|прогноз\w* на (?:спорт|матч)\w*|"
                        r"ставк\w* на спорт|ставки на матч\w*"),
    ("betting", MEDIUM, r"букмекер\w*|stavki"),
    ("crypto", STRONG, r"(?:крипто\w*|биткоин\w*|биткойн\w*|трейдинг\w*) (?:сигнал\w*|бот\w*)|"
                       r"удво\w* (?:депозит\w*|деньги|биткоин\w*)|гарантированн\w* (?:доход\w*|прибыл\w*)"),
    ("crypto", WEAK, r"биткоин\w*|биткойн\w*|крипт\w*|форекс"),
    ("loans", STRONG, r"(?:займ|заём|кредит)\w* (?:без (?:отказа|справок|проверки|залога)|на карту|онлайн)|"
                      r"без отказа|микрозайм\w*"),
    ("earnings", STRONG, r"заработ\w* (?:в интернете|в сети|онлайн|на дому|не выходя из дома)|работ\w* на дому|"
                         r"пассивн\w* доход\w*|без вложений|доход от \d|zarabotok v internete"),
    ("earnings", MEDIUM, r"удал[её]нн\w* работ\w*|дополнительн\w* доход\w*|доп\.? доход\w*|лёгк\w* деньг\w*|"
                         r"легк\w* деньг\w*|zarabotok"),
    ("earnings", WEAK, r"заработ(?:ок|ка|ком|ке)|подработк\w*"),
    # --- Turkish
    ("gambling", STRONG, r"deneme bonus\w*|yatirimsiz bonus\w*|bedava spin\w*|free ?spin\w*|canli casino\w*|"
                         r"slot oyun\w*"),
    ("gambling", MEDIUM, r"casino\w*|kumarhane\w*|kumar\w*|jackpot\w*"),
    ("betting", STRONG, r"canli bahis\w*|bahis sitesi|bahis siteleri\w*|iddaa tahmin\w*|kesin kupon\w*|"
                        r"şike(?:li)? ma[çc]\w*"),
    ("betting", WEAK, r"bahis(?! konusu)\w*|iddaa"),
    ("crypto", STRONG, r"kripto (?:sinyal\w*|bot\w*)|garantili kazan[çc]\w*|garantili (?:getiri|kar)\w*"),
    ("crypto", MEDIUM, r"yatirim f[ıi]rsat\w*"),
    ("crypto", WEAK, r"kripto\w*|bitcoin\w*"),
    ("loans", STRONG, r"(?:aninda|hizli|kolay|kefilsiz|teminatsiz|faizsiz) kredi\w*|kredi notuna bakilmaksizin"),
    ("earnings", STRONG, r"evden (?:para kazan\w*|[çc]al[ıi]ş\w*|iş\w*)|internetten para kazan\w*|pasif gelir\w*|"
                         r"sermayesiz\w*"),
    ("earnings", MEDIUM, r"para kazan\w*|ek gelir\w*"),
    # --- Azerbaijani
    ("gambling", STRONG, r"pulsuz spin\w*|onlayn kazino\w*"),
    ("gambling", MEDIUM, r"qumar\w*"),
    ("betting", STRONG, r"m[əe]rc (?:oyun|sayt)\w*|idman m[əe]rc\w*"),
    ("betting", MEDIUM, r"bukmeker\w*"),
    ("betting", WEAK, r"mərc\w*"),
    ("crypto", STRONG, r"z[əe]man[əe]tli (?:g[əe]lir|qazanc)\w*"),
    ("crypto", WEAK, r"bitkoin\w*"),
    ("loans", STRONG, r"(?:t[əe]cili|s[üu]r[əe]tli|zaminsiz|girovsuz|faizsiz|arayışsız) kredit\w*|"
                      r"kredit (?:verilir|veririk|verir[əe]m)"),
    ("earnings", STRONG, r"evd[əe]n (?:işl[əe]\w*|pul qazan\w*|iş\w*)|(?:internetd[əe]n|onlayn) (?:pul )?qazan\w*|"
                         r"passiv g[əe]lir\w*|s[əe]rmay[əe]siz\w*|g[üu]nd[əe]lik qazanc\w*"),
    ("earnings", MEDIUM, r"pul qazan\w*|[əe]lav[əe] g[əe]lir\w*"),
    ("earnings", WEAK, r"qazanc\w*"),
    # --- Armenian
    ("gambling", STRONG, r"առցանց կազինո\w*|անվճար սպին\w*|ֆրիսպին\w*"),
    ("gambling", MEDIUM, r"կազինո\w*|խաղատ(?:ուն|ն)\w*|ջեքփոթ\w*|պրոմոկոդ\w*"),
    ("betting", MEDIUM, r"բուքմեյքեր\w*|խաղադրույք\w*"),
    ("crypto", WEAK, r"բիթքո(?:յ|ի)ն\w*|կրիպտո\w*"),
    ("loans", STRONG, r"(?:ակնթարթային|արագ|առանց գրավի|առանց երաշխավորի) վարկ\w*"),
    ("earnings", STRONG, r"(?:տնից|տանից) (?:աշխատ|գումար|վաստակ)\w*|առցանց (?:վաստակ|գումար|եկամուտ)\w*|"
                         r"պասիվ եկամուտ\w*|առանց ներդրում\w*"),
    ("earnings", MEDIUM, r"գումար վաստակ\w*|լրացուցիչ եկամուտ\w*"),
    # --- Any language: money per day/hour/week; "earn … 500 $"; "günde 500 TL kazan"
    ("earnings", STRONG, _EARN + r"\W+(?:\w+\W+){0,3}?" + _AMOUNT + r"\s?" + _PER_TIME),
    ("earnings", STRONG, _TIME_FIRST + r"\s?" + _AMOUNT + r"(?:\s\w+){0,2}\s" + _EARN),
    ("earnings", MEDIUM, _EARN + r"\W+(?:\w+\W+){0,3}?" + _AMOUNT),
    ("earnings", MEDIUM, _AMOUNT + r"\s?" + _PER_TIME + r"|" + _TIME_FIRST + r"\s?" + _AMOUNT),
]

_CALL_TO_ACTION = (
    r"dm me|write (?:me|us|to me)|text me|message me|contact (?:me|us)|click (?:here|the link|on the link)|"
    r"join (?:now|us)|link in (?:bio|profile)|sign up|register now|subscribe|"
    r"напиши\w*|пишите|пиши|обращайт\w*|подписыва\w*|подпиш\w*|переходи\w*|жми\w*|в лс|в личк\w*|в директ|"
    r"ссылк\w* в (?:профиле|био|шапке)|регистрир\w*|подробност\w*|"
    r"yazin|dm'?den|dm at|tikla\w*|abone ol\w*|kayit ol\w*|ulaşin|iletişime geç\w*|detaylar\w*|"
    r"[əe]laq[əe] saxla\w*|abun[əe] ol\w*|qeydiyyatdan keç\w*|ətraflı|"
    r"գրեք|գրիր|կապվեք|զանգահարեք|բաժանորդագրվեք|գրանցվեք|մանրամասներ\w*"
)
_TELEGRAM_WORD = r"telegram\w*|teleqram\w*|телеграм\w*|телег\w*|тг|tg|տելեգրամ\w*"
_MESSENGER_WORD = r"whats ?app\w*|вотсап\w*|ватсап\w*|watsap\w*|viber\w*|вайбер\w*|" + _TELEGRAM_WORD

#: short names of the kinds, for the combined finding's reason
_KIND_NAME = {
    "links": "links", "blocked": "blocked domain", "shortener": "shortened link", "disguised": "disguised link",
    "contact": "contact details", "cta": "call to action", "honeypot": "bot trap filled in",
    "fast": "sent too fast", "brand": "betting brand", "gambling": "casino words", "betting": "betting words",
    "crypto": "crypto offers", "loans": "loan offers", "earnings": "easy-money offers",
}


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern for the folded text, on word boundaries ("ı" is folded to "i" there)."""
    return re.compile(r"(?<!\w)(?:" + pattern.replace("ı", "i") + r")(?!\w)")


# One flat alternation finds every hit in one pass (named groups per pattern would make the
# engine enter each group at each position: 3x slower); each hit is then told apart by fullmatch.
_WORDS_RE = _words("|".join(pattern for _, _, pattern in _WORDS))
_WORD_PATTERNS = [re.compile(pattern.replace("ı", "i")) for _, _, pattern in _WORDS]
_CALL_TO_ACTION_RE = _words(_CALL_TO_ACTION)
_TELEGRAM_WORD_RE = _words(_TELEGRAM_WORD)
_MESSENGER_WORD_RE = _words(_MESSENGER_WORD)


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
        if isinstance(min_submit_ms, bool) or not isinstance(min_submit_ms, int):
            raise TypeError("min_submit_ms must be an integer (milliseconds)")
        if min_submit_ms < 0:
            raise ValueError("min_submit_ms cannot be negative (0 turns the check off)")
        self.min_submit_ms = min_submit_ms
        self.blocked = _domains("blocked_domains", blocked_domains)
        self.allowed = _domains("allowed_domains", allowed_domains)
        self.shorteners = SHORTENERS | _domains("extra_shorteners", extra_shorteners)
        known = sorted(self.shorteners | TELEGRAM_HOSTS | WHATSAPP_HOSTS, key=len, reverse=True)
        # known hosts are found without http:// and disguised too ("bit . ly/x", "t[.]me/x")
        self._known = re.compile(r"(?<![\w.-])(?=[\w-]{1,12}" + _DOT + r")(?:"  # cheap test first
                                 + "|".join(_host_pattern(h) for h in known) + r")(?![\w-])"
                                 r"(?:/[\w+\-/=?&%.#~]*[\w/=])?", re.IGNORECASE)

    def __call__(self, doc: Doc) -> None:
        folded = _Folded.of(doc.attrs["normalized"])
        links = self._links(doc.text)
        kinds: dict[str, _Kind] = {}
        self._link_kinds(doc.text, links, kinds)
        self._contacts(doc.text, folded, links, kinds)
        self._words(doc.text, folded, kinds)
        if "links" in kinds or "contact" in kinds:
            calls = list(_CALL_TO_ACTION_RE.finditer(folded.text))
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
                "several spam signs together: " + ", ".join(_KIND_NAME[name] for name in kinds),
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
        for m in _BARE.finditer(text):
            add(m.start(), m.group(), False)
        return sorted(found, key=lambda link: link.start)

    def _link_kinds(self, text: str, links: list[_Link], kinds: dict[str, _Kind]) -> None:
        counted = [link for link in links if not _under(link.host, self.allowed)]
        # Telegram and WhatsApp links are contact details (below), not links to read
        plain = [link for link in counted
                 if link.host not in TELEGRAM_HOSTS and not _under(link.host, WHATSAPP_HOSTS)]
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
            if link.host in TELEGRAM_HOSTS:
                invite = link.path.startswith(("/+", "/joinchat"))
                _note(kinds, "contact", TELEGRAM_INVITE if invite else TELEGRAM_LINK,
                      "Telegram invite link" if invite else "Telegram link", span)
            elif _under(link.host, WHATSAPP_HOSTS):
                _note(kinds, "contact", WHATSAPP_LINK, "WhatsApp link", span)

    def _contacts(self, text: str, folded: _Folded, links: list[_Link], kinds: dict[str, _Kind]) -> None:
        def in_link(pos: int) -> bool:
            return any(link.start <= pos < link.end for link in links)

        telegram_talk = bool(_TELEGRAM_WORD_RE.search(folded.text))
        messenger_talk = telegram_talk or bool(_MESSENGER_WORD_RE.search(folded.text))
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
        for m in _WORDS_RE.finditer(folded.text):
            i = next((i for i, p in enumerate(_WORD_PATTERNS) if p.fullmatch(m.group())), None)
            if i is not None:
                hits.setdefault(_WORDS[i][0], {}).setdefault(i, []).append(folded.span(*m.span()))
        for kind, by_pattern in hits.items():
            words = list(dict.fromkeys(" ".join(text[s:e].split()) for group in by_pattern.values() for s, e in group))
            kinds[kind] = _Kind(
                min(WORDS_MAX, _noisy_or(_WORDS[i][1] for i in by_pattern)),
                f"{_KIND_REASON[kind]}: " + ", ".join(f"«{word}»" for word in words[:5]),
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
