"""Staff endpoint: how good each flag is, measured from moderators' decisions (civility.learning)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from civility.api.auth import staff_auth
from civility.api.schemas import ErrorOut
from civility.learning.stats import flag_stats

router = Router(tags=["moderation"], auth=staff_auth)
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class StatsQuery(Schema):
    since: str | None = Field(None, description="First day, YYYY-MM-DD (default: 30 days ago).")
    site: str | None = Field(None, description="A site's key (default: every site).")


class LabelStatsOut(Schema):
    flagged: int
    flagged_rejected: int
    flagged_approved: int
    precision: float | None
    rejected_for_label: int
    missed: int


class SignalStatsOut(Schema):
    flagged: int
    flagged_rejected: int
    flagged_approved: int
    precision: float | None


class FlagStatsOut(Schema):
    since: str
    site: str | None
    decided: int = Field(description="Comments decided in the period (each once, as last decided).")
    labels: dict[str, LabelStatsOut]
    signals: dict[str, SignalStatsOut]
    unflagged_rejections: int


@router.get("/flags", response={200: FlagStatsOut, **ERRORS}, url_name="stats-flags",
            summary="How good each flag is, from decisions")
def flags(request: HttpRequest, q: Query[StatsQuery]):
    """Per label and per signal: how many decided comments it flagged, how many of those were
    rejected (``precision``), and for labels the rejections for that label it did not flag
    (``missed``); ``unflagged_rejections`` counts rejected comments that carried no flag."""
    return flag_stats(user=request.auth, since=q.since, site=q.site).public()
