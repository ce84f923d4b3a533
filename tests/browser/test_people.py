"""The person page and bans in a real browser: a moderator goes from a queue item to the
person, writes a note, rejects everything of theirs still waiting and bans them; the
banned reader then meets the neutral refusal in the widget, and nothing is stored."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from civility.comments.models import Comment, Status
from civility.moderation.models import Decision
from civility.people.models import Ban, PersonNote, SanctionLog
from tests.browser.test_embed_flow import form_alert, open_thread, post
from tests.browser.test_queue_page import open_queue
from tests.conftest import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_script_errors")]


def test_from_a_queue_item_to_the_person_note_reject_all_and_ban(page, live_server, article, moderator, browser,
                                                                 screenshot):
    spam = [submit(article, f"Cheap watches, offer {i}!", name="Watch Seller", email="seller@spam.example")
            for i in range(3)]
    other = submit(article, "A thoughtful remark.", name="Reader", email="reader@example.org")
    open_queue(page, live_server, moderator)

    page.locator(f"#c{spam[0].pk}").get_by_role("link", name="seller@spam.example").click()
    expect(page).to_have_url(f"{live_server.url}/moderation/people/seller@spam.example/")
    expect(page.get_by_test_id("person-email")).to_have_text("seller@spam.example")
    expect(page.get_by_test_id("person-counts")).to_contain_text("3 waiting")
    expect(page.locator("table.person-comments tbody tr")).to_have_count(3)

    page.get_by_placeholder("What colleagues should know").fill("Same seller as last week.")
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_test_id("notes")).to_contain_text("Same seller as last week.")
    assert PersonNote.objects.get().author == moderator

    form = page.get_by_test_id("reject-all")
    form.get_by_label("Reject all 3 comments still waiting").select_option("spam")
    form.get_by_role("button", name="Reject everything pending").click()
    expect(page.locator(".messages")).to_contain_text("Rejected 3 pending comments.")
    expect(page.get_by_test_id("person-counts")).to_contain_text("3 rejected")
    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in spam])} == {Status.REJECTED}
    assert Decision.objects.filter(actor=moderator, reason="spam").count() == 3
    other.refresh_from_db()
    assert other.status == Status.PENDING

    ban_form = page.get_by_test_id("ban-form")
    ban_form.get_by_label("Ban").select_option(label="every address at spam.example")
    ban_form.get_by_label("Why").fill("Watch spam, three accounts")
    ban_form.get_by_role("button", name="Ban").click()
    expect(page.locator(".messages")).to_contain_text("Banned spam.example.")
    expect(page.get_by_test_id("bans")).to_contain_text("spam.example")
    screenshot("person-page-after-ban")
    ban = Ban.objects.get()
    assert (ban.kind, ban.value, ban.created_by) == ("email_domain", "spam.example", moderator)
    assert SanctionLog.objects.get().action == "ban"

    # The reader, in another browser context, is refused in neutral words; nothing is stored.
    reader = browser.new_context().new_page()
    thread = open_thread(reader, live_server)
    before = Comment.objects.count()
    post(thread, "Cheap watches again!", name="Watch Seller", email="new-account@mail.spam.example")
    expect(form_alert(thread)).to_contain_text("You cannot comment here at the moment.")
    assert Comment.objects.count() == before
    reader.context.close()

    page.get_by_test_id("bans").get_by_role("button", name="Lift").click()
    expect(page.locator(".messages")).to_contain_text("Lifted the ban on spam.example.")
    assert SanctionLog.objects.filter(action="unban", actor=moderator).exists()
    expect(page).to_have_url(re.compile(r"/moderation/people/seller@spam.example/$"))
