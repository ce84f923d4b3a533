"""A queue shared by a team, in real browsers: new comments appear without a reload (with the
count in the tab's title), and opening an item claims it: a colleague sees "Anna is on it",
their decision is refused until they take it over."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from civility.comments.models import Status
from civility.moderation.models import Decision
from tests.browser.test_queue_page import item, open_queue
from tests.conftest import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_script_errors")]

POLL = 20_000  # ms: the page polls every 5 s; a busy test machine gets time to spare


def test_new_comments_appear_without_a_reload(page, live_server, article, moderator, screenshot):
    first = submit(article, "Already waiting.", name="Ada")
    open_queue(page, live_server, moderator)
    expect(page).to_have_title("Queue (1) · Civility")
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    fresh = submit(article, "Posted while the queue was open.", name="Bo")
    expect(item(page, fresh)).to_be_visible(timeout=POLL)
    expect(page).to_have_title("Queue (2) · Civility")
    expect(page.get_by_test_id("pending-count")).to_have_text("2 pending")
    assert page.evaluate("window.__sameDocument") is True
    screenshot("queue-live-new-comment")

    # the keys and the selection know the new item
    page.locator("#select-all").check()
    expect(page.locator(".bulk-count")).to_have_text("2 selected")
    page.locator("#select-all").uncheck()
    approve = page.locator(f"#c{fresh.pk} .qactions button[value=approve]")
    # focusing the item claims it: let that request finish before the decision's (the live
    # server shares one SQLite connection between its threads, which real servers never do)
    with page.expect_response(lambda r: "/claim" in r.url):
        approve.focus()
    approve.click()
    expect(page.locator(".messages")).to_contain_text("Approved 1 comment.")
    fresh.refresh_from_db()
    first.refresh_from_db()
    assert (fresh.status, first.status) == (Status.APPROVED, Status.PENDING)


def test_an_opened_item_is_claimed_and_a_colleague_must_take_it_over(page, browser, live_server, article, moderator,
                                                                     anna, screenshot):
    comment = submit(article, "Is this a threat or a joke?", name="Cy")
    anna_page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    open_queue(anna_page, live_server, anna)
    with anna_page.expect_response(lambda r: "/claim" in r.url) as claimed:
        anna_page.keyboard.press("j")  # Anna opens the comment: she is on it
    assert claimed.value.ok  # stored before her colleague's page loads
    expect(item(anna_page, comment)).to_be_focused()

    open_queue(page, live_server, moderator)
    claim = item(page, comment).locator("form.qclaim")
    expect(claim).to_be_visible(timeout=POLL)
    expect(claim).to_contain_text("Anna is on it")
    screenshot("queue-claimed-by-a-colleague")

    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator(".messages")).to_contain_text("Anna is on it")
    comment.refresh_from_db()
    assert comment.status == Status.PENDING and not Decision.objects.exists()

    item(page, comment).get_by_role("button", name="Take over").click()
    expect(page.locator(".messages")).to_contain_text(f"You are on comment {comment.pk} now.")
    expect(item(page, comment).locator("form.qclaim")).to_be_hidden()
    page.locator(f"#c{comment.pk} .qactions button[value=approve]").click()
    expect(page.locator(".messages")).to_contain_text("Approved 1 comment.")
    assert Decision.objects.get().actor == moderator

    # Anna's page hears of it: the comment is no longer hers, the count follows
    expect(anna_page).to_have_title(re.compile(r"^Queue \(0\)"), timeout=POLL)
    anna_page.context.close()
