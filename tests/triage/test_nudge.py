"""The reader-facing nudge is the policy's decision (``policy.nudge``), sent as ``nudge`` by
``POST /api/v1/triage``: only a likely personal attack, hate or threat, at levels stricter
than the flags, never on a draft of a word or two or one made of greetings and thanks."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks

from civility.triage import policy
from civility.triage.registry import Signal, register
from civility.triage.types import Doc, Finding, Subject

LONG_ENOUGH = "Honestly, you are an idiot."


def report_with(**scores: float) -> policy.Report:
    doc = Doc(subject=Subject(text=LONG_ENOUGH))
    for label, score in scores.items():
        doc.add(Finding(label, score, f"test: {label}", spans=[(len("Honestly, you are an "), len(LONG_ENOUGH) - 1)]))
    return policy.assess(doc)


def test_the_default_levels_are_stricter_than_the_flags_and_only_for_attacks_hate_and_threats():
    assert set(policy.NUDGE_AT) <= set(policy.NUDGE_LABELS) == {"insult", "hate", "threat"}
    for label, level in policy.NUDGE_AT.items():
        assert policy.FLAG_AT[label] < level <= 1


def test_a_score_past_its_level_nudges_with_the_label_message_and_spans():
    got = policy.nudge(report_with(insult=0.97), LONG_ENOUGH, levels={"insult": 0.9})
    assert got == {"label": "insult", "spans": [[21, 26]],
                   "message": "This draft may read as a personal attack. Comments with personal attacks, hate speech "
                              "or threats are not approved here. Would you like to edit it?"}
    assert LONG_ENOUGH[21:26] == "idiot"


@pytest.mark.parametrize(("text", "quoted"), [
    ('Someone wrote "we know where you live" under my post. Reported.', True),
    ("Мне написали «мы знаем, где ты живёшь», я пожаловался.", True),
    ("Biri 'seni bulacağız' yazdı, şikayet ettim.", True),
    ("We know where you live, think about it.", False),
    ("I'm sure we know where you live now, don't we", False),  # apostrophes are no quotation marks
])
def test_a_draft_quoting_the_flagged_words_is_not_nudged(text, quoted):
    phrases = ("we know where you live", "мы знаем, где ты живёшь", "seni bulacağız")
    phrase = next(p for p in phrases if p in text.lower())
    start = text.lower().index(phrase)
    doc = Doc(subject=Subject(text=text))
    doc.add(Finding("threat", 0.97, "test: threat", spans=[(start, start + len(phrase))]))
    report = policy.assess(doc)
    assert "threat" in {f["label"] for f in report.flags}  # the moderator sees it either way
    assert (policy.nudge(report, text, levels={"threat": 0.9}) is None) is quoted


def test_a_flag_below_the_nudge_level_does_not_nudge():
    report = report_with(insult=0.8)
    assert [f["label"] for f in report.flags] == ["insult"]  # a moderator still sees it
    assert policy.nudge(report, LONG_ENOUGH, levels={"insult": 0.9}) is None


@pytest.mark.parametrize("label", ["obscene", "spam", "toxic", "duplicate"])
def test_obscenity_spam_and_repeats_never_nudge(label):
    assert policy.nudge(report_with(**{label: 1.0}), LONG_ENOUGH, levels={label: 0.1}) is None


def test_the_label_furthest_past_its_level_wins():
    report = report_with(insult=0.95, threat=0.99, hate=0.96)
    assert policy.nudge(report, LONG_ENOUGH, levels={"insult": 0.8, "threat": 0.98, "hate": 0.9})["label"] == "insult"
    assert policy.nudge(report, LONG_ENOUGH, levels={"insult": 0.95, "threat": 0.9, "hate": 0.9})["label"] == "threat"
    assert policy.nudge(report, LONG_ENOUGH, levels={"hate": 0.9})["message"].startswith(
        "This draft may read as hate speech.")


@pytest.mark.parametrize("text", ["Idiot!", "you idiot", "Hello world", "Thank you all so much",
                                  "Спасибо всем большое", "Çok teşekkür ederim arkadaşlar", "Բարի լույս բոլորին",
                                  "Salam hamıya, sağ olun!", "1 2 3 4 5 idiot"])
def test_short_drafts_and_greetings_never_nudge(text):
    assert policy.nudge(report_with(insult=1.0, hate=1.0, threat=1.0), text,
                        levels=dict.fromkeys(policy.NUDGE_LABELS, 0.0)) is None


def test_settings_choose_the_levels(settings):
    report = report_with(threat=0.99)
    settings.CIVILITY_NUDGE_AT = {"threat": 0.95}
    assert policy.nudge(report, LONG_ENOUGH)["label"] == "threat"
    settings.CIVILITY_NUDGE_AT = {}
    assert policy.nudge(report, LONG_ENOUGH) is None
    settings.CIVILITY_NUDGE_AT = None
    assert policy.nudge_levels() == policy.NUDGE_AT


@pytest.mark.parametrize("levels", [{"obscene": 0.9}, {"insult": 1.5}, {"insult": "high"}, {"hate": True}, [0.9]])
def test_bad_nudge_levels_fail_the_start_up_check(settings, levels):
    settings.CIVILITY_NUDGE_AT = levels
    assert "civility.T010" in {e.id for e in run_checks()}


@register("test_nudge_threat.v1")
class ThreatensWhenAsked(Signal):
    labels = ("threat", "obscene")

    def __call__(self, doc: Doc) -> None:
        at = doc.text.find("burn")
        if at >= 0:
            doc.add(Finding("threat", 0.99, "test: threat", spans=[(at, at + 4)]))
        at = doc.text.find("damn")
        if at >= 0:
            doc.add(Finding("obscene", 0.99, "test: obscene", spans=[(at, at + 4)]))


@pytest.mark.django_db
def test_the_draft_check_endpoint_sends_the_policys_nudge(client, settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_nudge_threat.v1"}]
    settings.CIVILITY_TRIAGE_RATE_PER_IP = None
    settings.CIVILITY_NUDGE_AT = {"threat": 0.95}

    def check(text: str) -> dict:
        r = client.post("/api/v1/triage", {"text": text}, content_type="application/json")
        assert r.status_code == 200
        return r.json()

    body = check("We will burn your house down.")
    assert body["nudge"]["label"] == "threat"
    assert body["nudge"]["spans"] == [[8, 12]]
    assert body["nudge"]["message"].startswith("This draft may read as a threat.")
    assert [f["label"] for f in body["flags"]] == ["threat"]
    assert check("burn")["nudge"] is None  # one word: flagged, not nudged
    body = check("What a damn shame this is.")
    assert [f["label"] for f in body["flags"]] == ["obscene"] and body["nudge"] is None
    settings.CIVILITY_NUDGE_AT = {}
    assert check("We will burn your house down.")["nudge"] is None
