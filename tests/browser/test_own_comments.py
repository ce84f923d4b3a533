"""A reader edits and deletes their own comment from the widget, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from civility.comments.models import Comment, Status
from civility.readers.models import Revision, RevisionStatus
from tests.conftest import approve

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_script_errors")]


def open_thread(page, live_server, article):
    page.goto(f"{live_server.url}/articles/{article.key}/?lang=en")
    thread = page.locator(".civ-thread")
    expect(thread.locator(".civ-heading")).to_have_text("0 comments")
    return thread


def post(thread, body, name="Ani", email="ani@example.org"):
    thread.get_by_role("textbox", name="Name").fill(name)
    thread.get_by_role("textbox", name="Email").fill(email)
    thread.get_by_role("textbox", name="Comment").fill(body)
    thread.get_by_role("button", name="Post comment").click()


def test_edit_a_pending_comment_then_delete_it_once_published(live_server, page, article, moderator, screenshot):
    thread = open_thread(page, live_server, article)
    post(thread, "The corridor opened in 1992.")
    expect(thread.locator(".civ-form [role=status]")).to_contain_text("held for review")

    # right after posting: Edit, with the text as sent
    thread.locator(".civ-just-posted").get_by_role("button", name="Edit").click()
    box = thread.get_by_role("textbox", name="Your comment")
    expect(box).to_have_value("The corridor opened in 1992.")
    box.fill("The corridor opened in 1993.")
    thread.get_by_role("button", name="Save changes").click()
    expect(thread.locator(".civ-form [role=status]")).to_contain_text("Your comment is changed.")
    comment = Comment.objects.get()
    assert comment.body == "The corridor opened in 1993." and comment.status == Status.PENDING

    # once published, the same browser sees Edit and Delete on it (and nobody else does)
    approve(moderator, comment)
    page.reload()
    item = thread.locator(f"[data-comment-id='{comment.pk}']")
    expect(item.get_by_role("button", name="Delete")).to_be_visible()
    screenshot("own-comment-actions")

    item.get_by_role("button", name="Edit").click()
    item.get_by_role("textbox", name="Your comment").fill("The corridor opened in 1994.")
    item.get_by_role("button", name="Save changes").click()
    expect(item.get_by_role("status")).to_contain_text("until a moderator approves it")
    expect(item.locator(".civ-body")).to_have_text("The corridor opened in 1993.")  # never unreviewed text
    assert Revision.objects.get(status=RevisionStatus.PENDING).after == "The corridor opened in 1994."

    item.get_by_role("button", name="Delete").click()
    thread.get_by_role("button", name="Yes, delete it").click()
    expect(thread.locator(".civ-comment")).to_have_count(0)
    expect(thread.locator(".civ-form [role=status]")).to_contain_text("Your comment is deleted.")
    assert Comment.objects.get().status == Status.REJECTED

    other = page.context.browser.new_context().new_page()  # another browser: no token, no buttons
    other.goto(f"{live_server.url}/articles/{article.key}/")
    expect(other.locator(".civ-thread .civ-heading")).to_have_text("0 comments")
    other.context.close()


def test_no_buttons_after_the_window(live_server, page, article, moderator, settings):
    thread = open_thread(page, live_server, article)
    post(thread, "Short-lived.")
    expect(thread.locator(".civ-just-posted").get_by_role("button", name="Delete")).to_be_visible()
    approve(moderator, Comment.objects.get())
    page.evaluate("""() => { for (const k of Object.keys(localStorage)) {
        const v = JSON.parse(localStorage.getItem(k)); v.until = '2000-01-01T00:00:00Z';
        localStorage.setItem(k, JSON.stringify(v)); } }""")
    page.reload()
    expect(thread.locator(".civ-comment")).to_have_count(1)
    expect(thread.locator(".civ-comment").get_by_role("button", name="Delete")).to_have_count(0)


def test_report_a_published_comment(live_server, page, article, moderator):
    from civility.readers.models import Report
    from tests.conftest import submit

    approve(moderator, submit(article, "Everyone who disagrees is a fool.", name="Loud"))
    page.goto(f"{live_server.url}/articles/{article.key}/?lang=tr")
    thread = page.locator(".civ-thread")
    item = thread.locator(".civ-comment")
    expect(item).to_have_count(1)
    item.get_by_role("button", name="Bildir").click()
    item.get_by_role("button", name="Bildirimi gönder").click()
    expect(item.get_by_role("alert")).to_contain_text("Kurallardan bir gerekçe seçin.")
    item.get_by_label("Neden?").select_option("personal_attack")
    item.get_by_label("Not (isteğe bağlı)").fill("Herkese hakaret ediyor")
    item.get_by_role("button", name="Bildirimi gönder").click()
    expect(item.get_by_role("status")).to_contain_text("Teşekkürler. Bir moderatör bu yoruma yeniden bakacak.")
    expect(item.get_by_role("button", name="Bildir")).to_have_count(0)
    stored = Report.objects.get()
    assert stored.reason == "personal_attack" and stored.note == "Herkese hakaret ediyor"
