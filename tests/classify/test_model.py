"""The shipped model: its files, loading without pickle, calibration, the signal."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from civility.classify.model import DATA_DIR, Model, calibrate, get_model
from civility.triage.pipeline import Pipeline
from civility.triage.policy import FLAG_AT, assess
from civility.triage.types import Subject


@pytest.fixture(scope="module")
def model() -> Model:
    return get_model()


def test_model_files_are_small_and_load_without_pickle():
    files = {p.name: p.stat().st_size for p in DATA_DIR.iterdir() if p.is_file()}
    assert {"weights.npz", "manifest.json"} <= set(files)
    assert sum(files.values()) < 25 * 1024 * 1024  # "well under 50 MB"
    with np.load(DATA_DIR / "weights.npz", allow_pickle=False) as z:
        for name in z.files:
            assert z[name].dtype != object
            assert np.isfinite(z[name].astype(np.float64)).all()
    manifest = json.loads((DATA_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["thresholds"]) >= {"toxic", "hate", "insult", "threat", "obscene"}
    assert all(0 < t < 1 for t in manifest["thresholds"].values())


def test_web_process_does_not_import_training_code():
    code = ("import sys, civility.classify.signal, civility.classify.model as m; m.get_model(); "
            "print(sorted(k for k in sys.modules if k.split('.')[0] in ('sklearn', 'scipy', 'joblib', 'pickle') "
            "or k in ('civility.classify.train', 'civility.classify.synthetic')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"DJANGO_SETTINGS_MODULE": "civility.settings.base", "PATH": ""})
    leaked = [m for m in json.loads(out.stdout.strip().replace("'", '"')) if m != "pickle"]
    assert leaked == []


def test_calibration_maps_the_threshold_to_the_flag_level(model):
    for head, t in model.thresholds.items():
        raw = {head: np.array([0.0, t - 1e-6, t, t + 1e-6, 1.0])}
        got = model.calibrated(raw)[head]
        assert got[2] == pytest.approx(FLAG_AT.get(head, 0.5))
        assert got[1] < FLAG_AT.get(head, 0.5) <= got[3]
        assert got[0] == 0.0 and got[4] == 1.0
        assert np.all(np.diff(got) >= 0)


def test_calibrated_scores_rise_strictly_with_the_raw_probability(model):
    """No plateaus: the queue's order by score keeps the raw score's order."""
    p = np.linspace(0.0, 1.0, 2001)
    for head in model.heads:
        got = model.calibrated({head: p})[head]
        assert np.all(np.diff(got) > 0), head


@pytest.mark.parametrize("text", ["Hello world", "Thank you", "Salam", "Merhaba", "Спасибо", "Շնորհակալություն",
                                  "Good morning everyone", "Salam, necəsiniz?", "Привет всем"])
def test_greetings_and_thanks_score_near_zero(model, text):
    scores = model.score([text])
    worst = max(model.heads, key=lambda h: scores[h][0])
    assert scores[worst][0] < 0.3, f"{worst} {scores[worst][0]:.3f} for {text!r}"


@pytest.mark.parametrize("text", [
    # a claim to a land: the hate data's "our land" is a white nationalist's (hate 0.95 before)
    "Karabakh is our land and always will be",
    "Shusha is our land, and one day I will visit my grandparents' graves there",
    "Арцах — наша земля, там похоронены мои деды",
    "Qarabağ bizim torpağımızdır, dədə-babalarımız orada yatır",
    # a reader talking to another by name
    "Ruslan, I'll send you that article about the ceasefire tonight",
    "Гарик, скину тебе вечером ту статью про перемирие, там всё по датам",
    "Selam millet, İzmir'den sevgiler",
])
def test_land_claims_and_friendly_address_are_not_hate_insult_or_threat(model, text):
    scores = model.score([text])
    worst = max(("hate", "insult", "threat"), key=lambda h: scores[h][0])
    assert scores[worst][0] < FLAG_AT[worst], f"{worst} {scores[worst][0]:.3f} for {text!r}"


def test_calibrate_is_monotone_piecewise_linear():
    p = np.linspace(0, 1, 101)
    c = calibrate(p, 0.3, 0.5)
    assert np.all(np.diff(c) > 0)
    assert calibrate(np.array([0.3]), 0.3, 0.5)[0] == pytest.approx(0.5)
    assert calibrate(np.array([0.15]), 0.3, 0.5)[0] == pytest.approx(0.25)


def test_scores_are_in_range_and_batch_equals_single(model):
    texts = ["You are a complete idiot.", "The talks resume in Brussels on Monday.", "", "   ", "ok",
             "Ты тупой дебил", "Səni tapıb öldürəcəyəm", "Դու ապուշ ես", "x" * 5000]
    batch = model.score(texts)
    for i, t in enumerate(texts):
        single = model.score([t])
        for head in model.heads:
            assert 0.0 <= batch[head][i] <= 1.0
            assert single[head][0] == pytest.approx(batch[head][i], abs=1e-9)
    assert model.score([]) == {h: pytest.approx(np.zeros(0)) for h in model.heads}


@pytest.mark.parametrize(("text", "label"), [
    ("You are a complete idiot, read the article.", "insult"),
    ("Ты тупой дебил, прочитай статью.", "insult"),
    ("I will find you and kill you.", "threat"),
    ("Səni tapıb öldürəcəyəm.", "threat"),
    # a known miss of models 1.17666cb78090 to 1.92a3e1ea2d1d (strict xfail then); flagged since 2.x,
    # with Stormfront and ToxiGen in the hate head's data
    ("Armenians are vermin and should be driven out.", "hate"),
    ("Earn $500 a day from home! Write to @money_fast", "spam"),
])
def test_clear_cases_are_flagged(model, text, label):
    score = model.score([text])[label][0]
    assert score >= model.flag_at[label], f"{label} {score:.3f} for {text!r}"


@pytest.mark.django_db
def test_the_pipeline_flags_what_the_model_misses():
    from civility.triage.services import triage_text

    report = triage_text("Armenians are vermin and should be driven out.")
    assert "hate" in {f["label"] for f in report.flags}


ALL_HEADS = ("toxic", "hate", "insult", "threat")


@pytest.mark.parametrize(("text", "heads"), [
    ("The talks resume in Brussels on Monday.", ALL_HEADS),
    ("Two soldiers were killed near the border on Tuesday.", ALL_HEADS),
    ("The Azerbaijani government is lying about the casualties.", ALL_HEADS),
    ("Я армянин и хочу мира с соседями.", ALL_HEADS),
    # a threat with model 2.fe4eb77a380d (ThreatGram's one-word replies); toxic 0.64 since the ninth
    # and tenth batches of writers (their threats speak of bodies; 0.56 with the same recipe on the
    # 41 sets before them): a toxic flag, which labels nothing under the policy, is accepted there,
    # and listed in docs/MODEL.md
    ("Now with a body.", ("hate", "insult", "threat")),
])
def test_civil_cases_are_not_flagged(model, text, heads):
    from civility.triage.policy import threshold

    scores = model.score([text])
    for head in heads:
        # the level the policy flags this head's findings at (0.51 for hate, insult and threat;
        # "Now with a body." reads insult 0.508 with model 2.c992c67ce7e6: ConvAbuse's "your body")
        level = threshold(head, None, "classifier.v1")
        assert scores[head][0] < level, f"{head} {scores[head][0]:.3f} for {text!r}"


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "threat"), [
    ("Still waiting.", False), ("Keep going.", False), ("Next time.", False), ("Amin, inşallah 🤲", False),
    ("Посмотрим.", False),
    # addressed, or a violent word: a short reply may still be a threat
    ("You're next.", True), ("Ты следующий.", True), ("Watch your back.", True), ("I'll find you.", True),
])
def test_a_short_reply_aimed_at_no_one_is_no_threat(text, threat):
    """The signal holds short, unaddressed replies under the threat line whatever a model says:
    model 2.75e15dd456fa read "Still waiting." as a threat (0.58, "waiting" from the veiled-threat
    writers' "we are waiting for you"), and the model of the sixth batch of writers reads "Keep
    going." at 0.90 ("keep writing and see what happens")."""
    from civility.triage.services import triage_text

    assert ("threat" in {f["label"] for f in triage_text(text).flags}) is threat


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Have a safe trip home.", "Take care on the roads tonight.", "See you Sunday at the stadium.",
    "Say hi to your mother for me.", "Who is next to speak?", "Görüşürük!", "До встречи!", "Sabah görüşərik",
    "Կհանդիպենք",
])
def test_a_farewell_or_a_good_wish_is_no_threat(text):
    """The veiled-threat writers' "see you", "next time" and "your mother" made farewells read as threats
    ("Who is next to speak?" 0.65 with the first model of the tenth batch); farewells and good wishes
    train as a kind of their own (synthetic.OWN_DATASET)."""
    from civility.triage.services import triage_text

    assert not {f["label"] for f in triage_text(text).flags} & {"threat", "insult", "hate"}


def test_signal_adds_findings_with_spans_of_the_words_that_weighed_most(model):
    pipe = Pipeline.from_config([{"signal": "normalize.v1"}, {"signal": "classifier.v1"}])
    text = "Honestly, you are a complete IDIOT."
    doc = pipe.run(Subject(text=text))
    assert not doc.errors
    insult = [f for f in doc.findings if f.label == "insult"]
    assert insult and insult[0].score >= FLAG_AT["insult"]
    words = [text[a:b] for a, b in insult[0].spans]
    assert "IDIOT" in words
    assert insult[0].evidence["model"] == model.version
    assert model.version in doc.versions["classifier.v1"]
    report = assess(doc)
    assert "insult" in [f["label"] for f in report.flags]
    assert report.scores["insult"] >= FLAG_AT["insult"]


def _aimed(model, text: str, toxic: float):
    """The findings the target rule adds for ``text`` where the toxic head reads ``toxic`` and
    the hate and insult heads read nothing (scores set by hand: the rule, not the model, is tested)."""
    from civility.classify.signal import Classifier
    from civility.triage.normalize import normalize
    from civility.triage.types import Doc

    doc = Doc(subject=Subject(text=text))
    item = model.extract(normalize(text))
    scores = {"toxic": np.array([toxic]), "hate": np.array([0.1]), "insult": np.array([0.1])}
    Classifier()._aimed(doc, item, scores, model, [])
    return doc.findings


@pytest.mark.parametrize(("text", "label", "target"), [
    ("Армяне — это вообще не народ.", "hate", "Армяне"),
    ("Azerbaijanis are all the same, every one of them.", "hate", "Azerbaijanis"),
    ("Ermeniler hep böyle, hiç değişmezler.", "hate", "Ermeniler"),
    ("ты просто пустое место, понял?", "insult", "ты"),
    ("you are a waste of everyone's time", "insult", "you"),
])
def test_a_clearly_toxic_comment_is_labelled_by_whom_it_is_aimed_at(model, text, label, target):
    from civility.classify.signal import TARGETED_SCORE
    from civility.triage.policy import NUDGE_AT

    found = _aimed(model, text, 0.9)
    assert [f.label for f in found] == [label]
    assert found[0].evidence["target"] == target and text[slice(*found[0].spans[0])] == target
    assert found[0].score == TARGETED_SCORE < NUDGE_AT[label]  # flagged for a moderator, never nudged
    assert label in {f["label"] for f in assess(_doc_of(found)).flags}


def test_a_toxic_comment_aimed_at_no_one_gets_no_target_label(model):
    assert _aimed(model, "This whole thing is a rotten farce.", 0.9) == []


@pytest.mark.parametrize("text", [
    "Qarabağ Azərbaycandır və belə də qalacaq.",
    "Ադրբեջանը պետք է պատասխան տա միջազգային դատարանում։",
    "Азербайджан и Армения снова сорвали переговоры.",
    "Türkiye'nin tavrı bu konuda belirleyici.",
    "Arabanın rengi güzel ama fiyatı çok yüksek.",  # "araba" (a car) is no Arab
])
def test_a_country_is_not_a_people_for_the_target_rule(model, text):
    assert _aimed(model, text, 0.9) == []


def test_the_people_beside_their_country_still_are(model):
    [found] = _aimed(model, "Azərbaycanlılar hamısı eynidir, dəyişməzlər.", 0.9)
    assert found.label == "hate" and found.evidence["target"] == "Azərbaycanlılar"


def test_the_target_rule_waits_for_a_clearly_toxic_reading(model):
    from civility.classify.signal import TARGETED_AT

    pipe = Pipeline.from_config([{"signal": "normalize.v1"}, {"signal": "classifier.v1"}])
    for text in ("Armenians live in this city too.", "Azerbaijanis celebrate Novruz in March."):
        doc = pipe.run(Subject(text=text))
        toxic = next((f.score for f in doc.findings if f.label == "toxic"), 0.0)
        assert toxic < TARGETED_AT
        assert not [f for f in doc.findings if "aimed" in f.reason or "about a group" in f.reason]


def _doc_of(findings):
    from civility.triage.types import Doc

    doc = Doc(subject=Subject(text=""))
    for f in findings:
        doc.add(f)
    return doc


def test_signal_options_are_validated():
    from civility.classify.signal import Classifier

    assert Classifier(heads=["toxic", "obscene"]).heads == ("toxic", "obscene")
    with pytest.raises(ValueError, match="unknown head"):
        Classifier(heads=["toxic", "rude"])
    with pytest.raises(TypeError):
        Classifier(heads="toxic")
    with pytest.raises(TypeError):
        Classifier(colour="red")
    with pytest.raises(ValueError, match="min_score"):
        Classifier(min_score=2)


def test_signal_reports_nothing_below_min_score():
    pipe = Pipeline.from_config([{"signal": "normalize.v1"},
                                 {"signal": "classifier.v1", "options": {"min_score": 0.99}}])
    doc = pipe.run(Subject(text="The talks resume in Brussels on Monday."))
    assert doc.findings == []


def test_model_was_trained_with_the_current_normalizer(model):
    if not model.normalizer_matches:
        pytest.skip("normalize() changed since the model was trained: run `civility model train`")
    assert model.manifest["normalizer"]


def test_one_pass_explains_every_flagged_head_with_its_own_words(model):
    """The signal explains all flagged heads of a comment in one pass; each head keeps its words."""
    from civility.triage.normalize import normalize

    text = "You stupid idiot, people like you should be shot and go to hell."
    explained = model.explain_heads(model.extract(normalize(text)), ["insult", "threat"])
    words = {head: {text[start:end] for start, end, _ in spans} for head, spans in explained.items()}
    assert "idiot" in words["insult"] and "shot" in words["threat"]
    assert "shot" not in words["insult"]
    assert model.explain_heads(model.extract(normalize("")), ["insult"]) == {"insult": []}
