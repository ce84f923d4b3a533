"""Spam heuristics: what is flagged, what is not, and that every span points at the evidence."""

import pytest

from civility.triage import policy
from civility.triage.pipeline import Pipeline
from civility.triage.services import subject_for
from civility.triage.signals.spam import SpamHeuristics
from civility.triage.types import Subject
from tests.conftest import approve, submit

NORMALIZE = {"signal": "normalize.v1"}


def run(text: str, client: dict | None = None, **options):
    pipe = Pipeline.from_config([NORMALIZE, {"signal": "spam.v1", "options": options}])
    doc = pipe.run(Subject(text=text, client=client or {}))
    assert not doc.errors, doc.errors
    return doc, policy.assess(doc)


def kinds(doc) -> dict[str, float]:
    return {f.evidence["kind"]: f.score for f in doc.findings}


# (language, text): each must be flagged as spam
SPAM = [
    ("en", "Earn $500 a day from home! Details: bit.ly/abc123, write @rich_boss on Telegram"),
    ("en", "ONLINE CASINO Vavada: free spins and no deposit bonus, promo code WIN500"),
    ("en", "Instant loans, no credit check! WhatsApp +44 7911 123456"),
    ("en", "Crypto signals with guaranteed profits, join now: t.me/joinchat/AAAAEk"),
    ("ru", "Заработок в интернете от 5000 ₽ в день! Пиши в телеграм @easy_money_bot"),
    ("ru", "Онлайн казино с фриспинами и бездепозитным бонусом: clck.ru/3AbCd"),
    ("ru", "Займы онлайн без отказа на карту, пишите в WhatsApp +7 900 123-45-67"),
    ("ru", "Беспроигрышные ставки на спорт, договорные матчи — подробности в тг @fixed_win"),
    ("tr", "Günde 500 TL kazan! Evden çalışarak para kazanmak için tıkla: cutt.ly/xyz"),
    ("tr", "Deneme bonusu veren siteler, canlı bahis ve bedava spin: bit.ly/bahis2024"),
    ("tr", "Kefilsiz kredi, anında onay! WhatsApp +90 532 123 45 67"),
    ("tr", "İNTERNETTEN PARA KAZANMAK ÇOK KOLAY, DENEME BONUSU VEREN SİTELER"),
    ("az", "Evdən işləyərək gündə 100 AZN qazanın! WhatsApp +994 50 123 45 67"),
    ("az", "Təcili kredit verilir, zaminsiz! Əlaqə saxlayın: +994 55 765 43 21"),
    ("az", "Onlayn kazino, pulsuz spinlər və idman mərc oyunları: t.me/az_bet_bonus"),
    ("az", "İnternetdən pul qazanmaq istəyirsən? Teleqram @qazanc_az yazın"),
    ("hy", "Տնից աշխատանք, օրական 20000 դրամ վաստակ։ Գրեք տելեգրամ @armwork_bot"),
    ("hy", "Առցանց կազինո, անվճար սպիններ՝ bit.ly/hy-casino"),
    ("hy", "Ակնթարթային վարկ առանց գրավի, զանգահարեք WhatsApp +374 91 123456"),
]

# (language, text): ordinary news discussion, each must stay below the flag line
HAM = [
    ("en", "The full report is at https://www.bbc.com/news/world-europe-12345678 and it says otherwise. "
           "The minister claimed the opposite yesterday, which is simply not true."),
    ("en", "I bet the minister will resign before the summer. Our best bet is new elections."),
    ("en", "Gas costs 100 rubles now and wages have not moved in two years."),
    ("en", "The minister posted on his Telegram channel @nikolpashinyan that the talks will go on."),
    ("en", "The casino lobby wants sports betting legalised, and the bill is a disgrace."),
    ("en", "Teachers earn 300 manat a month. That is the real scandal."),
    ("en", "Bitcoin fell again; crypto is just another casino."),
    ("en", "His statement is on t.me/nikolpashinyan and on primeminister.am, read it."),
    ("en", "Call the hotline on +994 12 555 55 55 if you saw the accident."),
    ("en", "I don't. Me neither. He should resign.It is over."),
    ("ru", "Бензин уже стоит 100 рублей, а зарплаты не растут."),
    ("ru", "Пашинян написал в своём телеграм-канале @nikolpashinyan, что переговоры продолжатся."),
    ("ru", "ЦБ снова поднял ключевую ставку, кредиты станут дороже."),
    ("ru", "Вот оригинал: https://meduza.io/news/2024/01/01/abc — там всё написано иначе."),
    ("ru", "Зарплаты и заработки врачей в регионах не растут уже пятый год."),
    ("tr", "Seçimi kim kazanacak? Bence bahis konusu olan mesele ekonomi."),
    ("tr", "Galatasaray dün 3-0 kazandı, tebrikler."),
    ("tr", "Benzin 45 TL oldu, maaşlar yerinde sayıyor."),
    ("tr", "Merkez Bankası faizi artırdı, krediler pahalanacak."),
    ("az", "Şirkətin qazancı bu il 2 milyon manat artıb, amma işçilərin maaşı artmayıb."),
    ("az", "Benzinin qiyməti 1 manat oldu, kredit faizləri də artıb."),
    ("az", "Nazir öz Telegram kanalında @nazirlik_az yazıb ki, danışıqlar davam edir."),
    ("hy", "Բենզինն արդեն 500 դրամ է, իսկ աշխատավարձերը նույնն են։"),
    ("hy", "Վարչապետը իր տելեգրամյան ալիքում՝ @nikolpashinyan, գրել է, որ բանակցությունները շարունակվում են։"),
    ("hy", "Հոդվածի աղբյուրը՝ https://news.am/arm/news/123456.html, այնտեղ այլ բան է գրված։"),
]


@pytest.mark.parametrize(("lang", "text"), SPAM, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(SPAM)])
def test_spam_is_flagged(lang, text):
    doc, report = run(text)
    assert report.scores["spam"] >= 0.5, [f.as_dict() for f in doc.findings]
    flag = next(f for f in report.flags if f["label"] == "spam")
    assert flag["spans"] and flag["reason"]


@pytest.mark.parametrize(("lang", "text"), HAM, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(HAM)])
def test_news_discussion_is_not_flagged(lang, text):
    doc, report = run(text)
    assert report.scores["spam"] < 0.5, [f.as_dict() for f in doc.findings]
    assert not report.flags


def test_one_news_link_in_a_comment_is_normal():
    doc, report = run(HAM[0][1])
    assert report.scores["spam"] <= 0.15
    assert kinds(doc) == {"links": 0.1}
    assert doc.findings[0].evidence["hosts"] == ["bbc.com"]


def test_prices_and_ordinary_bets_find_nothing():
    for text in ("Gas costs 100 rubles now", "I bet he loses", "Бензин стоит 100 рублей", "Seçimi kim kazanacak?"):
        assert run(text)[0].findings == [], text


def test_shortener_money_and_telegram_together_pass_the_line_none_alone():
    doc, report = run(SPAM[0][1])
    assert report.scores["spam"] >= 0.5
    found = kinds(doc)
    assert {"shortener", "contact", "earnings"} <= set(found)
    assert all(score < 0.5 for kind, score in found.items() if kind != "combined")
    assert found["combined"] > 0.7
    combined = next(f for f in doc.findings if f.evidence["kind"] == "combined")
    assert "shortened link" in combined.reason and "contact details" in combined.reason


def test_spans_point_at_the_original_text():
    text = "Kaçırmayın!! İNTERNETTEN PARA KAZANMAK çok kolay → BIT.LY/Ab12 ve Telegram: @Kolay_Para"
    doc, _ = run(text)
    shown = {f.evidence["kind"]: [text[s:e] for s, e in f.spans] for f in doc.findings}
    assert shown["earnings"] == ["İNTERNETTEN PARA KAZANMAK"]
    assert shown["shortener"] == ["BIT.LY/Ab12"]
    assert shown["contact"] == ["@Kolay_Para"]
    assert "«İNTERNETTEN PARA KAZANMAK»" in next(f.reason for f in doc.findings if f.evidence["kind"] == "earnings")


@pytest.mark.parametrize(("text", "link"), [
    ("free cash: bit . ly/abc", "bit . ly/abc"),
    ("пишите t[.]me/rich_bot", "t[.]me/rich_bot"),
    ("go to cutt (dot) ly/x1", "cutt (dot) ly/x1"),
])
def test_disguised_links_are_found(text, link):
    doc, _ = run(text)
    found = kinds(doc)
    assert found["disguised"] == 0.4
    spans = next(f.spans for f in doc.findings if f.evidence["kind"] == "disguised")
    assert [text[s:e] for s, e in spans] == [link]


def test_many_links_and_bare_links_add_up_but_stay_evidence():
    three = "See a.com/x, b.org/y and https://c.net/z for the sources I mentioned earlier in the thread."
    assert kinds(run(three)[0]) == {"links": pytest.approx(0.3)}
    only = "https://example.org/promo"
    doc, report = run(only)
    assert kinds(doc) == {"links": 0.3} and "hardly any text" in doc.findings[0].reason
    assert not report.flags


def test_email_addresses_are_not_handles_or_links():
    assert run("Write to the editor: letters@news.example or editor@gazette.az")[0].findings == []


# --- the widget's evidence --------------------------------------------------------------------

CIVIL = "I think the council should publish the budget before the vote."


def test_without_client_evidence_nothing_is_suspected():
    assert run(CIVIL)[0].findings == []
    assert run(CIVIL, client={"honeypot": "", "elapsed_ms": 45_000})[0].findings == []


def test_a_filled_honeypot_is_strong_evidence():
    doc, report = run(CIVIL, client={"honeypot": "http://spam.example"})
    assert kinds(doc) == {"honeypot": 0.9}
    assert report.flags[0]["label"] == "spam"


@pytest.mark.parametrize(("elapsed", "expected"), [(0, 0.65), (1500, 0.5), (2999, 0.35), (3000, None),
                                                   (60_000, None), (-5, None), ("fast", None), (True, None)])
def test_time_to_submit(elapsed, expected):
    doc, _ = run(CIVIL, client={"elapsed_ms": elapsed})
    assert kinds(doc).get("fast") == (pytest.approx(expected, abs=0.001) if expected is not None else None)


def test_time_to_submit_check_can_be_turned_off():
    assert run(CIVIL, client={"elapsed_ms": 10}, min_submit_ms=0)[0].findings == []


def test_fast_submission_with_a_link_is_flagged():
    _, report = run("Great article! https://example.org/deal", client={"elapsed_ms": 2500})
    assert report.scores["spam"] >= 0.5


# --- options ----------------------------------------------------------------------------------

def test_blocked_domains_are_flagged_subdomains_too():
    doc, report = run("More here: https://shop.spam-pharma.example/buy now", blocked_domains=["spam-pharma.example"])
    assert kinds(doc)["blocked"] == 0.9
    assert "spam-pharma.example" in report.flags[0]["reason"]


def test_allowed_domains_are_not_counted():
    doc, _ = run("Our earlier story: https://www.gazette.az/news/1 and gazette.az/news/2",
                 allowed_domains=["gazette.az"])
    assert doc.findings == []


def test_extra_shorteners():
    assert "shortener" in kinds(run("see lnk.example/abc", extra_shorteners=["lnk.example"])[0])


@pytest.mark.parametrize(("options", "error"), [
    ({"min_submit_ms": -1}, ValueError),
    ({"min_submit_ms": "3s"}, TypeError),
    ({"min_submit_ms": True}, TypeError),
    ({"blocked_domains": "spam.example"}, TypeError),
    ({"blocked_domains": ["https://spam.example/"]}, ValueError),
    ({"allowed_domains": [42]}, TypeError),
    ({"extra_shorteners": ["not a domain"]}, ValueError),
    ({"shorteners": ["x.example"]}, TypeError),
])
def test_bad_options_are_refused(options, error):
    with pytest.raises(error):
        SpamHeuristics(**options)


def test_needs_the_normalizer_first():
    from civility.triage.pipeline import ConfigError

    with pytest.raises(ConfigError, match="T003"):
        Pipeline.from_config([{"signal": "spam.v1"}])


# --- the whole default-ish pipeline, then the policy ---------------------------------------------

FULL = [NORMALIZE, {"signal": "langid.v1"}, {"signal": "spam.v1"}, {"signal": "history.v1"}]


def test_pipeline_and_policy_on_a_spammy_and_a_civil_comment(article, moderator):
    pipe = Pipeline.from_config(FULL)
    regular = submit(article, "Müəllifin fikirləri ilə razı deyiləm, amma məqalə faydalıdır.",
                     email="aysel@example.org")
    approve(moderator, regular)

    civil = submit(article, "Müəllifin fikirləri ilə qətiyyən razı deyiləm, rəqəmlər başqa şey deyir.",
                   email="aysel@example.org")
    report = policy.assess(pipe.run(subject_for(civil, client={"honeypot": "", "elapsed_ms": 42_000})))
    assert report.lang == "az"
    assert report.flags == [] and report.complete
    assert report.risk < 0.1

    spammy = submit(article, SPAM[12][1], email="newcomer@example.org")
    doc = pipe.run(subject_for(spammy, client={"honeypot": "", "elapsed_ms": 900}))
    report = policy.assess(doc)
    assert report.lang == "az"
    assert [f["label"] for f in report.flags] == ["spam"]
    assert doc.attrs["first_timer"] is True
    assert report.risk > 0.5 and report.complete


def test_tables_are_data_read_once():
    from civility.triage.signals.spam import _tables

    assert _tables() is _tables()
    assert "bit.ly" in _tables().shorteners and "t.me" in _tables().telegram_hosts
    assert {kind for kind, _, _ in _tables().words} == set(_tables().reasons)
