"""The model adapts to decisions, is installed only when better, is followed by every process, rolls back."""

import random
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from civility.classify.model import get_model, shipped_model, to_bytes
from civility.classify.train import OWN_DATA, load_own
from civility.learning import versions
from civility.learning.adapt import AdaptConfig, AdaptError, Evaluation, gate
from civility.learning.models import AdaptRun, ModelInUse, ModelVersion
from civility.learning.runs import adapt_run, adapt_tick, current_slot
from civility.triage.pipeline import Pipeline
from civility.triage.services import triage_comment
from tests.conftest import submit
from tests.learning.helpers import bulk_decided

pytestmark = pytest.mark.django_db

#: small samples: the machine running the tests is shared (a full run reads every dataset)
SMALL = AdaptConfig(own_rows=150, eval_rows=300)
NAMES = ("Armen", "Leyla", "Kamal", "Ani", "Murat", "Elena")
PIPE = [{"signal": "normalize.v1"}, {"signal": "classifier.v1", "options": {"heads": ["toxic", "insult"]}}]


def house_policy(n: int = 120) -> list[tuple[str, str, str]]:
    """A newsroom that rejects a local insult the shipped model has never seen ("glorpnik"), in a
    sentence that has no other mark of an attack (the shipped model reads "you absolute …,
    nobody asked for your opinion" as an insult whatever the word)."""
    out = []
    for i in range(n):
        name = NAMES[i % len(NAMES)]
        if i % 3 == 0:
            out.append((f"{name} is such a glorpnik about everything, as always.", "rejected", "personal_attack"))
        else:
            out.append((f"{name}, thanks for the report on the road works number {i}.", "approved", ""))
    return out


def mislabelled(n: int = 300) -> list[tuple[str, str, str]]:
    """Our labelled sentences decided the wrong way round: abuse approved, civil comments rejected as hate."""
    rows = [r for r in load_own(OWN_DATA) if r.split == "tune"]
    random.Random(1).shuffle(rows)
    out = []
    for r in rows[:n]:
        abusive = any(r.labels.get(k) for k in ("hate", "insult", "threat", "obscene"))
        out.append((r.text, "approved", "") if abusive else (r.text, "rejected", "hate_speech"))
    return out


def run(*args: str) -> str:
    out = StringIO()
    call_command("model", *args, stdout=out)
    return out.getvalue()


def test_a_better_model_is_installed_followed_recorded_and_rolled_back(article, moderator, settings):
    settings.CIVILITY_TRIAGE_PIPELINE = PIPE
    bulk_decided(article, moderator, house_policy())
    shipped = shipped_model().version

    dry = adapt_run(site="gazette", dry_run=True, config=SMALL)
    assert dry.passed and not dry.installed and not ModelVersion.objects.exists()
    assert get_model().version == shipped

    result = adapt_run(site="gazette", config=SMALL)
    assert result.installed and result.candidate == dry.candidate != shipped
    assert result.after.caught > result.before.caught and result.after.false_flags <= result.before.false_flags
    assert all(result.auc_after[k] >= result.auc_before[k] - 0.01 for k in result.auc_before)
    assert AdaptRun.objects.filter(outcome="installed", version=result.candidate).exists()
    stored = ModelVersion.objects.get()
    assert (stored.version, stored.parent, stored.site.slug) == (result.candidate, shipped, "gazette")
    assert bytes(stored.weights)[:2] == b"PK"  # an .npz (zip of .npy arrays): no pickle

    # this process follows at once; each triage report names the version that scored it
    assert get_model().version == result.candidate
    pipe = Pipeline.from_config(PIPE)
    report = triage_comment(submit(article, "Leyla is such a glorpnik about everything."), using=pipe)
    assert report.versions["classifier.v1"].startswith(f"classifier.v1+model.{result.candidate}+")
    assert "insult" in [f["label"] for f in report.flags]

    listed = run("versions").splitlines()
    assert listed[0].startswith(f"* {result.candidate}") and listed[-1].startswith(f"  {shipped}")
    assert f"model {shipped} in use" in run("use", shipped)  # rollback
    assert get_model().version == shipped and ModelInUse.objects.get().version == ""
    again = triage_comment(submit(article, "Leyla is such a glorpnik about everything."), using=pipe)
    assert f"+model.{shipped}+" in again.versions["classifier.v1"]
    run("use", result.candidate)
    assert get_model().version == result.candidate


def test_deliberately_mislabelled_decisions_are_refused(article, moderator, settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "classifier.v1"}]
    bulk_decided(article, moderator, mislabelled())
    result = adapt_run(config=SMALL)
    assert not result.installed and not result.passed
    assert not ModelVersion.objects.exists() and get_model().version == shipped_model().version
    assert AdaptRun.objects.get().outcome == "refused"
    # the shipped evaluation sets see it too: it learned the wrong thing
    assert any(result.auc_after[k] < result.auc_before[k] - 0.01 for k in result.auc_before)


@pytest.mark.parametrize(("after", "auc_after", "passed", "why"), [
    (Evaluation(10, 7, 50, 2), {"hate": 0.90}, True, "catches 7 of 10"),
    (Evaluation(10, 5, 50, 2), {"hate": 0.90}, False, "no more held-back rejections"),
    (Evaluation(10, 8, 50, 3), {"hate": 0.90}, False, "flags more approved"),
    (Evaluation(10, 8, 50, 1), {"hate": 0.889}, False, "hate 0.900 → 0.889"),
    (Evaluation(10, 8, 50, 1), {"hate": 0.891}, True, "catches 8"),
])
def test_the_gate(after, auc_after, passed, why):
    ok, reason = gate(Evaluation(10, 5, 50, 2), after, {"hate": 0.90}, auc_after)
    assert ok is passed and why in reason


def test_other_processes_pick_up_the_version_in_use(article):
    model = shipped_model()
    manifest = {**model.manifest, "version": "2.testversion1"}
    versions.model_store(manifest=manifest, weights=to_bytes(model.arrays), parent=model.version, site_id=None,
                         note="test", evaluation={})
    now = [time.monotonic() + 1000.0]  # later than any real reading so far
    versions._current.clock = lambda: now[0]
    versions.cache_clear()
    try:
        assert get_model().version == model.version
        # another server (or `civility model use` in a terminal) changes the row
        ModelInUse.objects.create(pk=1, version="2.testversion1", changed_by="elsewhere")
        assert get_model().version == model.version  # not looked at again yet
        now[0] += versions.CHECK_SECONDS + 1
        assert get_model().version == "2.testversion1"
    finally:
        versions._current.clock = time.monotonic


def test_too_few_decisions_and_bad_versions_are_refused(article, moderator, settings):
    settings.CIVILITY_TRIAGE_PIPELINE = PIPE
    bulk_decided(article, moderator, house_policy(12))
    with pytest.raises(CommandError, match="usable decisions"):
        run("adapt", "--site", "gazette")
    with pytest.raises(CommandError, match="no site with the key nowhere"):
        run("adapt", "--site", "nowhere")
    with pytest.raises(CommandError, match=r"No model version 2\.nope"):
        run("use", "2.nope")
    assert run("versions").startswith(f"* {shipped_model().version}")
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "wordlist.v1"}]
    with pytest.raises(AdaptError, match="classifier is not in"):
        adapt_run(config=SMALL)


def test_the_schedule_queues_one_run_per_slot(article, moderator, settings, django_capture_on_commit_callbacks):
    settings.CIVILITY_MODEL_ADAPT = False
    assert adapt_tick() is None
    settings.CIVILITY_MODEL_ADAPT, settings.CIVILITY_MODEL_ADAPT_HOURS = True, 24
    now = 1_800_000_000.0
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued once the claim commits
        first = adapt_tick(now)
    assert first is not None and first.slot == current_slot(now)
    assert adapt_tick(now + 3600) is None  # same day: taken (by this worker or another)
    first.refresh_from_db()
    # the task ran (inline here): with no decisions it is refused and says why
    assert first.outcome == "refused" and "usable decisions" in first.report["error"]
    assert adapt_tick(now + 24 * 3600) is not None
    assert AdaptRun.objects.count() == 2
