"""Flag levels from decisions: propose, apply, reset, and read them cheaply.

``civility policy tune --site gazette`` proposes, per label, the flag level that keeps the
share of the site's *approved* comments it would flag under a target (``--max-false-flags``,
default 0.03) while catching the most comments rejected for that label::

    tuning = thresholds_propose(site="gazette", max_false_flags=0.03)
    thresholds_apply(user=None, tuning=tuning)        # per-site levels, audit-logged
    thresholds_reset(user=None, site="gazette")       # back to the policy's own levels

Scores are those stored in each comment's triage report (what the moderator saw). The policy
reads the levels through :func:`site_thresholds`: each process keeps them in memory and reads
the table again every :data:`REFRESH_SECONDS` (so several app servers pick up a change within
that time) and at once after a change made in the same process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civility.errors import InvalidInput, NotFound
from civility.learning.models import SiteThreshold, ThresholdChange
from civility.learning.stats import LABEL_REASONS
from civility.moderation.selectors import Decided, decided_list
from civility.publishing.models import Site
from civility.triage import policy

#: the labels a decision can teach: those a rejection reason maps to, and ``toxic``, whose
#: positives are the hate, obscenity, personal-attack and threat rejections (as in the stats)
TUNABLE: tuple[str, ...] = (*dict.fromkeys(policy.REASON_LABELS.values()), "toxic")
DEFAULT_MAX_FALSE_FLAGS = 0.03
#: below these, a proposal would follow noise: the label is left as it is
MIN_REJECTED = 10
MIN_APPROVED = 50
#: a tuned level stays within these bounds (below a quarter, a calibrated score says the label is unlikely)
LOWEST, HIGHEST = 0.25, 0.99
REFRESH_SECONDS = 10.0


@dataclass(frozen=True)
class Rates:
    precision: float | None
    recall: float | None
    false_flags: float | None
    flagged: int


@dataclass
class Proposal:
    label: str
    current: float
    proposed: float | None
    before: Rates
    after: Rates | None
    rejected: int
    approved: int
    note: str = ""

    @property
    def changes(self) -> bool:
        return self.proposed is not None and abs(self.proposed - self.current) > 1e-9


@dataclass
class Tuning:
    site: str | None
    max_false_flags: float
    decided: int
    proposals: list[Proposal] = field(default_factory=list)


def _score(d: Decided, label: str) -> float:
    scores = (d.report or {}).get("scores") or {}
    value = float(scores.get(label, 0.0) or 0.0)
    return max(value, float(scores.get("duplicate", 0.0) or 0.0)) if label == "spam" else value


def rates(pos: np.ndarray, neg: np.ndarray, level: float) -> Rates:
    """Precision, recall and the approved comments' false-flag rate at ``level``."""
    tp, fp = int((pos >= level).sum()), int((neg >= level).sum())
    return Rates(precision=round(tp / (tp + fp), 4) if tp + fp else None,
                 recall=round(tp / len(pos), 4) if len(pos) else None,
                 false_flags=round(fp / len(neg), 4) if len(neg) else None, flagged=tp + fp)


def best_level(pos: np.ndarray, neg: np.ndarray, max_false_flags: float) -> float:
    """The level that catches the most of ``pos`` while flagging at most ``max_false_flags`` of ``neg``;
    among equals, the highest (fewest flags)."""
    allowed = int(np.floor(max_false_flags * len(neg) + 1e-9))
    # flagging at most `allowed` negatives means the level must lie above the (allowed+1)-th highest one
    ordered = np.sort(neg)[::-1]
    floor = float(ordered[allowed]) if allowed < len(ordered) else -1.0
    candidates = sorted({float(v) for v in pos if v > floor} | {LOWEST, HIGHEST})
    best, best_tp = HIGHEST, -1
    for level in candidates:
        if level <= floor or not LOWEST <= level <= HIGHEST:
            continue
        tp = int((pos >= level).sum())
        if tp > best_tp or (tp == best_tp and level > best):
            best, best_tp = level, tp
    return round(best, 4)


def _site_id(site: str | None) -> int | None:
    if not site:
        return None
    if "\x00" in site:
        raise InvalidInput(_("The site key contains a NUL character."), fields={"site": "contains NUL"})
    pk = Site.objects.filter(slug=site).values_list("pk", flat=True).first()
    if pk is None:
        raise NotFound(_("No site with the key %(site)s.") % {"site": site}, code="site_not_found")
    return pk


def thresholds_propose(*, site: str | None = None, max_false_flags: float = DEFAULT_MAX_FALSE_FLAGS,
                       since: Any = None, decided: Iterable[Decided] | None = None) -> Tuning:
    """Per label, the level the site's decisions argue for (nothing is written)."""
    if not 0 < max_false_flags < 1:
        raise InvalidInput(_("The false-flag target must be between 0 and 1, like 0.03."),
                           fields={"max_false_flags": _("between 0 and 1")})
    site_id = _site_id(site)
    rows = list(decided if decided is not None else decided_list(since=since, site=site))
    tuning = Tuning(site=site, max_false_flags=max_false_flags, decided=len(rows))
    approved = [d for d in rows if d.status == "approved"]
    for label in TUNABLE:
        current = policy.threshold(label, None, site=site_id)
        pos = np.array([_score(d, label) for d in rows if d.status == "rejected" and (
            policy.reason_label(d.reason) == label or policy.reason_label(d.reason) in LABEL_REASONS.get(label, ()))])
        neg = np.array([_score(d, label) for d in approved])
        proposal = Proposal(label=label, current=current, proposed=None, before=rates(pos, neg, current),
                            after=None, rejected=len(pos), approved=len(neg))
        if len(pos) < MIN_REJECTED or len(neg) < MIN_APPROVED:
            proposal.note = _("too few decisions (%(rejected)d rejected for it, %(approved)d approved; "
                              "at least %(min_r)d and %(min_a)d needed)") % {
                "rejected": len(pos), "approved": len(neg), "min_r": MIN_REJECTED, "min_a": MIN_APPROVED}
        else:
            level = best_level(pos, neg, max_false_flags)
            if not (pos >= level).any():
                proposal.note = _("no level within the target catches any of its rejections: left as it is")
            else:
                proposal.proposed = level
                proposal.after = rates(pos, neg, level)
        tuning.proposals.append(proposal)
    return tuning


def _invalidate() -> None:
    _cache.loaded = -1.0


def thresholds_apply(*, user: Any, tuning: Tuning, via: str = "civility policy tune") -> list[ThresholdChange]:
    """Store the proposed levels that differ from the current ones (one audit row each)."""
    site_id = _site_id(tuning.site)
    stamp = timezone.now().date().isoformat()
    changes = []
    with transaction.atomic():
        for p in tuning.proposals:
            if not p.changes:
                continue
            source = (f"{via} {stamp}: at most {tuning.max_false_flags:.1%} of {p.approved} approved flagged, "
                      f"{p.rejected} rejected for {p.label}")
            changes.append(_set(site_id, p.label, p.proposed, source, user))
    transaction.on_commit(_invalidate)
    _invalidate()
    return changes


def thresholds_reset(*, user: Any, site: str | None = None, labels: Iterable[str] | None = None,
                     via: str = "civility policy tune --reset") -> list[ThresholdChange]:
    """Remove a site's tuned levels (all, or ``labels``): the policy's own levels apply again."""
    site_id = _site_id(site)
    changes = []
    with transaction.atomic():
        rows = SiteThreshold.objects.select_for_update().filter(site_id=site_id)
        if labels is not None:
            rows = rows.filter(label__in=list(labels))
        for row in rows:
            changes.append(_set(site_id, row.label, None, via, user))
    transaction.on_commit(_invalidate)
    _invalidate()
    return changes


def _set(site_id: int | None, label: str, value: float | None, source: str, user: Any) -> ThresholdChange:
    row = SiteThreshold.objects.select_for_update().filter(site_id=site_id, label=label).first()
    before = row.value if row else None
    if value is None:
        if row:
            row.delete()
    elif row:
        row.value, row.source = value, source
        row.save(update_fields=["value", "source", "updated_at"])
    else:
        SiteThreshold.objects.create(site_id=site_id, label=label, value=value, source=source)
    actor = user if getattr(user, "is_authenticated", False) else None
    return ThresholdChange.objects.create(site_id=site_id, label=label, before=before, after=value,
                                          source=source, actor=actor)


def thresholds_in_force(*, site: str | None = None) -> list[dict[str, Any]]:
    """Every label's flag level for a site and where it came from (the admin, ``policy show``)."""
    site_id = _site_id(site)
    rows = {(r.site_id, r.label): r for r in SiteThreshold.objects.filter(Q(site_id=site_id) | Q(site__isnull=True))}
    out = []
    for label in policy.FLAG_AT:
        row = rows.get((site_id, label)) or rows.get((None, label))
        if row is not None:
            where = _("this site") if row.site_id else _("every site")
            out.append({"label": label, "value": row.value, "source": f"{row.source} ({where})",
                        "default": policy.FLAG_AT[label]})
        else:
            out.append({"label": label, "value": policy.FLAG_AT[label], "source": _("policy default (FLAG_AT)"),
                        "default": policy.FLAG_AT[label]})
    return out


class _Cache:
    def __init__(self) -> None:
        self.loaded = -1.0
        self.levels: dict[int | None, dict[str, float]] = {}
        self.lock = threading.Lock()
        self.clock = time.monotonic


_cache = _Cache()


def site_thresholds(site_id: int | None) -> dict[str, float]:
    """{label: level} tuned for ``site_id`` (falling back to every-site levels): what the policy reads.

    Served from memory; the table (a few rows) is read again after :data:`REFRESH_SECONDS`.
    """
    now = _cache.clock()
    if now - _cache.loaded > REFRESH_SECONDS:
        with _cache.lock:
            if now - _cache.loaded > REFRESH_SECONDS:
                levels: dict[int | None, dict[str, float]] = {}
                try:
                    for s, label, value in SiteThreshold.objects.values_list("site_id", "label", "value"):
                        levels.setdefault(s, {})[label] = value
                except Exception:  # no table yet (before migrate), or the database is briefly away
                    levels = _cache.levels
                _cache.levels, _cache.loaded = levels, now
    every = _cache.levels.get(None, {})
    own = _cache.levels.get(site_id) if site_id is not None else None
    return {**every, **own} if own else every


def cache_clear() -> None:
    """Forget the levels in memory (tests; the next read goes to the table)."""
    _invalidate()
