"""Features: a fixed hash, canonical words, offsets in the original text, the cue lists."""

from __future__ import annotations

import zlib

import pytest

from civility.classify.cues import CUE_FEATURES, compile_cues
from civility.classify.features import Featurizer, tokens_from_normalized
from civility.triage.normalize import normalize


def _reference_char_hash(gram: str, n_buckets: int) -> int:
    """The documented character n-gram hash, in plain Python (what numpy computes in batches)."""
    mask = (1 << 64) - 1
    h = len(gram)
    for ch in gram:
        h = (h * 1000003 + ord(ch)) & mask
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & mask
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & mask
    h ^= h >> 31
    return h % n_buckets


def test_hashes_are_fixed_functions():
    f = Featurizer(n_buckets=1 << 20)
    assert f.word_hash("idiot") == zlib.crc32(b"w\x1fidiot") % (1 << 20)
    assert f.bigram_hash("you", "idiot") == zlib.crc32(b"b\x1fyou idiot") % (1 << 20)
    grams = (" a", "ab", "b ", " ab", "ab ", " ab ")
    assert f.char_grams("ab") == tuple(sorted({_reference_char_hash(g, 1 << 20) for g in grams}))
    word = "öldürəcəyəm"
    padded = f" {word} "
    expected = {_reference_char_hash(padded[i:i + n], 1 << 20) for n in range(2, 6)
                for i in range(len(padded) - n + 1)}
    assert set(f.char_grams(word)) == expected


def test_batch_char_ids_are_each_documents_distinct_buckets():
    f = Featurizer(n_buckets=1 << 18)
    docs = [["ab", "idiot", "ab"], ["user", "url"], [], ["idiot"]]
    doc, bucket = f.batch_char_ids(docs)
    for d, words in enumerate(docs):
        want = set().union(*(f.char_grams(w) for w in words if w not in ("user", "url", "number")))
        assert set(bucket[doc == d].tolist()) == want
        assert len(bucket[doc == d]) == len(want)


def test_tokens_keep_original_offsets_and_canonical_words():
    text = "Hey @Narek, see https://x.example/a?b=1 &amp; 2024 — ИДИОТ!"
    toks = tokens_from_normalized(normalize(text))
    words = [t.text for t in toks]
    assert words[:2] == ["hey", "user"]
    assert "url" in words and "number" in words and "amp" not in words
    idiot = toks[-1]
    assert idiot.text == "идиот" and text[idiot.start:idiot.end] == "ИДИОТ"


def test_cues_match_words_stems_and_phrases():
    from civility.classify.model import _normalize

    cues = compile_cues(_normalize)

    def cats(text):
        return sorted({m.category for m in cues.match(tokens_from_normalized(normalize(text)))})

    assert "insult" in cats("ты идиоты")
    assert "threat" in cats("I will kill you")
    assert "threat" in cats("Seni öldüreceğim")
    assert "threat" not in cats("İki asker öldürüldü")
    assert "threat" not in cats("Two soldiers were killed")
    assert "you" in cats("Դու ապուշ ես")
    feats = cues.features(tokens_from_normalized(normalize("you idiot")),
                          cues.match(tokens_from_normalized(normalize("you idiot"))))
    assert len(feats) == len(CUE_FEATURES) and feats[CUE_FEATURES.index("you*insult")] == 1.0


@pytest.mark.parametrize(("text", "left_out"), [
    ("Ես թուրք եմ։", ["ես"]),                       # "I am Turkish"
    ("Es el em hamadzayn", ["es"]),                 # "I agree too", typed in Latin letters
    ("դու հիմար ես", []),                           # "you are stupid": the copula stays
    ("Ես կարծում եմ, որ դու հիմար ես", ["ես"]),     # only the first, the pronoun
])
def test_armenian_i_is_left_out_of_the_ngrams_but_you_are_is_not(text, left_out):
    from civility.classify.model import _armenian_i

    toks = tokens_from_normalized(normalize(text))
    assert [toks[i].text for i in sorted(_armenian_i(toks))] == left_out
