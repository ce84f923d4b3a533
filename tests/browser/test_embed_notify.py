"""The widget's "Email me replies" box (civility/notifications) in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from civility.comments.models import Comment
from civility.notifications.models import ReplyWatch
from tests.browser.test_embed_flow import HELD, form_status, open_thread, post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("no_script_errors", "_triage_loaded")]


@pytest.fixture(scope="module")
def _triage_loaded():
    """Load the triage models before the browser waits on a submission (seconds on a busy machine)."""
    from civility.triage.services import triage_text

    triage_text("Loading the models before the first comment.")


def test_ticking_email_me_replies_is_remembered_with_the_comment(live_server, page, article, screenshot):
    thread = open_thread(page, live_server)
    box = thread.get_by_role("checkbox", name="Email me replies")
    expect(box).not_to_be_checked()
    # the box sits beside its label, on one line (a stylesheet that lost a brace once put it above)
    label = thread.locator("label[for$='notify_replies']")
    b, lab = box.bounding_box(), label.bounding_box()
    assert b["x"] + b["width"] <= lab["x"] and abs((b["y"] + b["height"] / 2) - (lab["y"] + lab["height"] / 2)) < 8
    box.check()
    screenshot("embed-email-me-replies")
    post(thread, "Tell me when someone answers, please.", email="lia@example.org")
    expect(form_status(thread)).to_contain_text(HELD)
    asked = Comment.objects.get(body="Tell me when someone answers, please.")
    assert list(ReplyWatch.objects.values_list("comment_id", flat=True)) == [asked.pk]

    box.uncheck()
    post(thread, "This one needs no answers.", email="lia@example.org")
    expect(thread.get_by_role("textbox", name="Comment")).to_have_value("")
    assert Comment.objects.filter(body="This one needs no answers.").exists()
    assert list(ReplyWatch.objects.values_list("comment_id", flat=True)) == [asked.pk]


def test_a_reader_whose_address_needs_confirming_is_told_so(live_server, page, article):
    from civility.notifications.models import SiteNotifications

    SiteNotifications.objects.create(site=article.site, confirm_email=True)
    thread = open_thread(page, live_server)
    post(thread, "My first comment here.", email="new@example.org")
    expect(form_status(thread)).to_contain_text("Please confirm your email address")
    assert Comment.objects.get(body="My first comment here.").status == "unconfirmed"
