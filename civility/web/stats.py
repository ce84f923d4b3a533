"""The stats page: how good each flag is, the queue over time, who decided what (civility.learning)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from civility.errors import CivilityError
from civility.learning.stats import (
    LABEL_METRICS,
    SIGNAL_METRICS,
    site_choices,
    stats_comments,
    stats_overview,
)
from civility.moderation.explain import LABEL_NAMES
from civility.web.charts import Point, Series, bar_chart, line_chart, stacked_bars
from civility.web.views import _moderator


def _filters(request: HttpRequest) -> dict[str, str]:
    return {k: request.GET.get(k, "").strip() for k in ("since", "until", "site")}


def _drill(filters: dict[str, str], metric: str, **override: str) -> str:
    query = {k: v for k, v in {**filters, **override}.items() if v}
    return f"{reverse('moderation-stats-comments')}?{urlencode({**query, 'metric': metric})}"


@login_required
@require_GET
def stats_page(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    filters = _filters(request)
    try:
        view = stats_overview(user=request.user, since=filters["since"] or None, until=filters["until"] or None,
                              site=filters["site"] or None)
    except CivilityError as exc:
        messages.error(request, " ".join([exc.message, *exc.fields.values()]))
        return redirect("moderation-stats")
    stats = view.stats
    # the period as shown: links to a part of it keep the same period and site
    period = {"since": stats.period.since.date().isoformat(), "until": filters["until"], "site": filters["site"]}

    def cells(prefix: str, row: dict[str, Any], metrics: tuple[str, ...]) -> list[dict[str, Any]]:
        return [{"value": row[m], "href": _drill(period, f"{prefix}.{m}") if m != "precision" and row[m] else "",
                 "precision": m == "precision"} for m in metrics]

    labels = [{"key": k, "name": LABEL_NAMES.get(k, k), "cells": cells(f"labels.{k}", row, LABEL_METRICS)}
              for k, row in stats.labels.items()]
    signals = [{"key": k, "cells": cells(f"signals.{k}", row, SIGNAL_METRICS)} for k, row in stats.signals.items()]

    week_names = [w.start.strftime("%d %b") for w in view.weeks]
    shown = [k for k in stats.labels if any(w.labels[k][1] for w in view.weeks)]
    precision_chart = line_chart(
        _("Precision per label per week"), week_names,
        [Series(str(LABEL_NAMES.get(k, k)), [
            Point(w.labels[k][0], _("%(label)s, week of %(week)s: %(precision)s of %(n)d flagged were rejected") % {
                "label": LABEL_NAMES.get(k, k), "week": w.start.isoformat(),
                "precision": f"{w.labels[k][0]:.0%}" if w.labels[k][0] is not None else "—", "n": w.labels[k][1]},
                  _drill(period, f"labels.{k}.flagged", since=w.start.isoformat(),
                         until=(w.start + timedelta(days=7)).isoformat()))
            for w in view.weeks]) for k in shown])
    day_names = [d.day.strftime("%d %b") for d in view.queue]
    queue_url = reverse("moderation-queue")
    last = len(view.queue) - 1
    waiting_chart = bar_chart(_("Comments waiting at the end of each day"), day_names, [
        Point(d.waiting, _("%(day)s: %(n)d waiting") % {"day": d.day.isoformat(), "n": d.waiting},
              queue_url if i == last else "") for i, d in enumerate(view.queue)])
    oldest_chart = bar_chart(_("Oldest waiting comment, hours"), day_names, [
        Point(d.oldest_hours, _("%(day)s: the oldest had waited %(h)s hours") % {"day": d.day.isoformat(),
                                                                                  "h": d.oldest_hours})
        for d in view.queue], fmt="{:.0f} h", colour="#D55E00")
    moderator_chart = stacked_bars(_("Decisions per moderator"), [
        (name, [Point(counts.get(status, 0), f"{name}: {counts.get(status, 0)} {word}",
                      _drill(period, f"moderators.{name}.{status}"))
                for status, word in (("approved", _("approved")), ("rejected", _("rejected")))])
        for name, counts in view.moderators.items()], [_("approved"), _("rejected")])
    return render(request, "civility/stats.html", {
        "stats": stats, "labels": labels, "signals": signals, "filters": filters, "period": period,
        "sites": site_choices(), "label_metrics": LABEL_METRICS, "signal_metrics": SIGNAL_METRICS,
        "precision_chart": precision_chart, "waiting_chart": waiting_chart, "oldest_chart": oldest_chart,
        "moderator_chart": moderator_chart, "moderators": view.moderators,
        "unflagged_href": _drill(period, "unflagged_rejections") if stats.unflagged_rejections else "",
        "decided_href": _drill(period, "decided") if stats.decided else "",
        "waiting_now": view.queue[-1].waiting if view.queue else 0, "queue_url": queue_url,
    })


@login_required
@require_GET
def stats_comments_page(request: HttpRequest) -> HttpResponse:
    """The comments behind one number of the stats page."""
    _moderator(request)
    filters = _filters(request)
    metric = request.GET.get("metric", "").strip()
    try:
        total, rows = stats_comments(user=request.user, metric=metric, since=filters["since"] or None,
                                     until=filters["until"] or None, site=filters["site"] or None)
    except CivilityError as exc:
        messages.error(request, " ".join([exc.message, *exc.fields.values()]))
        return redirect("moderation-stats")
    back = f"{reverse('moderation-stats')}?{urlencode({k: v for k, v in filters.items() if v})}"
    return render(request, "civility/stats_comments.html", {
        "metric": metric, "total": total, "rows": rows, "filters": filters, "back": back})
