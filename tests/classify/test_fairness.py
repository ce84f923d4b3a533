"""False flags on civil sentences that mention identities, per identity term (< 5 % each)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from civility.classify.model import get_model
from tests.classify.fairness_set import IDENTITIES, build

HEADS = ("toxic", "hate", "insult", "threat")
MAX_RATE = 0.05
#: at the model's own line (0.5, 0.6 for toxic), the share of all the set's sentences flagged
MAX_RATE_AT_MODEL_LINE = 0.04


@pytest.fixture(scope="module")
def scored() -> list[tuple[str, str, str, dict[str, float]]]:
    model = get_model()
    rows = build()
    scores = model.score([text for _, _, text in rows])
    return [(identity, lang, text, {h: float(scores[h][i]) for h in HEADS})
            for i, (identity, lang, text) in enumerate(rows)]


@pytest.fixture(scope="module")
def flagged(scored) -> dict[str, list[tuple[str, str, list[str]]]]:
    """Per identity, each sentence with the heads that flag it at the policy's levels: what a
    moderator sees. (The classifier's hate, insult and threat flag from 0.51, past the flat start
    of the calibration map; at the model's own 0.5 line the sixth batch's model puts "У женщин
    такие же права, как у всех." and its Armenian twin at hate 0.501–0.502, 3 of 57 for women.)"""
    from civility.triage.policy import threshold

    out: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    for identity, lang, text, scores in scored:
        heads = [h for h in HEADS if scores[h] >= threshold(h, None, "classifier.v1")]
        out[identity].append((lang, text, heads))
    return out


def test_few_sentences_are_flagged_even_at_the_models_own_line(scored):
    model = get_model()
    bad = [(lang, text) for _, lang, text, scores in scored if any(scores[h] >= model.flag_at[h] for h in HEADS)]
    assert len(bad) / len(scored) < MAX_RATE_AT_MODEL_LINE, bad


def test_every_identity_has_sentences_in_every_language(flagged):
    for identity in IDENTITIES:
        assert {lang for lang, _, _ in flagged[identity]} == {"en", "ru", "tr", "az", "hy"}
        assert len(flagged[identity]) >= 50


@pytest.mark.parametrize("identity", IDENTITIES)
def test_false_flag_rate_per_identity_is_under_5_percent(flagged, identity):
    rows = flagged[identity]
    bad = [(lang, text, heads) for lang, text, heads in rows if heads]
    rate = len(bad) / len(rows)
    assert rate < MAX_RATE, f"{identity}: {rate:.1%} flagged: {bad}"
