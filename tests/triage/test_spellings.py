"""Repeats and campaigns across spellings, shortenings and reorderings (civility.triage.fold, neardup)."""

import pytest

from civility.triage import neardup
from civility.triage.fold import fold
from civility.triage.models import Campaign, TriageReport
from civility.triage.normalize import normalize
from tests.triage.api import post, queue

# our own sentences, each typed the way people type it without the language's keyboard
AZ = ("Şəhərin məktəbləri iki həftədir bağlıdır, uşaqlar evdə oturur və heç kim valideynlərə "
      "cavab vermir.")
AZ_PLAIN = ("Seherin mektebleri iki heftedir baglidir, usaqlar evde oturur ve hec kim valideynlere "
            "cavab vermir.")
TR = "Köprü açılmadan önce kimse güvenlik raporunu okumadı, şimdi de suçlu arıyorlar ve herkes susuyor."
TR_PLAIN = "Kopru acilmadan once kimse guvenlik raporunu okumadi, simdi de suclu ariyorlar ve herkes susuyor."
RU = "Мы требуем открыть дорогу, люди уже неделю ждут лекарства, и никто нам ничего не объясняет."
RU_TRANSLIT = [
    "My trebuem otkryt dorogu, lyudi uzhe nedelyu zhdut lekarstva, i nikto nam nichego ne obyasnyaet.",
    "Mi trebuem otkrit dorogu, ljudi uzhe nedelju zhdut lekarstva, i nikto nam nichego ne ob'jasnjaet.",
]
HY = "Մենք պահանջում ենք բացել ճանապարհը, մարդիկ արդեն մեկ շաբաթ է սպասում են դեղերին։"
HY_LATIN = [
    "Menq pahanjum enq bacel chanaparhy, mardik arden mek shabat e spasum en degherin.",
    "Menk pahanjum enk batsel tchanaparh@, mardik arden mek shabat e spasum en dexerin.",
]

CAMPAIGN = ("The regional council has hidden the water report for three months. Families in the valley "
            "are still drinking from the old wells without any warning. Demand that the council publish "
            "the report today and test every well before the summer. Share this with your neighbours.")
SENTENCES = [s + "." for s in CAMPAIGN.split(". ")]
SENTENCES[-1] = SENTENCES[-1].rstrip(".") + "."
#: about 60% of the words: the accusation and the demand, the rest dropped
SHORTENED = f"{SENTENCES[0]} {SENTENCES[2]}"
#: the same sentences in another order, one word changed
REORDERED = " ".join([SENTENCES[2], SENTENCES[0], SENTENCES[3], SENTENCES[1]]).replace("today", "now")
#: the same words and topic, but other claims: not a copy
SAME_TOPIC = ("The council published the water report three months ago and tested every well in the valley; "
              "families who still drink from the old wells were warned before the summer. Share the report "
              "with your neighbours instead of demanding what is already public.")


def fp(text: str) -> neardup.Fingerprint:
    return neardup.fingerprint(normalize(text).text)


def near(a: str, b: str) -> float:
    return neardup.similar(fp(a).shingles, fp(b).shingles)


# ---------------------------------------------------------------------------- the fold


def test_the_fold_tables_come_from_data_files():
    assert fold("ə ı ş ç ğ ö ü") == "e i s c g o u"
    assert fold("хорошо") == fold("khorosho") == fold("horosho") == fold("xorosho")
    assert fold("люди") == fold("lyudi") == fold("ljudi") == fold("liudi")
    assert fold("ճանապարհ") == fold("chanaparh")


@pytest.mark.parametrize(("marked", "plain"), [(AZ, AZ_PLAIN), (TR, TR_PLAIN)])
def test_azerbaijani_and_turkish_without_diacritics_are_the_same_text(marked, plain):
    assert fp(marked).text_hash == fp(plain).text_hash
    assert fp(marked).bands == fp(plain).bands


@pytest.mark.parametrize("latin", RU_TRANSLIT)
def test_russian_typed_in_latin_letters_is_near_the_cyrillic(latin):
    assert near(RU, latin) >= neardup.SIMILARITY
    assert set(fp(RU).bands) & set(fp(latin).bands)


@pytest.mark.parametrize("latin", HY_LATIN)
def test_armenian_typed_in_latin_letters_is_near_the_armenian(latin):
    assert near(HY, latin) >= neardup.SIMILARITY
    assert set(fp(HY).bands) & set(fp(latin).bands)


def test_other_texts_stay_apart_after_folding():
    for a, b in ((RU, HY), (AZ, TR), (RU, AZ), (CAMPAIGN, SAME_TOPIC)):
        assert near(a, b) == 0


# ---------------------------------------------------------------------------- containment


def test_a_shortened_or_reordered_copy_is_near_by_containment():
    # Jaccard alone misses it
    assert neardup.jaccard(fp(CAMPAIGN).shingles, fp(SHORTENED).shingles) < neardup.SIMILARITY
    assert near(CAMPAIGN, SHORTENED) >= neardup.CONTAINMENT
    assert near(SHORTENED, CAMPAIGN) == near(CAMPAIGN, SHORTENED)
    assert near(CAMPAIGN, REORDERED) >= neardup.SIMILARITY


def test_same_words_with_other_claims_and_quotes_are_not_near():
    assert near(CAMPAIGN, SAME_TOPIC) == 0
    # a sentence quoted in a reply is contained in it, but is far smaller than the reply
    quoting = (f"You write that '{SENTENCES[1]}' My aunt lives there, the municipality delivers bottled water "
               "twice a week and the school nurse checks every child's health each month, so please stop "
               "spreading panic about wells that have been closed since the spring.")
    assert near(SENTENCES[1] + " " + SENTENCES[0], quoting) == 0


# ---------------------------------------------------------------------------- through the API


@pytest.fixture
def dup(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "duplicates.v1"}]
    settings.CIVILITY_SUBMIT_RATE_PER_IP = None
    settings.CIVILITY_SUBMIT_RATE_PER_EMAIL = None


@pytest.mark.django_db
@pytest.mark.parametrize(("first", "again"), [(AZ, AZ_PLAIN), (RU, RU_TRANSLIT[0]), (HY, HY_LATIN[0])])
def test_a_resubmission_in_other_letters_is_a_repeat(dup, article, client, mod_api, first, again):
    original = post(client, first, email="ayla@example.org")
    repeat = post(client, again, email="ayla@example.org")
    triage = queue(mod_api)[repeat]
    assert triage["duplicate_of"] == original
    assert "duplicate" in {f["label"] for f in triage["flags"]}


@pytest.mark.django_db
def test_shortened_and_reordered_rewordings_join_the_campaign(dup, article, client, mod_api):
    ids = [post(client, f"{greeting} {CAMPAIGN}", email=f"p{i}@example.org", ip=f"198.51.100.{i}")
           for i, greeting in enumerate(["", "Neighbours, read this!", "URGENT:"])]
    short = post(client, SHORTENED, email="p3@example.org", ip="198.51.100.3")
    reordered = post(client, REORDERED, email="p4@example.org", ip="198.51.100.4")
    other = post(client, SAME_TOPIC, email="p5@example.org", ip="198.51.100.5")
    campaign = Campaign.objects.get()
    members = set(TriageReport.objects.filter(campaign=campaign).values_list("comment_id", flat=True))
    assert members == {*ids, short, reordered}
    assert campaign.size == 5
    assert queue(mod_api)[reordered]["campaign"] == {"id": campaign.pk, "size": 5}
    assert queue(mod_api)[other]["campaign"] is None
