"""The data a triage pipeline passes along: the subject, the doc, findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Label = Literal["hate", "obscene", "insult", "threat", "toxic", "spam", "duplicate"]
LABELS: tuple[str, ...] = ("hate", "obscene", "insult", "threat", "toxic", "spam", "duplicate")


@dataclass(frozen=True)
class Identity:
    """Who posted, as far as we know. Any part may be missing."""

    email: str = ""
    user_id: int | None = None
    ip_address: str | None = None
    user_agent: str = ""


@dataclass(frozen=True)
class Subject:
    """What is being triaged: a stored comment, or a bare text (CLI, the widget's nudge)."""

    text: str
    comment_id: int | None = None
    article_id: int | None = None
    identity: Identity = Identity()
    created_at: datetime | None = None
    #: evidence the widget may send: {"honeypot": str, "elapsed_ms": int}
    client: dict[str, Any] = field(default_factory=dict)


@dataclass
class Finding:
    """One piece of evidence. ``spans`` are [start, end) offsets in the ORIGINAL text."""

    label: str
    score: float
    reason: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    signal: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(self.score, 4), "spans": [list(s) for s in self.spans],
                "reason": self.reason, "evidence": self.evidence, "signal": self.signal}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        """The inverse of :meth:`as_dict` (a finding read back from a stored report)."""
        return cls(d["label"], d["score"], d["reason"], [tuple(x) for x in d.get("spans", [])],
                   d.get("evidence", {}), d.get("signal", ""))


@dataclass
class Doc:
    """The working object that flows through the pipeline.

    Signals read ``subject`` and earlier signals' attributes in ``attrs``
    (e.g. ``attrs["normalized"]``, ``attrs["lang"]``) and add ``findings``.
    """

    subject: Subject
    attrs: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.subject.text

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)
