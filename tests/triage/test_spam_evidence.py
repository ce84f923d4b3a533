"""spam.v2: a way to reach the sender plus commercial content is flagged, in five languages;
civil comments citing news, courts or the ICRC, quoting prices or naming a politician's
channel are not; every finding points at its evidence.

The scores were chosen on the shared datasets (``python -m benchmarks.spam_eval``); the cases
below were written afterwards, to check them, not to tune them.
"""

import re

import pytest

from civility.triage import policy
from civility.triage.pipeline import ConfigError, Pipeline
from civility.triage.signals.spam_evidence import SpamEvidence
from civility.triage.spam_tables import tables
from civility.triage.types import Subject
from tests.triage import test_spam as v1

NORMALIZE = {"signal": "normalize.v1"}


def run(text: str, client: dict | None = None, **options):
    pipe = Pipeline.from_config([NORMALIZE, {"signal": "spam.v2", "options": options}])
    doc = pipe.run(Subject(text=text, client=client or {}))
    assert not doc.errors, doc.errors
    return doc, policy.assess(doc)


def kinds(doc) -> dict[str, float]:
    return {f.evidence["kind"]: f.score for f in doc.findings}


def shown(doc, text: str, kind: str) -> list[str]:
    return [text[s:e] for f in doc.findings if f.evidence["kind"] == kind for s, e in f.spans]


SPAM = [
    ("en", "Earn 500$ per day from home, write to me on Telegram @rich_life_boss"),
    ("en", "Best online casino bonus 200% on first deposit! Register now: https://bit.ly/3xYzAb"),
    ("en", "Crypto investment with 30% monthly profit, DM me for details t.me/profit_team"),
    ("en", "HUGE DISCOUNT today only: iPhone 15 for $399 at cheap-phones.shop 🔥🔥🔥"),
    ("en", "I made $4,200 last week trading bitcoin with my account manager, contact him on WhatsApp +1 202 555 0143"),
    ("ru", "Заработок от 3000 рублей в день без вложений! Пишите в личку или в телеграм @dengi_bystro"),
    ("ru", "Казино с бонусом 100% на первый депозит, промокод WIN2024 — переходи по ссылке clck.ru/36aBcD"),
    ("ru", "Срочно нужны люди на удалёнку, оплата каждый день, подробности в ЛС"),
    # Latin look-alike letters mixed into Russian, and Russian typed in Latin letters
    ("ru", "ЗАPAБOTOK B ИНTEPHETE от 5000 ₽ в день, пиши @rabota_online"),
    ("ru", "zarabotok v internete ot 5000 rub v den, pishi v ls"),
    ("tr", "Evden çalışarak günde 1000 TL kazanın! Detaylar için WhatsApp: +90 532 111 22 33"),
    ("tr", "Deneme bonusu veren en iyi bahis sitesi, hemen üye ol: bit.ly/bahis-bonus"),
    ("tr", "Sadece bugün %50 indirim! Sipariş için DM'den yazın @indirim_magaza"),
    ("az", "Evdən işləyərək gündə 50 AZN qazan! Ətraflı məlumat üçün yazın: t.me/qazanc_az"),
    ("az", "Təcili kredit, zaminsiz! Zəng edin: 050 123 45 67"),
    ("az", "Onlayn kazino bonusu 200%! Telegram kanalımıza qoşul: @kazino_bonus_az"),
    ("hy", "Տնից աշխատանք, օրական 20000 դրամ, գրեք տելեգրամ @ashxatanq_bot"),
    ("hy", "Առցանց կազինո, բոնուս 100%, գրանցվեք հիմա՝ bit.ly/hy-bonus"),
    ("hy", "Զեղչ 50% միայն այսօր, զանգահարեք 091 12 34 56"),
    # Armenian typed in Latin letters
    ("hy", "tnic ashxatanq, orakan 15000 dram, grek telegram @gorc_am"),
    # ads that sell a thing, with a shop's address or number and "order/book/call now"
    ("en", "Wine tours in Areni, 3 bottles for the price of 2 this month, book now at areni-wine-trips.com"),
    ("ru", "Туры на Севан от 15 000 руб., места ограничены! Бронируйте по номеру +7 900 123-45-67"),
    ("tr", "Kars kaşarı toptan fiyatına, sipariş verin: kars-peynir.shop"),
    ("az", "Şəki halvası evə çatdırılma ilə, 12 manat, indi zəng edin: 055 987 65 43"),
    ("hy", "Թարմ մեղր Սյունիքից, 5000 դրամ կիլոն, պատվիրեք՝ 093 11 22 33"),
    # a link with a space before its dot, a loan within minutes, "click my profile" (2026-12-07)
    ("tr", "Instagram takipçi paketleri en uygun fiyata, 5K takipçi sadece 99 TL: takipcim .shop"),
    ("az", "Kredit 10 dəqiqəyə, heç bir sənəd lazım deyil! Zəng edin: 055 123 44 55"),
    ("tr", "Kripto botumuzla günde %5 kazanç, ilk 30 kişiye ücretsiz. Profilime tıklayın 💸"),
    # a phone number spelled out or typed with look-alike letters, a messenger named with an id,
    # "write in direct" as az, tr and hy readers type it (2026-12-07)
    ("en", "Certified gold coins, 20% under the jeweller's price. Call Tigran 094 five five one 23 47"),
    ("ru", "Диплом любого вуза недорого, 100% гарантия. Ватсап +7 9ЗЗ 55О 12 34"),
    ("tr", "Kapıda ödeme, 1500 TL'ye orijinal saat. Tel: sıfır beş yüz otuz iki 611 28 90"),
    ("hy", "iPhone 15 Dubaic, 420 000 dram, erashxiqov. Insta: yerevan.phone.shop"),
    ("az", "Instagram izləyici satılır, 1000 izləyici 5 AZN. Direktə yazın"),
    ("tr", "Evden çalışarak günde 800 TL kazanç, ciddi olanlar DM"),
    ("hy", "Տնից աշխատանք, ամսական 300 000 դրամ, գրեք դիրեկտ"),
]

HAM = [
    ("en", "Gas now costs 300 drams and the government says nothing. Source: https://news.am/eng/news/812345.html"),
    ("en", "The ICRC statement is here: https://www.icrc.org/en/document/armenia-azerbaijan-humanitarian-access "
           "and it is clear."),
    ("en", "The court ruling is public: https://hudoc.echr.coe.int/eng?i=001-123456 — read paragraph 45 first."),
    ("en", "See https://en.wikipedia.org/wiki/Lachin_corridor for the history; prices there rose 40% in a year."),
    ("en", "Pashinyan wrote on his Telegram channel @nikolpashinyan that fuel will cost 10% more from Monday."),
    ("en", "@maria_k you are right, bread costs 500 drams now and pensions did not move."),
    ("en", "Teachers earn 300 manat a month. Write to your MP, this is a scandal."),
    ("en", "Free elections now! The opposition must act today, there is no time left."),
    ("ru", "Бензин уже стоит 600 драм, а правительство молчит: https://www.azatutyun.am/a/32800000.html"),
    ("ru", "Пашинян написал в телеграм-канале @nikolpashinyan, что цены на газ вырастут на 10%."),
    ("ru", "Срочно нужна независимая комиссия, пишите депутатам, это касается всех."),
    ("tr", "Benzin 45 TL oldu, haber burada: https://www.hurriyet.com.tr/ekonomi/benzin-zammi-123456"),
    ("tr", "Merkez Bankası faizi %50'ye çıkardı, kredi almak artık imkansız."),
    ("az", "Benzinin qiyməti 1 manat 20 qəpik oldu, xəbər: https://report.az/iqtisadiyyat/benzin-123"),
    ("az", "Nazir öz Telegram kanalında @nazirlik_az yazıb ki, maaşlar 10% artacaq."),
    ("hy", "Գազն այժմ արժե 300 դրամ, տես https://news.am/arm/news/812345.html"),
    ("hy", "Վարչապետը տելեգրամյան ալիքում՝ @nikolpashinyan, գրել է, որ գները 10%-ով կբարձրանան։"),
    ("en", "Hotels in Goris are full for the festival, book now if you plan to go: https://news.am/eng/news/812399.html"),
    ("ru", "Если видите раненых, звоните сейчас же в скорую, не ждите."),
    ("en", "Talks resume on Monday .It was a long week for the negotiators."),
    ("az", "Bank kreditlərinin faizi 20%-ə qalxıb, 10 dəqiqəlik xəbərdə deyildi."),
]


@pytest.mark.parametrize(("lang", "text"), SPAM + v1.SPAM,
                         ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(SPAM + v1.SPAM)])
def test_spam_is_flagged_and_explained(lang, text):
    doc, report = run(text)
    assert report.scores["spam"] >= 0.5, [f.as_dict() for f in doc.findings]
    flag = next(f for f in report.flags if f["label"] == "spam")
    assert flag["spans"] and flag["reason"]
    roles = {f.evidence["role"] for f in doc.findings if f.evidence["kind"] != "combined"}
    assert roles & {"cue", "both"}, "a flag names the commercial content it saw"


@pytest.mark.parametrize(("lang", "text"), HAM + v1.HAM,
                         ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(HAM + v1.HAM)])
def test_civil_comments_are_not_flagged(lang, text):
    doc, report = run(text)
    assert report.scores["spam"] < 0.5, [f.as_dict() for f in doc.findings]
    assert not report.flags


def test_a_phone_number_typed_to_dodge_filters_is_a_contact():
    for text, number in (("Call Tigran 094 five five one 23 47 today", "094 five five one 23 47"),
                         ("Ватсап +7 9ЗЗ 55О 12 34", "+7 9ЗЗ 55О 12 34"),
                         ("WhatsApp 0 5 1 7 7 7 2 3 1 4", "0 5 1 7 7 7 2 3 1 4")):
        doc, _ = run(text)
        assert shown(doc, text, "contact") == [number], text
    # digits in an id, a survey's age ranges, a year and a count are no phone number
    for text in ("[id345362376|Виктор], плюс генетика, это же видно",
                 "Yaş grubunuz? 18 altı 18-30 30-45 45 üstü",
                 "In 2023 about 100 000 people left in one week",
                 "Dosya telif problemi    Album 1167 300 300.jpg"):
        assert "contact" not in kinds(run(text)[0]), text


def test_a_messenger_id_and_direct_messages_are_channels_but_never_flag_alone():
    for text in ("Dilekçe linki profilimde, imzalamayı unutmayın.", "telegram: news_am_official, read it there",
                 "Ig - yerevan_bakery_official, the whole interview is there",
                 "Подробности в профиле издания, статья вышла вчера."):
        doc, report = run(text)
        assert {f.evidence.get("role") for f in doc.findings} & {"channel"}, text
        assert report.scores["spam"] < 0.5, text


def test_several_contact_phrases_without_anything_to_sell_stay_under_the_line():
    # two strong "write me privately" phrases once combined to 0.51 in the word kind's own
    # finding (kind_cap) and flagged with no commercial content at all
    for text in ("Пишите мне в личку, подробности в ЛС, если есть вопросы по статье",
                 "Write me on WhatsApp or DM me, I was in Stepanakert that week and can tell you more"):
        doc, report = run(text)
        assert kinds(doc).get("private", 0) > 0, text
        assert report.scores["spam"] < 0.5, text


def test_contact_and_details_are_a_channel_only_where_they_point_somewhere():
    for text in ("The ministry would not share details, and the families lost contact with them in May.",
                 "OCCRP's laundromat files: https://www.occrp.org/en/azerbaijanilaundromat worth reading"):
        doc, _ = run(text)
        # at most a weak hit, under the weakest channel that pairs with a cue
        assert kinds(doc).get("private", 0) < SpamEvidence().s["min_channel"], text
    for text in ("Contact Mrs. Linda on WhatsApp, she doubled my savings", "Details in my profile",
                 "Write + below and I'll send details"):
        doc, _ = run(text)
        assert kinds(doc).get("private", 0) >= 0.2, text


def test_without_a_channel_only_a_sure_model_reading_adds_up_with_a_strong_word_cue():
    from civility.triage.signals.spam_evidence import _Kind

    signal = SpamEvidence()
    sure = signal.s["model_alone_at"]
    brand = _Kind(0.3, "betting brand")
    for spam, flagged in ((sure, True), (sure - 0.05, False)):
        model = _Kind(signal.s["model"], "the classifier's reading", evidence={"spam": spam})
        score, _ = signal._combine({"brand": brand, "model": model})
        assert (score >= 0.5) is flagged, spam
    weak = _Kind(0.1, "weak offer")
    score, _ = signal._combine({"offer": weak, "model": _Kind(signal.s["model"], "", evidence={"spam": 0.99})})
    assert score < 0.5, "a sure reading beside a weak word is still no flag"


def test_reference_sites_are_no_channel_at_all():
    for text in (HAM[1][1], HAM[2][1], "Full text: https://www.gov.uk/government/news/x, 20% of it redacted."):
        assert "links" not in kinds(run(text)[0]), text


def test_the_combined_finding_names_the_channel_and_the_cue():
    text = "Earn $500 a day from home! Details: bit.ly/abc123, write @rich_boss on Telegram"
    doc, report = run(text)
    combined = next(f for f in doc.findings if f.evidence["kind"] == "combined")
    assert "a way to reach the sender" in combined.reason and "shortened link" in combined.reason
    assert "easy money" in combined.reason
    assert shown(doc, text, "shortener") == ["bit.ly/abc123"]
    assert shown(doc, text, "contact") == ["@rich_boss"]
    assert shown(doc, text, "earnings") == ["Earn $500 a day"]
    assert report.flags[0]["reason"].startswith("a way to reach the sender")


def test_look_alike_letters_are_read_in_the_comment_s_script():
    text = "ЗАPAБOTOK B ИНTEPHETE от 5000 ₽ в день, пиши @rabota_online"  # P, A, B, O, T, K, H, E are Latin
    doc, _ = run(text)
    assert "ЗАPAБOTOK" in shown(doc, text, "earnings")
    assert any(span.startswith("ЗАPAБOTOK B ИНTEPHETE от 5000 ₽ в день") for span in shown(doc, text, "earnings"))


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Пишите @someuser", "contact", "@someuser"),
    ("звоните 8 (900) 123-45-67", "contact", "8 (900) 123-45-67"),
    ("call 0800 195 6669", "contact", "0800 195 6669"),
    ("txt WIN to 83355", "private", "txt WIN to 83355"),
    ("Пишите в ЛС", "private", "Пишите в ЛС"),
    ("cheap-phones.shop", "links", "cheap-phones.shop"),
    ("link in bio", "private", "link in bio"),
    ("detaylar profilde", "private", "detaylar profilde"),
    ("ссылка в профиле", "private", "ссылка в профиле"),
])
def test_channels_are_found(text, kind, expected):
    doc, report = run(text)
    assert expected in shown(doc, text, kind)
    assert not report.flags, "a channel alone is never spam"


def test_self_promotion_is_a_channel_and_an_advert_at_once():
    doc, report = run("Subscribe to my channel, new video every day")
    assert kinds(doc)["selfpromo"] == pytest.approx(0.3) and report.flags
    assert not run("I said the same on my channel last year.")[1].flags


@pytest.mark.parametrize(("text", "kind"), [
    ("тот, кто платит 50 000 ₽", "money"), ("rose 40%", "money"), ("%50 indirim", "offer"),
    ("free spins", "gambling"), ("1xbet", "brand"), ("ставки на спорт", "betting"), ("USDT", "crypto"),
    ("займы без отказа", "loans"), ("только сегодня", "urgency"), ("sadece bugün", "urgency"),
    ("təcili", "urgency"), ("hemen", "urgency"), ("you have won", "prize"), ("evden çalış", "earnings"),
    ("պասիվ եկամուտ", "earnings"), ("click here", "cta"), ("💰💰🔥 yes", "emoji"),
    ("order today", "cta"), ("бронируйте", "cta"), ("պատվիրեք", "cta"),
    ("места ограничены", "urgency"), ("only a few seats left", "urgency"), ("3 for the price of 2", "offer"),
])
def test_cues_are_found(text, kind):
    assert kind in kinds(run(text)[0]), text


def test_a_listed_spam_domain_is_evidence_not_a_verdict():
    alone = run("The odds on bet365.com say he wins.")[0]
    assert kinds(alone)["spam_domain"] == pytest.approx(0.35)
    assert "bet365.com, on the gambling domain list" in next(f.reason for f in alone.findings
                                                            if f.evidence["kind"] == "spam_domain")
    assert policy.assess(alone).scores["spam"] < 0.5
    _, report = run("Bonus 100% on your first deposit: https://www.bet365.com/promo")
    assert report.scores["spam"] >= 0.5


def test_an_at_mention_of_a_reader_does_not_pair_with_money_words():
    _, report = run("@caseykim12 your sole purpose is to make money, admit it")
    assert report.scores["spam"] < 0.5


def test_keyword_stuffing_and_repeated_links():
    found = kinds(run("buy buy buy buy cheap watches now buy " + "cheap " * 2)[0])
    assert "stuffing" in found
    links = kinds(run("spamsite.xyz spamsite.xyz spamsite.xyz go")[0])
    assert "stuffing" in links and "links" in links


def test_widget_evidence_is_kept_from_v1():
    assert kinds(run(v1.CIVIL, client={"honeypot": "x"})[0]) == {"honeypot": 0.9}
    assert run(v1.CIVIL, client={"elapsed_ms": 45_000})[0].findings == []
    _, report = run("Great article! https://example.org/deal", client={"elapsed_ms": 2500})
    assert report.scores["spam"] >= 0.5


def test_options_are_those_of_v1():
    doc, report = run("More: https://shop.spam-pharma.example/buy", blocked_domains=["spam-pharma.example"])
    assert kinds(doc)["blocked"] == 0.9 and report.flags
    assert run("Earlier: https://www.gazette.az/news/1", allowed_domains=["gazette.az"])[0].findings == []
    assert "shortener" in kinds(run("see lnk.example/abc", extra_shorteners=["lnk.example"])[0])
    with pytest.raises(ValueError, match="negative"):
        SpamEvidence(min_submit_ms=-1)
    with pytest.raises(ValueError, match="not a domain name"):
        SpamEvidence(blocked_domains=["https://x.example/"])
    with pytest.raises(TypeError):
        SpamEvidence(blocked_domains="spam.example")


def test_needs_the_normalizer_first():
    with pytest.raises(ConfigError, match="T003"):
        Pipeline.from_config([{"signal": "spam.v2"}])


def test_tables_are_data_loaded_once_and_versioned():
    assert tables() is tables()
    assert SpamEvidence().version == f"spam.v2+{tables().version}"
    assert len(tables().spam_domains) > 10_000
    assert "icrc.org" not in tables().spam_domains
    assert {kind.role for kind in tables().kinds.values()} == {"channel", "cue", "both"}


def test_the_default_pipeline_runs_spam_v2():
    from django.conf import settings

    assert {"signal": "spam.v2"} in settings.CIVILITY_TRIAGE_PIPELINE


def test_a_strong_channel_pairs_with_the_weakest_cue():
    doc, report = run("Free, call +44 7911 123456")
    assert kinds(doc)["offer"] == pytest.approx(0.1) and report.scores["spam"] >= 0.5


def test_no_word_pattern_repeats_digits_without_a_bound():
    """"[\\d .,]*" at every word start of "1.1.1.1…" scanned to the end each time: 20,000
    characters took 5 s of CPU. Runs of digits in the word tables are bounded ({0,15})."""
    from civility.triage.spam_tables import DATA

    unbounded = re.compile(r"\[[^\]]*\\d[^\]]*\][*+]")
    text = (DATA / "words.toml").read_text(encoding="utf-8")
    assert [line.strip()[:60] for line in text.splitlines() if unbounded.search(line)] == []


@pytest.mark.parametrize(("text", "kind"), [
    ("Get 5000 Instagram followers today", "growth"), ("купить подписчиков", "growth"),
    ("10 000 gerçek takipçi", "growth"), ("Viagra and cialis", "pharmacy"), ("виагра без рецепта", "pharmacy"),
    ("USDT exchange in Baku", "exchange"), ("лучший курс обмена", "exchange"),
    ("Girls in Ganja want to meet you", "dating"), ("Bakının gözəl qızları səni gözləyir", "dating"),
])
def test_commercial_kinds_of_the_second_table(text, kind):
    assert kind in kinds(run(text)[0]), text


def test_a_cheap_domain_ending_is_a_channel_that_never_flags_alone():
    doc, report = run("Here is my blog about the war: myblog.xyz")
    assert kinds(doc)["abused_tld"] == pytest.approx(0.3)
    assert report.scores["spam"] < 0.5
    _, report = run("Lonely tonight? Girls in Yerevan want to meet you >> dating-yerevan.club")
    assert "spam" in {f["label"] for f in report.flags}
    doc, report = run("Read the full report: https://news.am/eng/news/123 and the exchange rate at cba.am")
    assert "abused_tld" not in kinds(doc) and report.scores["spam"] < 0.5


def test_a_disguised_link_and_what_its_name_sells():
    doc, report = run("F R E E  s p i n s → c4sino-az . com")
    assert {"disguised", "gambling"} <= set(kinds(doc)) and "spam" in {f["label"] for f in report.flags}
    doc, report = run("He resigned . It was about time . com")
    assert "gambling" not in kinds(doc) and report.scores["spam"] < 0.5
    doc, report = run("Read https://www.casino-history-museum.org/exhibit about the old Baku casino")
    assert report.scores["spam"] < 0.5


def _after_a_model_that_reads(spam: float):
    """spam.v2 after a stand-in for classifier.v1 that leaves one spam score in ``doc.attrs``."""
    def run_with(text: str):
        pipe = Pipeline.from_config([NORMALIZE])
        doc = pipe.run(Subject(text=text, client={}))
        doc.attrs["classifier"] = {"spam": spam, "toxic": 0.1}
        SpamEvidence()(doc)
        return doc, policy.assess(doc)

    return run_with


def test_the_classifier_s_reading_is_a_cue_that_needs_a_channel():
    # an Armenian ad with no word of the tables: the model's reading and a link flag it together
    ad = "Մեր խանութում նոր ձմեռային վերմակներ են https://shop-hy.example.com/vermak"
    assert kinds(run(ad)[0]) == {"links": tables().scores["link"]}  # alone: a plain link
    doc, verdict = _after_a_model_that_reads(0.9)(ad)
    assert kinds(doc)["model"] == tables().scores["model"]
    assert verdict.scores["spam"] >= policy.FLAG_AT["spam"]
    assert "classifier" in next(f.reason for f in doc.findings if f.evidence["kind"] == "model")
    # the same reading without a way to reach the sender is a hint, not a flag, unless the model is
    # sure (model_alone_at) and a strong word cue agrees
    offer = "Միայն այսօր՝ մեր նոր առաջարկը, շտապեք"  # + urgency words
    doc, verdict = _after_a_model_that_reads(0.85)(offer)
    assert {"model", "urgency"} <= set(kinds(doc)) and verdict.scores["spam"] < policy.FLAG_AT["spam"]
    doc, verdict = _after_a_model_that_reads(tables().scores["model_alone_at"])(offer)
    assert verdict.scores["spam"] >= policy.FLAG_AT["spam"]
    # below the model's own threshold it is no cue at all
    doc, verdict = _after_a_model_that_reads(0.3)(ad)
    assert "model" not in kinds(doc) and verdict.scores["spam"] < policy.FLAG_AT["spam"]


def test_the_classifier_leaves_every_head_s_score_for_later_signals():
    pipe = Pipeline.from_config([NORMALIZE, {"signal": "classifier.v1", "options": {"heads": ["toxic"]}}])
    doc = pipe.run(Subject(text="Casino bonus 300% today only, write to me", client={}))
    assert set(doc.attrs["classifier"]) >= {"toxic", "hate", "insult", "threat", "obscene", "spam"}
    assert not any(f.label == "spam" for f in doc.findings)  # scored, not reported
