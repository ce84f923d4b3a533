"""The stats page in a real browser: its charts render, and a chart's point leads to its comments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civility.comments.models import Comment
from civility.moderation.models import Decision
from tests.browser.test_queue_page import log_in
from tests.conftest import make_user, submit
from tests.learning.helpers import decided, finding

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def backdate(comment, days: int) -> None:
    at = timezone.now() - timedelta(days=days)
    Comment.objects.filter(pk=comment.pk).update(created_at=at - timedelta(hours=5))
    Decision.objects.filter(comment=comment).update(created_at=at)  # the audit row's own save() refuses


def test_charts_render_and_a_point_opens_its_comments(page, live_server, article, moderator, no_script_errors,
                                                      screenshot):
    other = make_user("moderator", "second-mod")
    for week in range(4):
        for i in range(3 + week):  # the classifier's hate flag gets better week by week
            wrong = i < 3 - week
            c = decided(article, moderator if i % 2 else other, f"week {week} comment {i}",
                        finding("hate", 0.8, "classifier.v1"), finding("spam", 0.7 if i == 0 else 0.1, "spam.v2"),
                        action="approve" if wrong else "reject", reason=None if wrong else "hate_speech")
            backdate(c, 7 * (3 - week) + 1)
        c = decided(article, moderator, f"week {week} attack", action="reject", reason="personal_attack")
        backdate(c, 7 * (3 - week) + 2)
    old = submit(article, "waiting since last week")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    log_in(page, live_server, moderator, next_path="/moderation/stats/")
    since = (timezone.now() - timedelta(days=30)).date().isoformat()
    page.goto(f"{live_server.url}/moderation/stats/?since={since}")
    expect(page.get_by_role("heading", name="How good are the flags?")).to_be_visible()
    charts = page.locator("svg.chart")
    expect(charts).to_have_count(4)
    for i in range(4):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
    assert page.locator("svg.chart").first.locator("circle").count() >= 4  # hate's weekly points
    screenshot("stats-page")
    page.locator("svg.chart").first.locator('a[href*="labels.hate.flagged"]').last.click()
    expect(page.get_by_role("heading", name="comments behind")).to_contain_text("labels.hate.flagged")
    expect(page.locator("td.comment")).to_have_count(6)
    expect(page.get_by_text("week 3 comment 5")).to_be_visible()
