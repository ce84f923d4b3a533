"""Our own labelled sentences (tests/classify/data): the *test* halves, per head.

The *tune* halves were used to fit the combined heads and choose thresholds; only the test
halves are measured here. These are regression guards, not the model's advertised numbers
(docs/MODEL.md has those, measured the same way).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from civility.classify.model import get_model
from civility.classify.train import prf, read_csv, roc_auc

DATA = Path(__file__).resolve().parent / "data"
#: head → (minimum ROC-AUC, minimum recall, maximum false-positive rate) on the test halves
FLOORS = {"insult": (0.9, 0.7, 0.12), "threat": (0.9, 0.65, 0.08), "obscene": (0.95, 0.85, 0.08),
          "hate": (0.85, 0.5, 0.05), "toxic": (0.9, 0.7, 0.08)}


@pytest.fixture(scope="module")
def scored():
    model = get_model()
    rows = [r for f in sorted(DATA.glob("*.csv")) if not f.name.startswith("fairness") for r in read_csv(f)
            if r.source.endswith(":test")]
    return model, rows, model.raw([r.text for r in rows])


def test_sets_have_a_few_hundred_sentences_per_head_in_five_languages():
    for name in ("insult", "threat", "obscene"):
        rows = read_csv(DATA / f"{name}.csv")
        assert len(rows) >= 240
        for lang in ("en", "ru", "tr", "az", "hy"):
            mine = [r for r in rows if r.lang == lang]
            assert sum(r.labels[name] for r in mine) >= 20 and sum(1 - r.labels[name] for r in mine) >= 20
        assert {r.source.rsplit(":", 1)[1] for r in rows} == {"tune", "test"}


@pytest.mark.parametrize("head", sorted(FLOORS))
def test_head_on_our_test_sentences(scored, head):
    model, rows, raw = scored
    y = np.array([r.labels[head] for r in rows if r.labels[head] is not None])
    p = np.array([s for r, s in zip(rows, raw[head], strict=True) if r.labels[head] is not None])
    auc = roc_auc(y, p)
    m = prf(y, p >= model.thresholds[head])
    min_auc, min_recall, max_fpr = FLOORS[head]
    assert auc >= min_auc, f"{head}: ROC-AUC {auc:.3f}"
    assert m["recall"] >= min_recall, f"{head}: recall {m['recall']:.3f}"
    assert m["fpr"] <= max_fpr, f"{head}: false-positive rate {m['fpr']:.3f}"
