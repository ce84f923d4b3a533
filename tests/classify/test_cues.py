"""The cue lists: their file format, and what they match (and leave alone) in each language."""

from __future__ import annotations

import re

import pytest

from civility.classify.cues import CATEGORIES, CueListError, compile_cues, load_lists, parse_lists
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
