"""The widget's gentle nudge before posting, and the bot evidence it sends.

Before a comment goes out, embed.js asks ``/api/v1/triage`` about the draft. When
the answer carries a ``nudge`` (the policy's call: a likely personal attack, hate
or threat, never a greeting), the draft is not sent at once: a calm notice with the
server's message offers "Edit my comment" or "Post anyway". Flags alone do not
nudge. The check must never stand in the way of posting, so a failing triage
endpoint means the comment is simply sent. Each submission carries a honeypot
value and the time spent on the form.

Triage is made deterministic by a tiny test signal that flags "idiot" (insult) and
"world" (hate, as the shipped model once did with "Hello world").
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from civility.comments.models import Comment, Status
from civility.triage import registry
from civility.triage.models import TriageReport
from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_script_errors")]

HELD = "held for review"
LOADED = re.compile(r"^\d+ comments?$")
NUDGE = "This draft may read as a personal attack."
# The emoji is one code point for Python (the server's offsets) but two UTF-16
# units for JavaScript: selecting "idiot" shows the widget converts the span.
RUDE = "Honestly 🙄 you are an idiot, and so is the mayor."
CIVIL = "Honestly 🙄 I disagree with you, and with the mayor."


@registry.register("test_nudge_insult.v1")
class CallsSomeoneAnIdiot(Signal):
    labels = ("insult", "hate")

    def __call__(self, doc: Doc) -> None:
        at = doc.text.find("idiot")
        if at >= 0:
            doc.add(Finding("insult", 0.9, "calls someone an idiot", spans=[(at, at + 5)]))
        at = doc.text.find("world")
        if at >= 0:
            doc.add(Finding("hate", 0.9, "a false alarm", spans=[(at, at + 5)]))


@pytest.fixture(autouse=True)
def _triage_and_limits(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_nudge_insult.v1"}]
    settings.CIVILITY_SUBMIT_RATE_PER_IP = None
    settings.CIVILITY_SUBMIT_RATE_PER_EMAIL = None
    settings.CIVILITY_TRIAGE_RATE_PER_IP = None
    settings.CIVILITY_NUDGE_AT = {"insult": 0.85, "hate": 0.95}


def open_thread(page, live_server):
    page.goto(f"{live_server.url}/articles/lachin-corridor/")
    thread = page.locator(".civ-thread")
    expect(thread.get_by_role("heading", name=LOADED)).to_be_visible()
    return thread


def fill(thread, body: str) -> None:
    thread.get_by_role("textbox", name="Name").fill("Ani Petrosyan")
    thread.get_by_role("textbox", name="Email").fill("ani@example.org")
    thread.get_by_role("textbox", name="Comment").fill(body)


def post(thread, body: str) -> None:
    fill(thread, body)
    thread.get_by_role("button", name="Post comment").click()


def nudge(thread):
    return thread.locator(".civ-nudge")


def form_status(thread):
    return thread.locator(".civ-form [role=status]")


def count_triage_calls(page) -> list[str]:
    """The texts the widget asked triage about, in order."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(json.loads(r.post_data)["text"])
            if r.url.endswith("/api/v1/triage") and r.method == "POST" else None)
    return asked


def test_a_civil_draft_is_posted_without_a_nudge(live_server, page, article):
    asked = count_triage_calls(page)
    thread = open_thread(page, live_server)

    post(thread, CIVIL)

    expect(form_status(thread)).to_contain_text(HELD)
    expect(nudge(thread)).to_be_empty()
    expect(thread.get_by_role("button", name="Post anyway")).to_have_count(0)
    assert asked == [CIVIL]
    assert Comment.objects.get().body == CIVIL


@pytest.mark.parametrize("draft", ["Hello world", "Hello world, the whole world is watching this corridor."])
def test_flags_without_the_servers_nudge_are_posted_at_once(live_server, page, article, draft):
    """A greeting the model flags, and a flag below the nudge level: the widget does not second-guess the policy."""
    asked = count_triage_calls(page)
    thread = open_thread(page, live_server)

    post(thread, draft)

    expect(form_status(thread)).to_contain_text(HELD)
    expect(nudge(thread)).to_be_empty()
    assert asked == [draft]
    stored = Comment.objects.get()
    assert TriageReport.objects.get(comment=stored).flag_labels == ",hate,"  # the moderator still sees the flag


def test_the_notice_shows_the_servers_words(live_server, page, article):
    def answer(route) -> None:
        route.fulfill(status=200, content_type="application/json", body=json.dumps({
            "scores": {}, "flags": [], "lang": "en", "duplicate_of": None, "campaign": None, "risk": 0.9,
            "complete": True, "nudge": {"label": "threat", "message": "Bu yorum tehdit gibi okunabilir.",
                                        "spans": [[0, 8]]}}))

    page.route("**/api/v1/triage", answer)
    thread = open_thread(page, live_server)

    post(thread, RUDE)

    expect(nudge(thread)).to_contain_text("Bu yorum tehdit gibi okunabilir.")
    thread.get_by_role("button", name="Edit my comment").click()
    box = thread.get_by_role("textbox", name="Comment")
    assert box.evaluate("b => b.value.slice(b.selectionStart, b.selectionEnd)") == "Honestly"
    assert not Comment.objects.exists()


def test_a_rude_draft_is_held_back_with_a_calm_notice(live_server, page, article, screenshot):
    thread = open_thread(page, live_server)

    post(thread, RUDE)

    notice = nudge(thread)
    expect(notice).to_have_attribute("aria-live", "polite")  # read out, calmly
    expect(notice).to_contain_text(NUDGE)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Would you like to edit it?")
    expect(notice.get_by_role("button", name="Edit my comment")).to_be_visible()
    expect(notice.get_by_role("button", name="Post anyway")).to_be_visible()
    # Above the submit button, and the draft is kept as it was.
    assert notice.bounding_box()["y"] < thread.get_by_role("button", name="Post comment").bounding_box()["y"]
    expect(thread.get_by_role("textbox", name="Comment")).to_have_value(RUDE)
    expect(thread.get_by_role("button", name="Post comment")).to_be_enabled()
    expect(form_status(thread)).to_be_empty()
    assert not Comment.objects.exists()

    screenshot("embed-nudge-1200")
    page.set_viewport_size({"width": 360, "height": 800})
    notice.scroll_into_view_if_needed()
    screenshot("embed-nudge-360")


def test_edit_my_comment_selects_the_passage_and_an_edited_draft_is_asked_again(live_server, page, article):
    asked = count_triage_calls(page)
    thread = open_thread(page, live_server)
    box = thread.get_by_role("textbox", name="Comment")
    post(thread, RUDE)
    expect(nudge(thread)).to_contain_text(NUDGE)

    thread.get_by_role("button", name="Edit my comment").click()

    expect(box).to_be_focused()
    assert box.evaluate("b => b.value.slice(b.selectionStart, b.selectionEnd)") == "idiot"

    # Still rude after an edit: the next submit asks again rather than posting.
    box.fill("You are an idiot.")
    thread.get_by_role("button", name="Post comment").click()
    expect(nudge(thread)).to_contain_text(NUDGE)
    assert not Comment.objects.exists()

    # Civil now: posted straight away, no notice.
    box.fill(CIVIL)
    thread.get_by_role("button", name="Post comment").click()
    expect(form_status(thread)).to_contain_text(HELD)
    expect(nudge(thread)).to_be_empty()
    assert asked == [RUDE, "You are an idiot.", CIVIL]
    assert list(Comment.objects.values_list("body", flat=True)) == [CIVIL]


def test_post_anyway_sends_the_text_exactly_as_typed(live_server, page, article):
    asked = count_triage_calls(page)
    thread = open_thread(page, live_server)
    post(thread, RUDE)
    expect(nudge(thread)).to_contain_text(NUDGE)

    thread.get_by_role("button", name="Post anyway").click()

    expect(form_status(thread)).to_contain_text(HELD)
    expect(nudge(thread)).to_be_empty()
    expect(thread.get_by_role("textbox", name="Comment")).to_have_value("")
    assert asked == [RUDE]  # not asked a second time
    stored = Comment.objects.get()
    assert stored.body == RUDE
    assert stored.status == Status.PENDING
    # The moderator still sees what triage found.
    assert TriageReport.objects.get(comment=stored).flag_labels == ",insult,"


@pytest.mark.parametrize("failure", ["abort", "server_error", "rate_limited", "no_answer"])
def test_a_failing_triage_never_blocks_posting(live_server, page, article, failure):
    def answer(route) -> None:
        if failure == "abort":
            route.abort()
        elif failure == "server_error":
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error</h1>")
        elif failure == "rate_limited":
            route.fulfill(status=429, content_type="application/json",
                          body='{"error": {"code": "rate_limited", "message": "Slow down.", "fields": {}}}')
        # "no_answer": never answered; the widget gives up after about 2.5 s.

    page.route("**/api/v1/triage", answer)
    thread = open_thread(page, live_server)

    post(thread, RUDE)

    expect(form_status(thread)).to_contain_text(HELD)
    expect(nudge(thread)).to_be_empty()
    assert Comment.objects.get().body == RUDE


def test_submission_carries_an_empty_honeypot_and_the_time_on_the_form(live_server, page, article):
    thread = open_thread(page, live_server)
    # The honeypot is in the form but out of sight and out of the accessibility tree.
    trap = thread.locator("input[name=website]")
    expect(trap).to_have_count(1)
    expect(trap).to_have_attribute("tabindex", "-1")
    expect(trap).to_have_attribute("autocomplete", "off")
    expect(thread.locator(".civ-hp")).to_have_attribute("aria-hidden", "true")
    assert trap.get_attribute("style") is None
    box = trap.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
    expect(thread.locator(".civ-form").get_by_role("textbox")).to_have_count(3)  # name, email, comment

    fill(thread, CIVIL)
    with page.expect_request(lambda r: r.method == "POST" and "/comments" in r.url) as sent:
        thread.get_by_role("button", name="Post comment").click()
    expect(form_status(thread)).to_contain_text(HELD)

    payload = json.loads(sent.value.post_data)
    assert payload["website"] == ""
    assert isinstance(payload["elapsed_ms"], int)
    assert payload["elapsed_ms"] >= 0
    stored = Comment.objects.get()
    report = TriageReport.objects.get(comment=stored).report
    assert report["flags"] == []
    assert not any("honeypot" in json.dumps(f).lower() for f in report["findings"])


def test_an_empty_draft_is_not_checked(live_server, page, article):
    asked = count_triage_calls(page)
    thread = open_thread(page, live_server)

    post(thread, "   ")

    expect(thread.get_by_role("textbox", name="Comment")).to_have_accessible_description("The comment is empty.")
    expect(nudge(thread)).to_be_empty()
    assert asked == []
