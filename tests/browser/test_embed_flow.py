"""The embedded thread (static/civility/embed.js) in a real browser.

A reader posts through the widget, the comment waits, a moderator approves it
in the server-rendered queue, and then readers see it. The other tests cover
what the widget must never get wrong: markup shown as text, replies landing
under their parent, field errors, closed threads, logged-in authors (CSRF),
paging, an unreachable service and rate limits.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from civility.comments.models import Comment, Status
from tests.conftest import approve, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_script_errors")]

PASSWORD = "correct-horse-battery-staple-42"
HELD = "held for review"
LOADED = re.compile(r"^\d+ comments?$")


def article_url(live_server) -> str:
    return f"{live_server.url}/articles/lachin-corridor/"


def open_thread(page, live_server):
    """Open the article page and wait until the widget has rendered the thread.

    Waiting for the count in the heading is what makes "X is not shown"
    assertions meaningful: before it, nothing would be shown either.
    """
    page.goto(article_url(live_server))
    thread = page.locator(".civ-thread")
    expect(thread.get_by_role("heading", name=LOADED)).to_be_visible()
    return thread


def post(scope, body: str, *, name: str | None = "Ani Petrosyan", email: str | None = "ani@example.org"):
    """Fill the widget's form inside ``scope`` and send it."""
    if name is not None:
        scope.get_by_role("textbox", name="Name").fill(name)
    if email is not None:
        scope.get_by_role("textbox", name="Email").fill(email)
    scope.get_by_role("textbox", name="Comment").fill(body)
    scope.get_by_role("button", name="Post comment").click()


def form_status(thread):
    return thread.locator(".civ-form [role=status]")


def form_alert(thread):
    return thread.locator(".civ-form [role=alert]")


def log_in(page, live_server, user, next_path: str = "") -> None:
    user.set_password(PASSWORD)
    user.save()
    page.goto(f"{live_server.url}/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    page.get_by_label("User name").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # Django's login view redirects only when the password was accepted.
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_reader_comment_waits_for_a_moderator_then_appears(
    live_server, page, browser, article, moderator, screenshot
):
    body = "My grandmother queued for bread before dawn every day of the blockade."
    thread = open_thread(page, live_server)
    expect(thread.get_by_text("No comments yet. Start the conversation.")).to_be_visible()
    expect(thread.locator(".civ-policy")).to_contain_text("A moderator reads every comment")

    post(thread, body)

    expect(form_status(thread)).to_contain_text(HELD)
    expect(form_status(thread)).not_to_contain_text("published")
    # The body is cleared for the next comment; who is writing is kept.
    expect(thread.get_by_role("textbox", name="Comment")).to_have_value("")
    expect(thread.get_by_role("textbox", name="Name")).to_have_value("Ani Petrosyan")
    screenshot("embed-held-for-review")
    stored = Comment.objects.get(body=body)
    assert stored.status == Status.PENDING
    assert stored.author_email == "ani@example.org"

    # Held means held: nobody sees it, not even the person who wrote it.
    page.reload()
    thread = page.locator(".civ-thread")
    expect(thread.get_by_role("heading", name="0 comments")).to_be_visible()
    expect(thread.get_by_text(body)).to_have_count(0)
    expect(thread.get_by_text("No comments yet. Start the conversation.")).to_be_visible()

    # A moderator approves it in the server-rendered queue (its own browser context).
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        mod = context.new_page()
        log_in(mod, live_server, moderator)
        mod.goto(f"{live_server.url}/moderation/")
        item = mod.locator("li.qitem", has_text=body)
        expect(item).to_be_visible()
        expect(item).to_contain_text("Ani Petrosyan")
        item.get_by_role("button", name="Approve", exact=True).click()
        expect(mod.locator("li.qitem", has_text=body)).to_have_count(0)
    finally:
        context.close()
    stored.refresh_from_db()
    assert stored.status == Status.APPROVED

    thread = open_thread(page, live_server)
    expect(thread.get_by_role("heading", name="1 comment")).to_be_visible()
    shown = thread.locator(".civ-comment", has_text=body)
    expect(shown).to_be_visible()
    expect(shown.locator(".civ-author")).to_have_text("Ani Petrosyan")
    expect(shown.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-\d\d-\d\dT"))
    expect(shown).not_to_contain_text("ani@example.org")
    expect(thread.get_by_text("No comments yet.")).to_be_hidden()
    screenshot("embed-approved")


def test_markup_in_a_comment_is_shown_as_text(live_server, page, article, moderator):
    markup = "<script>alert(1)</script> and <b>x</b>"
    approve(moderator, submit(article, markup, name="<i>Mallory</i>"))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    thread = open_thread(page, live_server)

    comment = thread.locator(".civ-comment")
    expect(comment.locator(".civ-body")).to_have_text(markup)
    expect(comment.locator(".civ-author")).to_have_text("<i>Mallory</i>")
    expect(thread.locator("script, b, i")).to_have_count(0)
    assert dialogs == []


def test_reply_is_stored_under_its_parent(live_server, page, article, moderator, screenshot):
    parent = submit(article, "The ICJ order is worth reading in full.", name="Elchin")
    approve(moderator, parent)
    thread = open_thread(page, live_server)
    parent_item = thread.locator(f'.civ-comment[data-comment-id="{parent.pk}"]')

    # Reply opens the form under the comment; cancelling puts it back on top.
    parent_item.get_by_role("button", name="Reply").click()
    reply_form = parent_item.locator("form")
    expect(reply_form).to_contain_text("Replying to Elchin")
    expect(reply_form.get_by_role("textbox", name="Comment")).to_be_focused()
    reply_form.get_by_role("button", name="Cancel reply").click()
    expect(parent_item.locator("form")).to_have_count(0)
    expect(thread.locator(".civ-compose > form")).to_be_visible()
    expect(parent_item.get_by_role("button", name="Reply")).to_be_focused()

    parent_item.get_by_role("button", name="Reply").click()
    screenshot("embed-reply-form")
    post(reply_form, "It is shorter than people think, too.", name="Davit", email="davit@example.org")
    expect(form_status(thread)).to_contain_text(HELD)

    reply = Comment.objects.get(body="It is shorter than people think, too.")
    assert reply.parent_id == parent.pk
    assert reply.status == Status.PENDING

    approve(moderator, reply)
    thread = open_thread(page, live_server)
    nested = thread.locator(f'.civ-comment[data-comment-id="{parent.pk}"] .civ-replies .civ-comment')
    expect(nested).to_have_count(1)
    expect(nested).to_contain_text("It is shorter than people think, too.")
    expect(nested.locator(".civ-author")).to_have_text("Davit")


def test_field_errors_are_shown_next_to_their_fields(live_server, page, article, screenshot):
    thread = open_thread(page, live_server)

    post(thread, "   ", email="not-an-email")

    expect(form_alert(thread)).to_have_text("Please correct the highlighted fields.")
    email = thread.get_by_role("textbox", name="Email")
    body = thread.get_by_role("textbox", name="Comment")
    name = thread.get_by_role("textbox", name="Name")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(re.compile("does not look like an email address"))
    expect(body).to_have_attribute("aria-invalid", "true")
    expect(body).to_have_accessible_description("The comment is empty.")
    expect(name).not_to_have_attribute("aria-invalid", "true")
    expect(email).to_be_focused()  # the first field to fix
    screenshot("embed-field-errors")
    assert not Comment.objects.exists()

    # Fixing the fields clears the errors on the next try.
    post(thread, "Now with a body.", name=None, email="ani@example.org")
    expect(form_status(thread)).to_contain_text(HELD)
    expect(form_alert(thread)).to_be_empty()
    expect(email).not_to_have_attribute("aria-invalid", "true")
    expect(thread.get_by_text("The comment is empty.")).to_have_count(0)
    assert Comment.objects.get().body == "Now with a body."


def test_closed_article_shows_its_comments_but_no_form(live_server, page, article, moderator, screenshot):
    approve(moderator, submit(article, "Said before the thread closed."))
    article.comments_open = False
    article.save()

    thread = open_thread(page, live_server)

    expect(thread.get_by_text("Said before the thread closed.")).to_be_visible()
    expect(thread.get_by_text("Comments are closed on this article.")).to_be_visible()
    expect(thread.locator("form")).to_be_hidden()
    expect(thread.get_by_role("textbox")).to_have_count(0)
    expect(thread.get_by_role("button", name="Reply")).to_have_count(0)
    screenshot("embed-closed")


def test_logged_in_author_comments_under_their_account(live_server, page, site, article, author):
    # The site lets authors skip the queue, so the widget must show the comment at once.
    site.authors_skip_queue = True
    site.save()
    article.authors.add(author)
    author.display_name = "Lilit Hovhannisyan"
    author.save()
    log_in(page, live_server, author, next_path="/articles/lachin-corridor/")

    thread = open_thread(page, live_server)
    expect(thread.get_by_text("Commenting as Lilit Hovhannisyan (author)")).to_be_visible()
    expect(thread.get_by_role("textbox", name="Name")).to_have_count(0)
    expect(thread.get_by_role("textbox", name="Email")).to_have_count(0)

    # Session-authenticated writes fail without the X-CSRFToken header.
    post(thread, "Author here: the follow-up is online.", name=None, email=None)

    expect(form_status(thread)).to_have_text("Your comment is published.")
    shown = thread.locator(".civ-comment", has_text="Author here: the follow-up is online.")
    expect(shown.locator(".civ-badge")).to_have_text("Author")
    expect(shown.locator(".civ-author")).to_have_text("Lilit Hovhannisyan")
    stored = Comment.objects.get()
    assert stored.user_id == author.pk
    assert stored.status == Status.APPROVED


def test_author_recovers_from_a_stale_csrf_token_and_an_expired_login(live_server, page, article, author):
    log_in(page, live_server, author, next_path="/articles/lachin-corridor/")
    thread = open_thread(page, live_server)
    expect(thread.get_by_text(f"Commenting as {author.public_name} (author)")).to_be_visible()

    # The CSRF cookie is gone (as after a login in another tab): the first try is
    # refused, the widget fetches a fresh token, and sending again works.
    page.context.clear_cookies(name="csrftoken")
    post(thread, "Sent with a stale token.", name=None, email=None)
    expect(form_alert(thread)).to_contain_text("could not confirm your login")
    assert not Comment.objects.exists()
    thread.get_by_role("button", name="Post comment").click()
    expect(form_status(thread)).to_contain_text(HELD)
    assert Comment.objects.get().user_id == author.pk

    # The session itself expires: the server sees an anonymous reader, so the
    # widget brings back the name and email fields instead of a dead end.
    page.context.clear_cookies(name="sessionid")
    post(thread, "Sent after the login expired.", name=None, email=None)
    expect(form_alert(thread)).to_contain_text("Your login has expired")
    name = thread.get_by_role("textbox", name="Name")
    expect(name).to_be_visible()
    expect(name).to_have_accessible_description("Please give a name to show with your comment.")
    expect(thread.get_by_text("Commenting as")).to_be_hidden()
    post(thread, "Sent after the login expired.")
    expect(form_status(thread)).to_contain_text(HELD)
    assert Comment.objects.filter(user=None, author_name="Ani Petrosyan").count() == 1


def test_show_more_and_order_toggle(live_server, page, site, article, moderator):
    site.page_size = 2
    site.save()
    for body in ("first", "second", "third"):
        approve(moderator, submit(article, body))

    thread = open_thread(page, live_server)
    bodies = thread.locator(".civ-list > .civ-comment > .civ-body")
    expect(thread.get_by_role("heading", name="3 comments")).to_be_visible()
    expect(bodies).to_have_text(["third", "second"])

    thread.get_by_role("button", name="Show more comments").click()
    expect(bodies).to_have_text(["third", "second", "first"])
    expect(thread.get_by_role("button", name="Show more comments")).to_be_hidden()

    thread.get_by_role("button", name="Oldest first").click()
    expect(thread.get_by_role("button", name="Oldest first")).to_have_attribute("aria-pressed", "true")
    expect(bodies).to_have_text(["first", "second"])
    expect(thread.get_by_role("button", name="Show more comments")).to_be_visible()


def test_unreachable_service_offers_a_retry(live_server, page, article):
    page.route("**/api/v1/articles/**", lambda route: route.abort())
    page.goto(article_url(live_server))
    thread = page.locator(".civ-thread")
    expect(thread.get_by_role("alert")).to_contain_text("Could not reach the comment service")

    page.unroute("**/api/v1/articles/**")
    thread.get_by_role("button", name="Try again").click()

    expect(thread.get_by_role("heading", name="0 comments")).to_be_visible()
    expect(thread.get_by_role("button", name="Try again")).to_have_count(0)


def test_rate_limited_submission_says_to_wait(live_server, page, article, settings):
    settings.CIVILITY_SUBMIT_RATE_PER_IP = "1/h"
    thread = open_thread(page, live_server)
    post(thread, "One.")
    expect(form_status(thread)).to_contain_text(HELD)

    post(thread, "Two.")

    expect(form_alert(thread)).to_contain_text("Too many comments")
    expect(form_alert(thread)).to_contain_text(re.compile(r"try again in (about )?\d+ (second|minute)"))
    expect(form_status(thread)).to_be_empty()
    expect(thread.get_by_role("textbox", name="Comment")).to_have_value("Two.")
    assert list(Comment.objects.values_list("body", flat=True)) == ["One."]
