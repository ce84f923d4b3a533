"""The notification pages in a real browser: a moderator's alerts, unsubscribing, confirming an address."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from playwright.sync_api import expect

from civility.comments.models import Status
from civility.comments.services import comment_submit
from civility.notifications.confirmations import confirm_token, confirmation_needed
from civility.notifications.models import ModeratorAlerts, SiteNotifications, Unsubscribe
from civility.notifications.tokens import unsubscribe_token
from tests.browser.test_embed_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_script_errors")]


def test_a_moderator_chooses_alerts_from_the_top_bar(live_server, page, moderator, screenshot):
    log_in(page, live_server, moderator, "/moderation/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Alerts").click()
    expect(page.get_by_role("heading", name="Your alerts")).to_be_visible()
    page.get_by_label("Email me when a high-risk comment arrives").check()
    page.get_by_label("Email me when the oldest pending comment has waited longer than (minutes)").fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="greater than or equal to 5")).to_be_visible()
    page.get_by_label("Email me when the oldest pending comment has waited longer than (minutes)").fill("30")
    page.get_by_label("Send me a daily digest").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your alerts are saved.")).to_be_visible()
    screenshot("notifications-alerts")
    prefs = ModeratorAlerts.objects.get(user=moderator)
    assert (prefs.high_risk, prefs.waiting_minutes, prefs.daily_digest) == (True, 30, True)


def test_a_reader_unsubscribes_with_one_button_and_confirms_an_address(live_server, page, article, screenshot):
    page.goto(f"{live_server.url}/notifications/unsubscribe/{unsubscribe_token(email='ola@example.org', kind='reply')}")
    expect(page.get_by_text("Stop sending emails saying “A reply to your comment” to ola@example.org?")).to_be_visible()
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("status")).to_contain_text("will get no more")
    screenshot("notifications-unsubscribed")
    assert Unsubscribe.objects.filter(email="ola@example.org", kind="reply").exists()

    SiteNotifications.objects.create(site=article.site, confirm_email=True)
    assert confirmation_needed(user=None, article_key=article.key, email="ola@example.org")
    comment = comment_submit(user=AnonymousUser(), article_key=article.key, body="Waiting for my address.",
                             author_name="Ola", author_email="ola@example.org", hold_until_confirmed=True)
    page.goto(f"{live_server.url}/notifications/confirm/{confirm_token('ola@example.org')}")
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.get_by_role("status")).to_contain_text("now with the moderators")
    screenshot("notifications-confirmed")
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
