"""The pipeline framework: registry, configuration errors, failure isolation, storage."""

import json

import pytest
from django.core.checks import run_checks

from civility.comments.models import Status
from civility.triage import policy, registry
from civility.triage.models import TriageReport
from civility.triage.pipeline import ConfigError, Pipeline
from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding, Subject
from tests.conftest import submit


@registry.register("test_shouting.v1")
class Shouting(Signal):
    labels = ("spam",)

    def __init__(self, *, score: float = 0.6, **options):
        super().__init__(**options)
        if not 0 <= score <= 1:
            raise ValueError("score must be within 0..1")
        self.score = score

    def __call__(self, doc: Doc) -> None:
        letters = [c for c in doc.text if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            doc.add(Finding("spam", self.score, "written in capitals", spans=[(0, len(doc.text))]))


@registry.register("test_broken.v1")
class Broken(Signal):
    def __call__(self, doc: Doc) -> None:
        raise RuntimeError("the model file is missing")


@registry.register("test_needs_lang.v1")
class NeedsLang(Signal):
    requires = ("lang",)

    def __call__(self, doc: Doc) -> None:  # pragma: no cover - never built
        pass


def test_signal_names_must_carry_a_version():
    with pytest.raises(ValueError, match="version"):
        registry.register("unversioned")


@pytest.mark.parametrize(("config", "code"), [
    ([{"name": "x"}], "T001"),
    (["normalize.v1"], "T001"),
    ([{"signal": "nope.v1"}], "T002"),
    ([{"signal": "test_needs_lang.v1"}], "T003"),
    ([{"signal": "test_shouting.v1", "options": {"score": 7}}], "T004"),
    ([{"signal": "test_shouting.v1", "options": {"colour": "red"}}], "T004"),
])
def test_bad_configurations_are_named_by_code(config, code):
    with pytest.raises(ConfigError) as exc:
        Pipeline.from_config(config)
    assert exc.value.code == code


def test_the_system_check_reports_a_bad_pipeline(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "nope.v1"}]
    errors = [e for e in run_checks() if e.id.startswith("civility.T")]
    assert [e.id for e in errors] == ["civility.T002"]


def test_a_crashing_signal_is_recorded_and_the_others_still_run():
    pipe = Pipeline.from_config([{"signal": "test_broken.v1"}, {"signal": "test_shouting.v1"}])
    doc = pipe.run(Subject(text="BUY NOW"))
    assert doc.errors == [{"signal": "test_broken.v1", "error": "RuntimeError: the model file is missing"}]
    report = policy.assess(doc)
    assert not report.complete
    assert [f["label"] for f in report.flags] == ["spam"]
    assert report.versions == {"test_broken.v1": "test_broken.v1", "test_shouting.v1": "test_shouting.v1"}


def test_policy_scores_every_label_and_flags_past_the_threshold():
    doc = Doc(subject=Subject(text="x"))
    doc.add(Finding("insult", 0.4, "weak insult", spans=[(0, 1)]))
    doc.add(Finding("duplicate", 0.9, "repeats #3"))
    report = policy.assess(doc)
    assert set(report.scores) == {"hate", "obscene", "insult", "threat", "toxic", "spam", "duplicate"}
    assert report.scores["insult"] == 0.4
    assert report.scores["spam"] == 0.9  # a repeat counts as spam, as the policy says
    assert [f["label"] for f in report.flags] == ["spam", "duplicate"]
    assert 0.5 < report.risk <= 1


@pytest.mark.django_db
def test_a_submitted_comment_is_stored_with_its_report(settings, article):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "test_shouting.v1"}]
    quiet = submit(article, "a calm remark")
    loud = submit(article, "BUY CHEAP WATCHES")
    report = TriageReport.objects.get(comment=loud)
    assert report.flag_labels == ",spam,"
    assert report.report["flags"][0]["spans"] == [[0, 17]]
    assert report.report["versions"]["test_shouting.v1"] == "test_shouting.v1"
    loud.refresh_from_db()
    quiet.refresh_from_db()
    assert loud.risk > quiet.risk == 0


@pytest.mark.django_db
def test_a_crash_never_loses_the_comment(settings, article, mod_api):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_broken.v1"}]
    settings.CIVILITY_SUBMIT_RATE_PER_IP = None
    status, body = mod_api.post("/api/v1/articles/lachin-corridor/comments",
                                {"body": "still here", "author_name": "A", "author_email": "a@example.org"})
    assert status == 202
    queue = mod_api.get("/api/v1/moderation/queue")[1]
    [item] = queue["comments"]
    assert item["id"] == body["id"]
    assert item["status"] == Status.PENDING
    assert item["triage"]["complete"] is False


@pytest.mark.django_db
def test_queue_is_riskiest_first_and_filters_by_label(settings, article, mod_api):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_shouting.v1"}]
    calm = submit(article, "first, calm")
    loud = submit(article, "SECOND AND LOUD")
    body = mod_api.get("/api/v1/moderation/queue")[1]
    assert [c["id"] for c in body["comments"]] == [loud.pk, calm.pk]
    assert body["comments"][0]["triage"]["flags"][0]["label"] == "spam"
    assert [c["id"] for c in mod_api.get("/api/v1/moderation/queue", label="spam")[1]["comments"]] == [loud.pk]
    assert mod_api.get("/api/v1/moderation/queue", label="hate")[1]["comments"] == []
    status, err = mod_api.get("/api/v1/moderation/queue", label="rude")
    assert status == 422
    assert "label" in err["error"]["fields"]


@pytest.mark.django_db
def test_rerun_rescores_pending_comments(settings, article):
    from django.core.management import call_command

    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}]
    loud = submit(article, "SHOUTING")
    assert TriageReport.objects.get(comment=loud).flag_labels == ""
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_shouting.v1"}]
    call_command("triage", "rerun")
    assert TriageReport.objects.get(comment=loud).flag_labels == ",spam,"


@pytest.mark.django_db  # the command checks that the database is set up
def test_triage_command_with_jsonl(tmp_path, settings, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_shouting.v1"}]
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "fine"}\n{"id": "b", "text": "NOT FINE"}\n', encoding="utf-8")
    call_command("triage", jsonl=str(src))
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == [1, "b"]
    assert lines[0]["scores"]["spam"] == 0 and lines[0]["flags"] == []
    assert lines[1]["flags"][0]["label"] == "spam"
    assert set(lines[1]) == {"id", "scores", "flags", "lang"}
    src.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="1 line could not be read"):
        call_command("triage", jsonl=str(src))
    with pytest.raises(CommandError, match="cannot read"):
        call_command("triage", jsonl=str(tmp_path / "missing.jsonl"))


@pytest.mark.django_db
def test_triage_endpoint(settings, client):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_shouting.v1"}]
    settings.CIVILITY_TRIAGE_RATE_PER_IP = "2/m"
    r = client.post("/api/v1/triage", {"text": "STOP IT"}, content_type="application/json")
    assert r.status_code == 200
    assert r.json()["flags"][0]["label"] == "spam"
    assert client.post("/api/v1/triage", {"text": "ok"}, content_type="application/json").status_code == 200
    r = client.post("/api/v1/triage", {"text": "ok"}, content_type="application/json")
    assert r.status_code == 429
    assert r.json()["error"]["code"] == "rate_limited"


@pytest.mark.django_db
def test_triage_endpoint_refuses_drafts_longer_than_a_comment(client):
    r = client.post("/api/v1/triage", {"text": "1." * 2501}, content_type="application/json")
    assert r.status_code == 422
    assert "text" in r.json()["error"]["fields"]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["1." * 2500, "a b " * 1250, "с у к а " * 625, "f.u.c.k " * 625])
def test_long_single_letter_runs_still_get_a_report(text):
    """These once took minutes (cubic in the run's length); the benchmark times them."""
    from civility.triage.services import triage_text

    report = triage_text(text)
    assert not report.errors
    if "у" in text or "u" in text:
        assert "obscene" in {f["label"] for f in report.flags}


def test_triage_on_a_database_that_is_not_set_up_says_what_to_do(tmp_path):
    """A fresh machine: `civility triage TEXT` before any migrate is a plain message, not a traceback."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CIVILITY_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/new.sqlite3",
           "DJANGO_SETTINGS_MODULE": "civility.settings.base"}
    run = subprocess.run([sys.executable, "-m", "civility.cli", "triage", "Hello world"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "civility migrate" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_signal_may_need_more_than_the_label_s_flag_level():
    from civility.triage import policy
    from civility.triage.types import Doc, Finding, Subject

    def report(signal: str, score: float):
        doc = Doc(subject=Subject(text="x"))
        doc.findings = [Finding("hate", score, "test", signal=signal)]
        return policy.assess(doc)

    level = policy.FLAG_AT_BY_SIGNAL["classifier.v1"]["hate"]
    assert level > policy.FLAG_AT["hate"]
    between = (level + policy.FLAG_AT["hate"]) / 2
    assert not report("classifier.v1", between).flags
    assert report("classifier.v1", level).flags[0]["label"] == "hate"
    assert report("wordlist.v1", between).flags[0]["label"] == "hate"


@pytest.mark.parametrize(("weights", "excused"), [
    ([2.0, 0.5], True), ([1.0, 1.0], True), ([1.0, 1.5], False), (None, False),
])
def test_a_finding_is_excused_when_at_least_half_its_weight_rests_on_excused_words(weights, excused):
    text = "this tax kills small farms"
    doc = Doc(subject=Subject(text=text))
    figurative = Finding("threat", 0.0, "figurative", [(0, 15)], {"context": "figurative"}, signal="wordlist.v1")
    evidence = {"weights": weights} if weights else {}
    model = Finding("threat", 0.9, "classifier: threat", [(9, 14), (15, 20)], evidence, signal="classifier.v1")
    doc.findings = [figurative, model]
    report = policy.assess(doc)
    # "kills" is inside the figurative span, "small" is not: without weights every word must be
    assert ("threat" in {f["label"] for f in report.flags}) is not excused
    assert (report.scores["threat"] <= policy.EXCUSED_SCORE) is excused


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), [
    ("Я, дурак, поверил обещаниям про мир.", "obscene"),
    ("Mən gic kimi inandım.", "obscene"),  # 2.52d075893baa reads "Mən axmaq kimi inanırdım…" at 0.4998
    # (model 2.75e15dd456fa no longer flags "This law is going to slaughter the small farmers in
    # Syunik." or "Kahrolsun savaş, ne kadar genç gitti." by itself, 2.0ee3ff37a6c3 no longer
    # "This new tax will kill small businesses in Gyumri."; this one it still does)
    ("Kill the bill now, this tax will wipe out every shop in Goris!", "threat"),
])
def test_a_classifier_flag_resting_on_an_excused_word_is_no_flag(text, label):
    from civility.triage.pipeline import pipeline
    from civility.triage.services import triage_text

    report = triage_text(text, using=pipeline())
    assert report.complete, report.errors
    behind = [f for f in report.findings if f["label"] == label and f["signal"] == "classifier.v1"]
    assert behind and behind[0]["score"] >= 0.5  # the model alone would flag it
    assert label not in {f["label"] for f in report.flags}
    assert report.scores[label] <= 0.3


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    'People here keep saying "Armenians are traitors by nature" or "Azeris are savages by nature". '
    "That is racism, nothing else.",
    '"Армяне — крысы", пишут тут некоторые. Это расизм и ложь.',
    'Yuxarıda kimsə yazır ki, "ermənilər anadangəlmə xaindir". Bu irqçilikdir.',
    # reported to the moderators, or said to the writer
    'Mods, the user "Wolf1453" wrote "we know where you live" to the author. Please remove it.',
    "Мне вчера прислали в личку «мы найдём тебя, где бы ты ни был». Я это так не оставлю.",
    "Bana DM'den 'sıran gelecek, bekle' yazdılar. Ekran görüntüsünü savcılığa götürüyorum.",
    # pointing at another reader's comment
    'Yukarıda biri "Ermeniler doğuştan hain" yazmış. Tarih derslerini tekrar okumak lazım.',
    "Кто-то выше пишет «армяне — нация предателей». Ни один народ не рождается предателем.",
    'Someone above wrote "Azeris are savages by nature". My Azerbaijani neighbours would disagree.',
])
def test_hate_or_a_threat_quoted_in_order_to_condemn_or_report_it_is_no_flag(text):
    from civility.triage.pipeline import pipeline
    from civility.triage.services import triage_text

    report = triage_text(text, using=pipeline())
    assert not {f["label"] for f in report.flags} & {"hate", "insult", "threat"}, report.flags
    assert any("quoted and condemned" in f["reason"] for f in report.findings)  # and it says why


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    'Someone wrote "Armenians are rats" and he is right.',  # attribution alone excuses nothing
    '"Armenians are rats" — I said it and I\'ll say it again.',
    "Armenians are rats. Stop pretending otherwise.",  # a condemning word, but nothing quoted
])
def test_hate_that_is_quoted_or_condemned_but_not_both_still_flags(text):
    from civility.triage.pipeline import pipeline
    from civility.triage.services import triage_text

    assert "hate" in {f["label"] for f in triage_text(text, using=pipeline()).flags}


@pytest.mark.django_db
def test_the_same_words_aimed_at_someone_still_flag():
    from civility.triage.pipeline import pipeline
    from civility.triage.services import triage_text

    pipe = pipeline()
    assert "insult" in {f["label"] for f in triage_text("Ты дурак.", using=pipe).flags}
    assert "threat" in {f["label"] for f in triage_text("I will kill you and your bill.", using=pipe).flags}


def _toxic_only(toxic: float, others: dict[str, float], lang: str | None = "tr") -> policy.Report:
    doc = Doc(subject=Subject(text="Annene söyle helallik alsın, bu yazdıkların yanına kalmaz"))
    doc.attrs["lang"] = lang
    doc.findings = [Finding("toxic", toxic, "classifier: toxic", [(0, 6)], signal="classifier.v1")]
    doc.findings += [Finding(label, score, f"classifier: {label}", [(7, 12)], signal="classifier.v1")
                     for label, score in others.items()]
    return policy.assess(doc)


def test_a_surely_toxic_comment_without_a_policy_flag_is_flagged_under_the_label_it_reads_most_like():
    at = policy.TOXIC_NAMES_LABEL_AT
    report = _toxic_only(at, {"insult": 0.34, "threat": 0.17, "hate": 0.0})
    flags = {f["label"]: f for f in report.flags}
    assert set(flags) == {"insult", "toxic"}
    assert flags["insult"]["score"] == pytest.approx(at)  # the evidence behind it: the toxic score
    assert "reads most like insult (0.34)" in flags["insult"]["reason"]
    assert report.scores["insult"] == pytest.approx(0.34)  # the scores, and so the risk, are unchanged
    assert [f["label"] for f in report.flags] == [x for x in policy.LABELS if x in flags]  # in LABELS order


def test_a_less_sure_toxic_score_or_a_policy_flag_already_there_adds_nothing():
    below = _toxic_only(policy.TOXIC_NAMES_LABEL_AT - 0.01, {"threat": 0.4})
    assert {f["label"] for f in below.flags} == {"toxic"}
    flagged = _toxic_only(0.95, {"threat": 0.4, "insult": 0.6})
    assert {f["label"] for f in flagged.flags} == {"insult", "toxic"}
    assert flagged.flags[0]["reason"] == "classifier: insult"


def test_a_short_reply_is_not_flagged_for_its_toxic_score_alone():
    doc = Doc(subject=Subject(text="Keep going."))
    doc.findings = [Finding("toxic", 0.95, "classifier: toxic", [(0, 4)], signal="classifier.v1"),
                    Finding("threat", 0.45, "classifier: threat", [(0, 4)], signal="classifier.v1")]
    assert {f["label"] for f in policy.assess(doc).flags} == {"toxic"}


def test_assessing_a_stored_report_again_keeps_the_toxic_named_flag():
    report = _toxic_only(0.9, {"threat": 0.3})
    assert report.words == 8 and "threat" in {f["label"] for f in report.flags}
    again = policy.reassess(report.stored(), replace=lambda f: False, add=[])  # no text any more
    assert {f["label"] for f in again.flags} == {"threat", "toxic"}
    older = {**report.stored(), "words": None}  # stored before words were counted
    assert {f["label"] for f in policy.reassess(older, replace=lambda f: False, add=[]).flags} == {"toxic"}


def test_an_excused_toxic_score_names_no_label():
    doc = Doc(subject=Subject(text='Мне прислали «ты следующий»'))
    doc.findings = [
        Finding("toxic", 0.0, "quoted", [(13, 27)], {"context": "condemned"}, signal="wordlist.v1"),
        Finding("toxic", 0.9, "classifier: toxic", [(14, 26)], signal="classifier.v1"),
        Finding("threat", 0.3, "classifier: threat", [(14, 26)], signal="classifier.v1"),
    ]
    assert not {f["label"] for f in policy.assess(doc).flags} & set(policy.TOXIC_KINDS)
