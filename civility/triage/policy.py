"""The policy: evidence → scores, flags, risk and queue order.

This is the only place with thresholds. Signals report what they saw; this
module decides what a moderator is shown first. It never approves or rejects.

- ``scores``: per label, the strongest finding (0 when nothing fired).
- ``flags``: labels whose score reaches :data:`FLAG_AT` (per language where set),
  each with the spans and reasons of the findings behind it.
- ``risk``: 0..1, how urgently a moderator should look; the queue sorts on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from civility.triage.types import LABELS, Doc, Finding, Subject

#: a label is flagged when its score reaches this
FLAG_AT: dict[str, float] = {
    "hate": 0.5, "obscene": 0.5, "insult": 0.5, "threat": 0.5, "toxic": 0.6, "spam": 0.5, "duplicate": 0.5,
}
#: per-language overrides of FLAG_AT, e.g. {"ru": {"obscene": 0.6}}
FLAG_AT_BY_LANG: dict[str, dict[str, float]] = {}

#: how much each label weighs in the risk score
RISK_WEIGHT: dict[str, float] = {
    "threat": 1.0, "hate": 1.0, "insult": 0.8, "obscene": 0.7, "toxic": 0.6, "spam": 0.6, "duplicate": 0.5,
}
#: added to risk for a first-time commenter (never a flag on its own)
FIRST_TIMER_RISK = 0.1
#: added to risk when some signal failed: an unexplained comment deserves a look
INCOMPLETE_RISK = 0.2


#: the doc attributes a stored report keeps, and so what re-assessing it (or a background
#: stage run on it) starts from
STORED_ATTRS = ("lang", "first_timer", "duplicate_of", "campaign")


@dataclass
class Report:
    scores: dict[str, float]
    flags: list[dict[str, Any]]
    lang: str | None
    risk: float
    duplicate_of: int | None = None
    campaign: dict[str, int] | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    first_timer: bool = False

    @property
    def complete(self) -> bool:
        return not self.errors

    def flag_field(self) -> str:
        """",hate,spam," — what ``TriageReport.flag_labels`` stores, for filtering on any database."""
        return "," + ",".join(f["label"] for f in self.flags) + "," if self.flags else ""

    def public(self) -> dict[str, Any]:
        """The shape the queue API and the CLI show."""
        return {"scores": self.scores, "flags": self.flags, "lang": self.lang, "duplicate_of": self.duplicate_of,
                "campaign": self.campaign, "risk": self.risk, "complete": self.complete}

    def stored(self) -> dict[str, Any]:
        return {**self.public(), "findings": self.findings, "errors": self.errors, "versions": self.versions,
                "first_timer": self.first_timer}


def threshold(label: str, lang: str | None) -> float:
    return FLAG_AT_BY_LANG.get(lang or "", {}).get(label, FLAG_AT[label])


def assess(doc: Doc) -> Report:
    lang = doc.attrs.get("lang")
    scores = dict.fromkeys(LABELS, 0.0)
    for f in doc.findings:
        scores[f.label] = max(scores.get(f.label, 0.0), min(1.0, max(0.0, f.score)))
    # The published policy: submitting the same comment again may get it treated as spam.
    scores["spam"] = max(scores["spam"], scores["duplicate"])

    flags = []
    for label in LABELS:
        if scores[label] >= threshold(label, lang):
            behind = [f for f in doc.findings if f.label == label or (label == "spam" and f.label == "duplicate")]
            flags.append({
                "label": label, "score": round(scores[label], 4),
                "spans": sorted({tuple(s) for f in behind for s in f.spans}),
                "reason": "; ".join(dict.fromkeys(f.reason for f in sorted(behind, key=lambda f: -f.score))),
            })

    keep = 1.0
    for label, score in scores.items():
        keep *= 1.0 - RISK_WEIGHT.get(label, 0.5) * score
    risk = 1.0 - keep
    if doc.attrs.get("first_timer"):
        risk += FIRST_TIMER_RISK
    if doc.errors:
        risk += INCOMPLETE_RISK
    return Report(
        scores={k: round(v, 4) for k, v in scores.items()},
        flags=[{**f, "spans": [list(s) for s in f["spans"]]} for f in flags],
        lang=lang,
        risk=round(min(1.0, risk), 4),
        duplicate_of=doc.attrs.get("duplicate_of"),
        campaign=doc.attrs.get("campaign"),
        findings=[f.as_dict() for f in doc.findings],
        errors=doc.errors,
        versions=doc.versions,
        first_timer=bool(doc.attrs.get("first_timer")),
    )


def reassess(stored: dict[str, Any], *, replace: Callable[[dict[str, Any]], bool],
             add: list[Finding]) -> Report:
    """A stored report again, with the findings ``replace`` picks swapped for ``add``.

    Used when evidence about an already stored comment changes (its campaign grew);
    the text is not triaged again.
    """
    doc = Doc(subject=Subject(text=""), errors=list(stored.get("errors", [])),
              versions=dict(stored.get("versions", {})))
    doc.attrs.update({k: stored.get(k) for k in STORED_ATTRS})
    doc.findings = [Finding.from_dict(f) for f in stored.get("findings", []) if not replace(f)]
    doc.findings += add
    return assess(doc)
