"""How good each flag is, measured from moderators' decisions (selectors only).

For a period (default: the last 30 days) and optionally one site, each decided comment is
counted once, as its moderator left it (``moderation.selectors.decided_list``)::

    stats = flag_stats(user=moderator, since=date(2026, 11, 1), site="gazette")
    stats.labels["hate"]  # {"flagged": 40, "flagged_rejected": 31, "flagged_approved": 9,
                          #  "precision": 0.775, "rejected_for_label": 35, "missed": 4}

- *flagged*: decided comments whose report flagged the label (for a signal: one of the
  signal's findings reached the policy's flag level);
- *flagged_rejected* / *flagged_approved*: of those, rejected (for any reason) / approved;
  *precision* = flagged_rejected / flagged (None when nothing was flagged);
- *rejected_for_label*: rejections whose reason maps to the label (``policy.REASON_LABELS``;
  ``toxic`` counts the hate, obscenity, personal-attack and threat rejections, ``duplicate``
  the spam ones); *missed*: those the label did not flag;
- *unflagged_rejections*: rejections of comments that carried no flag at all.

Every number keeps the ids of the comments behind it (:attr:`FlagStats.ids`), so the stats
page links each number to its comments.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.errors import InvalidInput, NotFound, PermissionDenied
from civility.moderation.selectors import Decided, decided_list, queue_backlog
from civility.publishing.models import Site
from civility.triage.policy import REASON_LABELS, threshold
from civility.triage.types import LABELS

DEFAULT_DAYS = 30
#: the longest period one request may ask for
MAX_DAYS = 366
#: labels whose rejections count for another label's misses (an umbrella, and a kind of spam)
LABEL_REASONS: dict[str, frozenset[str]] = {
    "toxic": frozenset({"hate", "obscene", "insult", "threat"}),
    "duplicate": frozenset({"spam"}),
}
#: the signals always listed, even with nothing flagged (others appear when they flagged)
SIGNALS = ("wordlist", "classifier", "spam", "duplicates", "campaigns")
LABEL_METRICS = ("flagged", "flagged_rejected", "flagged_approved", "precision", "rejected_for_label", "missed")
SIGNAL_METRICS = ("flagged", "flagged_rejected", "flagged_approved", "precision")


@dataclass(frozen=True)
class Period:
    since: datetime
    until: datetime
    site: str | None

    @property
    def days(self) -> list[date]:
        first, last = self.since.date(), (self.until - timedelta(microseconds=1)).date()
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@dataclass
class FlagStats:
    period: Period
    decided: int
    rejected: int
    labels: dict[str, dict[str, Any]]
    signals: dict[str, dict[str, Any]]
    unflagged_rejections: int
    #: "labels.hate.missed", "signals.spam.flagged", "unflagged_rejections" → comment ids
    ids: dict[str, list[int]] = field(default_factory=dict)

    def public(self) -> dict[str, Any]:
        """The API's shape."""
        return {"since": self.period.since.date().isoformat(), "site": self.period.site, "decided": self.decided,
                "labels": self.labels, "signals": self.signals, "unflagged_rejections": self.unflagged_rejections}


def _require(user: Any) -> None:
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators and admins can see the moderation statistics."))


def period_parse(*, since: str | date | None = None, until: str | date | None = None,
                 site: str | None = None) -> Period:
    """A period from query parameters: ``YYYY-MM-DD`` dates (``until`` exclusive, default now)."""
    errors: dict[str, str] = {}
    now = timezone.now()

    def day(name: str, value: str | date | None) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            errors[name] = _("Use a date like 2026-11-30.")
            return None

    since_day, until_day = day("since", since), day("until", until)
    start = datetime.combine(since_day, time(), tzinfo=UTC) if since_day else now - timedelta(days=DEFAULT_DAYS)
    end = datetime.combine(until_day, time(), tzinfo=UTC) if until_day else now
    if not errors:
        if start >= now:
            errors["since"] = _("The period must start in the past.")
        elif end <= start:
            errors["until"] = _("The period must end after it starts.")
        elif (end - start).days > MAX_DAYS:
            errors["since"] = _("At most %(days)d days at a time.") % {"days": MAX_DAYS}
    if site and "\x00" in site:
        errors["site"] = _("contains NUL")
    if errors:
        raise InvalidInput(_("The period is not valid."), fields=errors)
    if site and not Site.objects.filter(slug=site).exists():
        raise NotFound(_("No site with the key %(site)s.") % {"site": site}, code="site_not_found")
    return Period(since=start, until=min(end, now), site=site or None)


def signal_group(finding: dict[str, Any]) -> str:
    """Which signal a stored finding counts for: wordlist, classifier, spam, duplicates, campaigns…"""
    if "campaign" in (finding.get("evidence") or {}):
        return "campaigns"
    if finding.get("label") == "duplicate":
        return "duplicates"
    name = (finding.get("signal") or "unknown").split(".", 1)[0]
    return {"duplicates": "duplicates"}.get(name, name)


def signals_flagging(report: dict[str, Any] | None) -> set[str]:
    """The signals with a finding at or past the policy's flag level in a stored report."""
    if not report:
        return set()
    lang = report.get("lang")
    return {signal_group(f) for f in report.get("findings") or ()
            if f.get("label") in LABELS
            and f.get("score", 0) >= threshold(f["label"], lang, f.get("signal"), report.get("site"))}


def flags_of(d: Decided) -> set[str]:
    return set(d.labels)


def _rejected_for(label: str, d: Decided) -> bool:
    if d.status != "rejected":
        return False
    reason_label = REASON_LABELS.get(d.reason)
    return reason_label == label or reason_label in LABEL_REASONS.get(label, ())


def _precision(rejected: int, flagged: int) -> float | None:
    return round(rejected / flagged, 4) if flagged else None


def measure(decided: list[Decided], period: Period) -> FlagStats:
    """The numbers for a list of decided comments (no database access)."""
    ids: dict[str, list[int]] = defaultdict(list)
    seen_signals: set[str] = set()
    for d in decided:
        flags, rejected = flags_of(d), d.status == "rejected"
        outcome = "flagged_rejected" if rejected else "flagged_approved"
        for label in LABELS:
            if label in flags:
                ids[f"labels.{label}.flagged"].append(d.comment_id)
                ids[f"labels.{label}.{outcome}"].append(d.comment_id)
            if _rejected_for(label, d):
                ids[f"labels.{label}.rejected_for_label"].append(d.comment_id)
                if label not in flags:
                    ids[f"labels.{label}.missed"].append(d.comment_id)
        for signal in signals_flagging(d.report):
            seen_signals.add(signal)
            ids[f"signals.{signal}.flagged"].append(d.comment_id)
            ids[f"signals.{signal}.{outcome}"].append(d.comment_id)
        if rejected and not flags:
            ids["unflagged_rejections"].append(d.comment_id)
        ids["decided"].append(d.comment_id)
        if rejected:
            ids["rejected"].append(d.comment_id)

    def block(prefix: str, metrics: tuple[str, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {m: len(ids.get(f"{prefix}.{m}", ())) for m in metrics if m != "precision"}
        out["precision"] = _precision(out["flagged_rejected"], out["flagged"])
        return {m: out[m] for m in metrics}

    signals = [*SIGNALS, *sorted(seen_signals - set(SIGNALS))]
    return FlagStats(
        period=period, decided=len(decided), rejected=len(ids.get("rejected", ())),
        labels={label: block(f"labels.{label}", LABEL_METRICS) for label in LABELS},
        signals={s: block(f"signals.{s}", SIGNAL_METRICS) for s in signals},
        unflagged_rejections=len(ids.get("unflagged_rejections", ())), ids=dict(ids),
    )


def flag_stats(*, user: Any, since: str | date | None = None, until: str | date | None = None,
               site: str | None = None) -> FlagStats:
    """Per label and per signal: flagged, rejected among flagged, precision, misses."""
    _require(user)
    period = period_parse(since=since, until=until, site=site)
    return measure(decided_list(since=period.since, until=period.until, site=period.site), period)


# -- the stats page's time series ----------------------------------------------------------


@dataclass(frozen=True)
class Week:
    start: date
    #: per label: (precision or None, flagged)
    labels: dict[str, tuple[float | None, int]]


@dataclass(frozen=True)
class QueueDay:
    day: date
    waiting: int
    #: hours the oldest waiting comment had waited at the end of the day (0 when none waited)
    oldest_hours: float


@dataclass
class Overview:
    stats: FlagStats
    weeks: list[Week]
    queue: list[QueueDay]
    #: moderator → {"approved": n, "rejected": n} (decisions still in force)
    moderators: dict[str, Counter]


def weekly(decided: list[Decided], period: Period) -> list[Week]:
    """Precision per label for each week (Monday to Sunday) the period touches, by decision time."""
    by_week: dict[date, list[Decided]] = defaultdict(list)
    for d in decided:
        day = d.decided_at.astimezone(UTC).date()
        by_week[day - timedelta(days=day.weekday())].append(d)
    first = period.since.date() - timedelta(days=period.since.date().weekday())
    weeks = []
    start = first
    while datetime.combine(start, time(), tzinfo=UTC) < period.until:
        rows = by_week.get(start, [])
        labels = {}
        for label in LABELS:
            flagged = [d for d in rows if label in flags_of(d)]
            rejected = sum(d.status == "rejected" for d in flagged)
            labels[label] = (_precision(rejected, len(flagged)), len(flagged))
        weeks.append(Week(start=start, labels=labels))
        start += timedelta(days=7)
    return weeks


def queue_days(backlog: list[tuple[datetime, datetime | None]], period: Period) -> list[QueueDay]:
    """How many comments waited at the end of each day, and for how long the oldest had waited."""
    out = []
    for day in period.days:
        at = min(datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC), period.until)
        waiting = [created for created, decided in backlog if created < at and (decided is None or decided >= at)]
        oldest = (at - min(waiting)).total_seconds() / 3600 if waiting else 0.0
        out.append(QueueDay(day=day, waiting=len(waiting), oldest_hours=round(oldest, 1)))
    return out


def stats_overview(*, user: Any, since: str | date | None = None, until: str | date | None = None,
                   site: str | None = None) -> Overview:
    """Everything the stats page shows: the flag stats, precision per week, the queue per day,
    decisions per moderator."""
    _require(user)
    period = period_parse(since=since, until=until, site=site)
    decided = decided_list(since=period.since, until=period.until, site=period.site)
    moderators: dict[str, Counter] = defaultdict(Counter)
    for d in decided:
        moderators[d.actor][d.status] += 1
    return Overview(
        stats=measure(decided, period), weeks=weekly(decided, period),
        queue=queue_days(queue_backlog(since=period.since, until=period.until, site=period.site), period),
        moderators=dict(sorted(moderators.items(), key=lambda kv: -sum(kv[1].values()))),
    )


def stats_comment_ids(*, user: Any, metric: str, since: str | date | None = None, until: str | date | None = None,
                      site: str | None = None) -> list[int]:
    """The comments behind one number of :func:`flag_stats` (``labels.hate.missed``,
    ``signals.spam.flagged_approved``, ``unflagged_rejections``, ``moderators.NAME.rejected``)."""
    _require(user)
    period = period_parse(since=since, until=until, site=site)
    decided = decided_list(since=period.since, until=period.until, site=period.site)
    if metric.startswith("moderators."):
        _, _sep, rest = metric.partition(".")
        name, _sep, status = rest.rpartition(".")
        return [d.comment_id for d in decided if d.actor == name and d.status == status]
    return measure(decided, period).ids.get(metric, [])


#: the most comments the page behind a number lists
MAX_LISTED = 200


def stats_comments(*, user: Any, metric: str, since: str | date | None = None, until: str | date | None = None,
                   site: str | None = None) -> tuple[int, list[Decided]]:
    """The comments behind one number, as decided (newest decision first, at most :data:`MAX_LISTED`)."""
    ids = set(stats_comment_ids(user=user, metric=metric, since=since, until=until, site=site))
    if not ids:
        return 0, []
    period = period_parse(since=since, until=until, site=site)
    rows = [d for d in decided_list(since=period.since, until=period.until, site=period.site, with_body=True)
            if d.comment_id in ids]
    return len(ids), rows[::-1][:MAX_LISTED]


def site_choices() -> list[tuple[str, str]]:
    """(key, name) of every site, for the page's filter."""
    return list(Site.objects.order_by("name").values_list("slug", "name"))
