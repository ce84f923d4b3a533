"""The cue lists: their file format, and what they match (and leave alone) in each language."""

from __future__ import annotations

import re

import pytest

from civility.classify.cues import CATEGORIES, CUE_FEATURES, CueListError, compile_cues, load_lists, parse_lists
from civility.classify.features import tokens_from_normalized
from civility.triage.normalize import normalize

LANGS = ("en", "ru", "tr", "az", "hy")


@pytest.fixture(scope="module")
def cats():
    from civility.classify.model import _normalize

    cues = compile_cues(_normalize)

    def categories(text: str) -> set[str]:
        return {m.category for m in cues.match(tokens_from_normalized(normalize(text)))}

    return categories


def test_parse_sections_comments_and_generated_entries():
    text = """
    # a comment line
    [insult]
    idiot*   # a comment after an entry
    piece  of   garbage

    [threat]
    death to
    [threat: subjects]
    i will
    we will
    [threat: verbs]
    stab
    [threat: stems]
    öldür
    [threat: endings]
    eceğim
    ün
    [threat: skip]
    öldürün
    """
    got = parse_lists(text)
    assert got["insult"] == ["idiot*", "piece of garbage"]
    assert sorted(got["threat"]) == ["death to", "i will stab", "we will stab", "öldüreceğim"]


@pytest.mark.parametrize(("text", "problem"), [
    ("idiot\n", "before any [section]"),
    ("[insults]\nidiot\n", "unknown section"),
    ("[insult: nouns]\nidiot\n", "unknown section"),
    ("[insult]\nidiot, moron\n", "no commas"),
])
def test_parse_rejects_malformed_files_with_the_line(text, problem):
    with pytest.raises(CueListError, match=re.escape(problem)) as err:
        parse_lists(text, "xx.txt")
    assert "xx.txt:" in str(err.value)


def test_every_language_has_its_file_and_the_main_categories():
    lists = load_lists()
    assert set(lists) == set(CATEGORIES)
    for lang in LANGS:
        for category in ("insult", "slur", "dehuman", "negtrait", "threat", "violence", "you", "identity"):
            assert lists[category].get(lang), (category, lang)
    assert load_lists() is lists  # read once


def test_existing_behaviour_kept(cats):
    assert "insult" in cats("ты идиоты")
    assert "threat" in cats("I will stab you")  # generated: subject × verb
    assert "threat" in cats("Seni öldüreceğim")  # generated: stem + ending
    assert "threat" not in cats("İki asker öldürüldü")


@pytest.mark.parametrize(("text", "category"), [
    # attacks without a listed swear word
    ("you have the memory of a goldfish and the manners to match", "insult"),
    ("another bot with a keyboard", "insult"),
    ("go back to school, genius", "insult"),
    ("ты пустое место, тебя никто не спрашивал", "insult"),
    ("ty bot, idi uchis", "insult"),
    ("kimse sana sormadı, klavye delikanlısı", "insult"),
    ("pullu trol, ağzını yum", "insult"),
    ("դու բոտ ես, լռիր", "insult"),
    # threats without "kill"
    ("someone should string him up", "threat"),
    ("we know where you live, think about your family", "threat"),
    ("they will all die", "threat"),
    ("drive into the protesters", "threat"),
    ("подумай о своей семье, твои дни сочтены", "threat"),
    ("aileni düşün, günlerin sayılı", "threat"),
    ("sumqayıtı təkrarlayacağıq", "threat"),
    ("բոլորդ կսատկեք", "threat"),
    ("mtatsi yntaniqid masin", "threat"),
    # dehumanising generalisations with no slur
    ("they are a herd, not a nation", "dehuman"),
    ("that faith breeds violence, always has", "dehuman"),
    ("это у них в крови, прирождённые убийцы", "dehuman"),
    ("millet değil, vahşi kabile", "dehuman"),
    ("ազգ չեն, վայրենի ցեղ են", "dehuman"),
    # slurs typed in Latin letters, spaced out, with digits
    ("x a c h i", "slur"),
    ("х а ч и понаехали", "slur"),
    ("h a c h", "slur"),
    ("d1ga", "slur"),
    ("armyashki", "slur"),
    ("turqi shun", "slur"),
])
def test_issue_classes_have_cues(cats, text, category):
    assert category in cats(text)


@pytest.mark.parametrize("text", [
    # greetings and thanks
    "Hello world", "Thank you", "Salam", "Salam aleykum", "Merhaba", "Teşekkürler", "Çox sağ ol", "Спасибо",
    "Привет", "Spasibo", "Barev", "Շնորհակալություն", "Mersi",
    # given names, surnames, places
    "Amina", "Amini", "Mert Kunt", "Barbaros", "Хачик Манукян", "Khachik", "Bozidar", "Kaltakkıran",
    # civil words the old stems hit
    "knee-jerk reaction", "sürücü", "bir sürü insan", "katilim yuksekti", "Bu ona asılıdır", "Asıl mesele",
    "Trans-Caspian pipeline", "so that people can vote", "mortgage rates", "մահմեդականները",
    "Ermeni dolu bir mahalle", "cancer patients cannot get treatment", "Heç biri pis rəftara layiq deyil",
    "patients with a disease need to be cured", "хлеб и чурек",
])
def test_civil_words_match_no_hostile_cue(cats, text):
    assert not cats(text) & {"insult", "slur", "dehuman", "negtrait", "threat", "violence", "obscene"}


@pytest.mark.parametrize("text", [
    "I was naive to believe them, what an idiot I was",
    "I was such an idiot to trust them",
    "stupid me",
    "я был таким идиотом",
    "Mən axmaq idim",
    "Ես հիմար էի",
])
def test_insults_said_of_oneself_are_dropped(cats, text):
    assert "insult" not in cats(text)


@pytest.mark.parametrize("text", [
    "I think you are an idiot",
    "you idiot, I was there",
    "я считаю ты идиот",
    "я думаю, идиот",
    "I'm sick, idiot",
    "Դու հիմար ես",
])
def test_insults_said_to_someone_stay(cats, text):
    assert "insult" in cats(text)


def test_list_files_ship_with_the_package():
    import fnmatch
    import tomllib
    from pathlib import Path

    import civility

    root = Path(civility.__file__).parent
    setup = tomllib.loads((root.parent / "pyproject.toml").read_text())["tool"]["setuptools"]
    globs = setup["package-data"]["civility"]
    files = sorted((root / "classify" / "data" / "cues").glob("*.txt"))
    assert {f.stem for f in files} == set(LANGS)
    for f in files:
        assert any(fnmatch.fnmatch(f.relative_to(root).as_posix(), g) for g in globs), f


def test_hashed_lexicon_keys_do_not_collide_where_crc32_did():
    """crc32 gave "voyeurweb" (a listed word) and "washingtonda" ("in Washington") one key."""
    import zlib

    import numpy as np

    from civility.classify.cues import lexicon_key
    from civility.classify.model import _normalize

    assert zlib.crc32(b"voyeurweb") == zlib.crc32(b"washingtonda")
    listed = np.array([lexicon_key("voyeurweb")], dtype=np.uint64)
    cues = compile_cues(_normalize, listed)

    def obscene(text: str) -> bool:
        return any(m.category == "obscene" for m in cues.match(tokens_from_normalized(normalize(text))))

    assert obscene("voyeurweb")
    assert not obscene("Washington'da ne konuşuldu?")
    # a model trained before the 64-bit keys ships crc32 keys as uint32, and is read with them
    legacy = compile_cues(_normalize, np.array([zlib.crc32(b"voyeurweb")], dtype=np.uint32))
    assert any(m.category == "obscene" for m in legacy.match(tokens_from_normalized(normalize("voyeurweb"))))


@pytest.mark.parametrize("text", [
    "Nice car you have. Shame if the brakes went, these mountain roads are steep.",
    "Журналист каждое утро ходит одна той же дорогой, да?",
    "Avukat hanım, çocuklarınız her sabah aynı servisle gidiyor.",
    "Vəkil hər axşam eyni yolla evə qayıdır, tək gedir.",
    "Լրագրողը ամեն երեկո մենակ է գնում տուն։",
])
def test_a_veiled_threat_names_a_routine_and_someone_aimed_at(text):
    from civility.classify.model import _normalize

    cues = compile_cues(_normalize)
    toks = tokens_from_normalized(normalize(text))
    feats = dict(zip(CUE_FEATURES, cues.features(toks, cues.match(toks)), strict=True))
    assert feats["menace"] > 0 and feats["menace*target"] == 1.0, text


def test_a_routine_said_of_no_one_pairs_with_nobody():
    """News of an accident names a mishap, not a target: the pair stays 0 for the model to weigh."""
    from civility.classify.model import _normalize

    cues = compile_cues(_normalize)
    toks = tokens_from_normalized(normalize("Two soldiers died in an accident near the border."))
    feats = dict(zip(CUE_FEATURES, cues.features(toks, cues.match(toks)), strict=True))
    assert feats["menace"] > 0 and feats["menace*target"] == 0.0
