"""Turning a stored triage report into what a moderator reads on the queue page.

The comment is shown exactly as typed, escaped, with every flagged span marked;
hovering a mark tells which rule or word fired and its score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

LABEL_NAMES = {
    "hate": _("Hate"), "obscene": _("Obscene"), "insult": _("Insult"), "threat": _("Threat"), "toxic": _("Toxic"),
    "spam": _("Spam"), "duplicate": _("Duplicate"),
}


@dataclass
class Explanation:
    flags: list[dict[str, Any]] = field(default_factory=list)    # label, name, score, reason
    weak: list[dict[str, Any]] = field(default_factory=list)     # non-zero scores below the flag threshold
    body_html: SafeString = field(default_factory=lambda: mark_safe(""))
    lang: str = ""
    risk: float = 0.0
    complete: bool = True
    duplicate_of: int | None = None
    campaign: dict[str, int] | None = None


def explain(body: str, report: dict[str, Any] | None) -> Explanation:
    if not report:
        return Explanation(body_html=highlight(body, []), complete=False)
    flagged = {f["label"] for f in report.get("flags", [])}
    marks = [
        (start, end, f"{LABEL_NAMES.get(f['label'], f['label'])} {f['score']:.2f}: {f['reason']}", f["label"])
        for f in report.get("findings", [])
        if f["label"] in flagged or (f["label"] == "duplicate" and "spam" in flagged)
        for start, end in f.get("spans", [])
        if 0 <= start < end <= len(body) and (end - start) < len(body)  # a whole-text span marks nothing
    ]
    scores = report.get("scores", {})
    return Explanation(
        flags=[{**f, "name": LABEL_NAMES.get(f["label"], f["label"])} for f in report.get("flags", [])],
        weak=[{"label": k, "name": LABEL_NAMES.get(k, k), "score": v}
              for k, v in sorted(scores.items(), key=lambda kv: -kv[1]) if v > 0 and k not in flagged],
        body_html=highlight(body, marks),
        lang=report.get("lang") or "",
        risk=report.get("risk", 0.0),
        complete=report.get("complete", True),
        duplicate_of=report.get("duplicate_of"),
        campaign=report.get("campaign"),
    )


def highlight(body: str, marks: list[tuple[int, int, str, str]]) -> SafeString:
    """Escape ``body`` and wrap the marked ranges; overlapping marks are merged."""
    merged: list[list[Any]] = []
    for start, end, title, label in sorted(marks):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            last[2] = f"{last[2]}\n{title}" if title not in last[2] else last[2]
        else:
            merged.append([start, end, title, label])
    out, pos = [], 0
    for start, end, title, label in merged:
        out.append(escape(body[pos:start]))
        # one line per merged mark in the tooltip; written as a character reference so that
        # linebreaks() below (which turns newlines into <br>) leaves the attribute alone
        tooltip = escape(title).replace("\n", "&#10;")
        out.append(f'<mark class="flag flag-{escape(label)}" title="{tooltip}">{escape(body[start:end])}</mark>')
        pos = end
    out.append(escape(body[pos:]))
    return mark_safe(linebreaks("".join(out)))
