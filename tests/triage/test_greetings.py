"""Greetings and thanks get no flag and no nudge (issue 10): "Hello world", "Salam", "Спасибо"…

Each line of ``cases/greetings.tsv`` goes through the whole default pipeline and through
the widget's draft check (``POST /api/v1/triage``): no flag and no nudge, from any signal.
(Before the retrain of model 2, "Hello world" got hate 0.58, "Spasibo" toxic 0.74 and
"Salam" toxic 0.60.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from civility.triage import policy
from civility.triage.services import draft_check, triage_text

CASES = Path(__file__).with_name("cases")


def _greetings() -> list[tuple[str, str]]:
    rows = []
    for line in (CASES / "greetings.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, text = line.split("\t")
            rows.append((lang, text))
    return rows


GREETINGS = _greetings()


def _cases():
    for lang, text in GREETINGS:
        yield pytest.param(text, id=f"{lang}-{text}")


def test_there_are_greetings_in_every_language():
    langs = [lang for lang, _ in GREETINGS]
    assert len(GREETINGS) >= 60
    assert {lang: langs.count(lang) >= 10 for lang in ("en", "ru", "tr", "az", "hy")} == dict.fromkeys(
        ("en", "ru", "tr", "az", "hy"), True)


@pytest.mark.django_db
@pytest.mark.parametrize("text", [text for _, text in GREETINGS])
def test_a_greeting_never_gets_a_nudge(text):
    assert draft_check(text)["nudge"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("text", list(_cases()))
def test_a_greeting_gets_no_flag(text):
    report = draft_check(text)
    assert [(f["label"], f["score"]) for f in report["flags"]] == []


@pytest.mark.django_db
@pytest.mark.parametrize("text", list(_cases()))
def test_the_widgets_draft_check_finds_nothing_in_a_greeting(client, settings, text):
    settings.CIVILITY_TRIAGE_RATE_PER_IP = None
    r = client.post("/api/v1/triage", {"text": text}, content_type="application/json")
    assert r.status_code == 200
    body = r.json()
    assert body["nudge"] is None
    assert [(f["label"], f["score"]) for f in body["flags"]] == []


@pytest.mark.django_db
def test_no_signal_but_the_classifier_flags_a_greeting():
    others = []
    for _, text in GREETINGS:
        report = triage_text(text)
        for flag in report.flags:
            behind = {f["signal"] for f in report.findings
                      if f["label"] == flag["label"] and f["score"] >= policy.threshold(flag["label"], report.lang)}
            if behind != {"classifier.v1"}:
                others.append((text, flag["label"], sorted(behind)))
    assert others == []
