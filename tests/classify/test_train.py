"""Training: deterministic given a seed; thresholds; the command line."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from civility.classify.model import Model
from civility.classify.train import Config, choose_threshold, read_csv, roc_auc

pytest.importorskip("sklearn")
DATA = Path(__file__).resolve().parent / "data"
FIELDS = ["text", "hate", "obscene", "insult", "threat", "toxic", "spam", "lang", "source"]


@pytest.fixture(scope="module")
def tiny_datasets(tmp_path_factory) -> Path:
    """A few hundred labelled rows in the datasets' file names (our own sentences, reused)."""
    folder = tmp_path_factory.mktemp("datasets")
    rows = [r for f in ("insult", "threat", "hate", "obscene") for r in read_csv(DATA / f"{f}.csv")]
    with gzip.open(folder / "hatexplain_trainval.csv.gz", "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(FIELDS)
        for i, r in enumerate(rows):
            w.writerow([r.text, r.labels["hate"], "", "", "", r.labels["toxic"], "", r.lang,
                        "hatexplain_val" if i % 5 == 0 else "hatexplain_train"])
    spam = ["check out my channel http://x.y", "subscribe to my channel!!!", "win $500 now at www.z.q",
            "great song", "I love this video", "she sings so well"] * 10
    with gzip.open(folder / "youtube_spam.csv.gz", "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(FIELDS)
        for i, t in enumerate(spam):
            w.writerow([f"{t} {i}", "", "", "", "", "", int(i % 6 < 3), "en", "youtube_spam_collection"])
    return folder


def _train(datasets: Path, seed: int):
    from civility.classify.train import train

    return train(datasets=datasets, lexicons=datasets / "none", out=None, own=None, written=None, cross=False,
                 config=Config(seed=seed, n_buckets=1 << 16), log=lambda _m: None)


def test_training_is_deterministic_given_a_seed(tiny_datasets):
    a = _train(tiny_datasets, 5)
    b = _train(tiny_datasets, 5)
    assert a["version"] == b["version"]
    for name in a["_arrays"]:
        assert np.array_equal(a["_arrays"][name], b["_arrays"][name]), name
    assert a["thresholds"] == b["thresholds"]


def test_trained_model_round_trips_through_npz_and_manifest(tiny_datasets, tmp_path):
    from civility.classify.train import train

    manifest = train(datasets=tiny_datasets, lexicons=tiny_datasets / "none", out=tmp_path, own=None, written=None,
                     cross=False, config=Config(seed=1, n_buckets=1 << 16), log=lambda _m: None)
    model = Model(tmp_path)
    assert model.version == manifest["version"]
    raw = model.raw(["you are an idiot", "the talks resume on monday"])
    assert raw["toxic"][0] > raw["toxic"][1]
    with np.load(tmp_path / "weights.npz", allow_pickle=False) as z:
        assert z["W"].dtype == np.float16


def test_choose_threshold_balances_classes_and_caps_civil_false_flags():
    y = np.array([1] * 10 + [0] * 90)
    p = np.r_[np.linspace(0.6, 0.9, 10), np.linspace(0.0, 0.7, 90)]
    t = choose_threshold(y, p, max_fpr=0.05)
    flagged_civil = ((p >= t) & (y == 0)).mean() / (y == 0).mean()
    assert flagged_civil <= 0.05
    # non-civil negatives (e.g. offensive rows for the hate head) do not count against the cap
    civil = np.r_[np.ones(10), np.zeros(45), np.ones(45)].astype(bool)
    assert choose_threshold(y, p, max_fpr=0.05, civil=civil) <= t


def test_choose_threshold_can_cap_the_toxic_rows_of_another_kind_too():
    # 10 positives; 45 other-toxic negatives that score high (insults read as obscene); 45 civil that score low
    y = np.array([1] * 10 + [0] * 90)
    p = np.r_[np.linspace(0.5, 0.9, 10), np.linspace(0.3, 0.8, 45), np.linspace(0.0, 0.2, 45)]
    civil = np.r_[np.zeros(55), np.ones(45)].astype(bool)
    loose = choose_threshold(y, p, max_fpr=0.02, civil=civil)
    capped = choose_threshold(y, p, max_fpr=0.02, civil=civil, max_other_fpr=0.05)
    other = (y == 0) & ~civil
    assert ((p >= capped) & other).sum() / other.sum() <= 0.05
    assert ((p >= loose) & other).sum() / other.sum() > 0.05 and capped > loose


def test_roc_auc_handles_ties():
    assert roc_auc(np.array([0, 1]), np.array([0.5, 0.5])) == pytest.approx(0.5)
    assert roc_auc(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])) == pytest.approx(0.75)
    assert roc_auc(np.array([1, 1]), np.array([0.1, 0.2])) is None


def test_eval_command_prints_a_table_and_json(capsys):
    call_command("model", "eval", str(DATA / "threat.csv"), "--no-baselines")
    out = capsys.readouterr().out
    assert "ROC-AUC" in out and "threat" in out
    call_command("model", "eval", str(DATA / "threat.csv"), "--json", "--no-baselines", "--by-lang")
    report = json.loads(capsys.readouterr().out)
    got = {(r["set"], r["label"]): r for r in report["results"]}
    assert got[("threat.csv", "threat")]["n"] == 250
    assert ("threat.csv[hy]", "threat") in got
    for key in ("roc_auc", "avg_precision", "precision", "recall", "f1"):
        assert key in got[("threat.csv", "threat")]


def test_eval_prints_installed_baselines_side_by_side(capsys, monkeypatch):
    """Stand-ins for the [baselines] extra: one that scores, one installed but broken."""
    import sys
    import types

    profanity = types.ModuleType("profanity_check")
    profanity.predict_prob = lambda texts: [0.9 if "kill" in t.lower() else 0.1 for t in texts]
    sonar = types.ModuleType("hatesonar")

    class Sonar:
        def __init__(self):
            raise RuntimeError("Failed to construct locale with name:en_US.UTF-8")

    sonar.Sonar = Sonar
    monkeypatch.setitem(sys.modules, "profanity_check", profanity)
    monkeypatch.setitem(sys.modules, "hatesonar", sonar)
    call_command("model", "eval", str(DATA / "threat.csv"), "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["baselines"] == ["alt-profanity-check"]
    assert "en_US.UTF-8" in report["baselines_unavailable"]["hatesonar"]
    row = next(r for r in report["results"] if r["label"] == "threat")
    got = row["baselines"]["alt-profanity-check"]
    assert got["n"] == row["n"] and 0 <= got["roc_auc"] <= 1 and got["roc_auc"] != row["roc_auc"]
    call_command("model", "eval", str(DATA / "threat.csv"))
    out = capsys.readouterr().out
    assert "alt-profanity-check AUC" in out
    assert "baseline hatesonar is installed but could not start" in out


def test_sources_are_cleaned_as_their_caveats_say():
    from civility.classify.train import clean_text

    # ParaDetox: casing and tokenised spacing must not tell toxic from civil rows
    assert clean_text("paradetox_en", "Don 't do that , OK .") == "don't do that, ok."
    assert clean_text("paradetox_en", "don't do that, ok.") == "don't do that, ok."
    assert clean_text("ru_vk", "[id2685300|Максим], а её уже заставили") == "@user  а её уже заставили"
    tg = clean_text("telegram_spam", "Пиши [USERNAME], доход 200 [CURRENCY] в день [LINK]")
    assert "[" not in tg and "@" in tg and ("http" in tg or "www." in tg)
    assert clean_text("telegram_spam", "Пиши [USERNAME]") in {f"Пиши {name}" for name in (
        "@ivan_petrov", "@work_manager", "@anna_k", "@support_team")}
    assert clean_text("sms_spam", "a &lt;b&gt; &amp; c") == "a <b> & c"
    assert clean_text("davidson", "Keep ME .") == "Keep ME ."


def test_civil_rows_imply_no_hate_insult_or_threat_and_ham_implies_not_toxic():
    from civility.classify.train import LABELS, Row, imply_labels

    civil = Row("fine", {**dict.fromkeys(LABELS), "toxic": 0}, "en", "x", "offenseval_tr")
    imply_labels(civil)
    assert civil.labels["hate"] == 0 and civil.labels["threat"] == 0 and civil.labels["spam"] is None
    assert civil.implied == {"hate", "insult", "threat", "obscene"}
    ham = Row("see you", {**dict.fromkeys(LABELS), "spam": 0}, "en", "x", "sms_spam")
    imply_labels(ham)
    assert ham.labels["toxic"] == 0 and "toxic" in ham.implied
    rude = Row("idiot", {**dict.fromkeys(LABELS), "toxic": 1}, "en", "x", "davidson")
    imply_labels(rude)
    assert rude.labels["hate"] is None and not rude.implied


def test_calibration_is_monotone_and_pins_the_threshold_to_the_flag_level():
    from civility.classify.train import fit_calibration

    rng = np.random.default_rng(0)
    p = rng.random(2000)
    y = (rng.random(2000) < p ** 3).astype(int)  # a raw score that overstates the probability
    knots = fit_calibration(y, p, np.ones(2000), threshold=0.7, flag_at=0.5)
    raw, score = np.array(knots["raw"]), np.array(knots["score"])
    assert np.all(np.diff(raw) > 0) and np.all(np.diff(score) >= 0)
    assert score[0] == 0.0 and score[-1] == 1.0
    assert np.interp(0.7, raw, score) == pytest.approx(0.5)
    assert np.interp(0.7 - 1e-6, raw, score) < 0.5
    # low raw scores become low probabilities (0.3³ ≈ 0.03), not the straight line's 0.21
    assert np.interp(0.3, raw, score) < 0.1


def test_leave_one_out_scores_each_dataset_with_heads_that_never_saw_it(tiny_datasets):
    from civility.classify.evaluate import leave_one_out, lodo_table
    from civility.classify.train import fit_meta, fit_ngram_heads, head_rows, prepare

    prep = prepare(tiny_datasets, tiny_datasets / "none", None, Config(seed=3, n_buckets=1 << 16), written=None,
                   log=lambda _m: None)
    ix, _, _ = head_rows(prep, "spam", exclude=frozenset({"youtube_spam"}))
    assert not any(prep.rows[i].dataset == "youtube_spam" for i in ix)
    ix, _, _ = head_rows(prep, "spam")
    assert any(prep.rows[i].dataset == "youtube_spam" for i in ix)
    fitted = fit_meta(prep, fit_ngram_heads(prep, log=lambda _m: None))
    out = leave_one_out(prep, fitted, dict.fromkeys(("toxic", "hate", "spam", "insult", "threat", "obscene"), 0.5),
                        log=lambda _m: None)
    got = {(r["label"], r["dataset"]): r for r in out["rows"]}
    assert ("spam", "youtube_spam") in got and ("toxic", "hatexplain") in got
    row = got[("spam", "youtube_spam")]
    assert row["n"] == 60 and row["positives"] == 30 and 0 <= row["recall"] <= 1 and 0 <= row["fpr"] <= 1
    assert "youtube_spam" in lodo_table(out)


def test_eval_report_prints_per_label_and_language_and_the_leave_one_out_table(capsys, tiny_datasets):
    call_command("model", "eval", "--report", "--datasets", str(tiny_datasets), "--no-baselines")
    out = capsys.readouterr().out
    assert "civil flagged" in out and "own sets" in out and "hatexplain (validation)" in out
    assert "leave-one-dataset-out" in out
    call_command("model", "eval", "--report", "--json", "--datasets", str(tiny_datasets))
    rep = json.loads(capsys.readouterr().out)
    langs = {r["lang"] for r in rep["rows"] if r["set"] == "own sets" and r["label"] == "threat"}
    assert langs == {"en", "ru", "tr", "az", "hy", "all"}
    row = next(r for r in rep["rows"] if r["set"] == "own sets" and r["label"] == "threat" and r["lang"] == "all")
    assert row["positives"] > 0 and 0 <= row["recall"] <= 1 and row["civil"] > 0 and 0 <= row["roc_auc"] <= 1


def test_eval_without_files_or_report_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--report"):
        call_command("model", "eval")
    with pytest.raises(CommandError, match="go with --report"):
        call_command("model", "eval", str(DATA / "threat.csv"), "--lodo")
    with pytest.raises(CommandError, match="unknown dataset"):
        call_command("model", "eval", "--report", "--lodo", "--only", "no_such_set")
