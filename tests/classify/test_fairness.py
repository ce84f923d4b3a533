"""False flags on civil sentences that mention identities, per identity term (< 5 % each)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from civility.classify.model import get_model
from tests.classify.fairness_set import IDENTITIES, build

HEADS = ("toxic", "hate", "insult", "threat")
MAX_RATE = 0.05


@pytest.fixture(scope="module")
def flagged() -> dict[str, list[tuple[str, str, list[str]]]]:
    model = get_model()
    rows = build()
    scores = model.score([text for _, _, text in rows])
    out: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    for i, (identity, lang, text) in enumerate(rows):
        heads = [h for h in HEADS if scores[h][i] >= model.flag_at[h]]
        out[identity].append((lang, text, heads))
    return out


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
