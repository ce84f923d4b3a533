"""Accessibility measured with axe-core (vendored for the tests only: vendor/axe-core).

Every page readers and staff use, in every language: no serious or critical violation of
WCAG 2.1 A/AA as axe checks it (contrast of muted text and key hints included). Staff pages
also work on a 390 px phone without scrolling sideways.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_queue_page import PASSWORD
from tests.conftest import approve, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
LANGUAGES = ["en", "ru", "az", "tr", "hy"]
PHONE = {"width": 390, "height": 844}


def context_for(browser, *, language: str = "en", viewport=None):
    context = browser.new_context(locale=language, viewport=viewport or {"width": 1200, "height": 900})
    # An init script is not subject to the page's Content-Security-Policy (script-src 'self').
    context.add_init_script(script=AXE)
    return context


def serious_violations(page) -> list[dict]:
    """axe's violations of impact serious or critical, WCAG 2.x A/AA and best practices."""
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
            resultTypes: ['violations'],
        });
        return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary})),
        }));
    }""")
    return [v for v in found if v["impact"] in ("serious", "critical")]


def assert_accessible(page) -> None:
    bad = serious_violations(page)
    assert bad == [], json.dumps(bad, ensure_ascii=False, indent=1)


#: the contrast of each element's text against what is behind it (WCAG 2.x relative luminance);
#: backgrounds with alpha are composited up to the page, text colour with alpha over the result
CONTRAST = """(selector) => {
    const parse = (value) => {
        const srgb = /color\\(srgb ([\\d.e-]+) ([\\d.e-]+) ([\\d.e-]+)(?: \\/ ([\\d.e-]+))?\\)/.exec(value);
        if (srgb) return [srgb[1] * 255, srgb[2] * 255, srgb[3] * 255, srgb[4] === undefined ? 1 : +srgb[4]];
        const rgb = /rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)/.exec(value);
        if (rgb) return [+rgb[1], +rgb[2], +rgb[3], rgb[4] === undefined ? 1 : +rgb[4]];
        throw new Error('cannot read colour ' + value);
    };
    const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
    const luminance = (c) => {
        const linear = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        const [r, g, b] = c.slice(0, 3).map(linear);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return Array.from(document.querySelectorAll(selector))
        .filter((n) => n.getClientRects().length && n.textContent.trim())
        .map((n) => {
            const layers = [];
            for (let at = n; at; at = at.parentElement) layers.push(parse(getComputedStyle(at).backgroundColor));
            let back = [255, 255, 255, 1];
            for (const layer of layers.reverse()) back = over(layer, back);
            const text = over(parse(getComputedStyle(n).color), back);
            const [a, b] = [luminance(text), luminance(back)].sort((x, y) => y - x);
            return {text: n.textContent.trim().slice(0, 30), ratio: (a + 0.05) / (b + 0.05)};
        });
}"""


def low_contrast(page, selector: str) -> list[dict]:
    checked = page.evaluate(CONTRAST, selector)
    assert checked, f"nothing matched {selector}"
    return [c for c in checked if c["ratio"] < 4.5]


def no_sideways_scroll(page) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    wide = page.evaluate("""(w) => Array.from(document.querySelectorAll('body *'))
        .filter((n) => n.getBoundingClientRect().right > w + 1)
        .slice(0, 5).map((n) => n.tagName + '.' + n.className)""", width[1])
    assert width[0] <= width[1], f"the page scrolls sideways at {width[1]} px: {width[0]} px wide; {wide}"


def log_in(page, live_server, user) -> None:
    user.set_password(PASSWORD)
    user.save()
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/moderation/$"))


@pytest.fixture
def busy_thread(article, moderator):
    """A thread with an approved comment and a reply, and a queue with flagged comments."""
    first = submit(article, "Շատ հետաքրքիր հոդված է, շնորհակալություն հեղինակին։", name="Ani")
    approve(moderator, first)
    approve(moderator, submit(article, "Полностью согласен с вами.", name="Иван", parent=first))
    submit(article, "You are a stupid idiot and nobody wants you here.", name="Troll")
    submit(article, "Buy cheap watches at example.com, best prices, write to me now!", name="Spam")
    return article


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_page_and_widget(live_server, browser, busy_thread, language):
    context = context_for(browser, language=language)
    page = context.new_page()
    page.goto(f"{live_server.url}/articles/{busy_thread.key}/?lang={language}")
    thread = page.locator(".civ-thread")
    expect(thread.locator(".civ-comment")).to_have_count(2)
    assert_accessible(page)
    assert low_contrast(page, ".civ-hint, .civ-time, .civ-policy, .masthead-note") == []
    # with the reply form open and a field error showing
    thread.locator(".civ-reply").first.click()
    thread.locator(".civ-form button[type=submit]").click()
    expect(thread.locator(".civ-field-error:not(:empty)").first).to_be_visible()
    assert_accessible(page)
    context.close()


def test_article_page_on_a_phone(live_server, browser, busy_thread):
    context = context_for(browser, language="hy", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/articles/{busy_thread.key}/")
    expect(page.locator(".civ-thread .civ-comment")).to_have_count(2)
    assert_accessible(page)
    no_sideways_scroll(page)
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_page(live_server, browser, db, language):
    context = context_for(browser, language=language)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    assert_accessible(page)
    page.locator("#id_username").fill("nobody")
    page.locator("#id_password").fill("wrong password")
    page.locator("form.stack button[type=submit]").click()
    expect(page.locator(".error[role=alert]")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_queue_and_history(live_server, browser, busy_thread, moderator, language, screenshot_dir):
    context = context_for(browser, language=language)
    page = context.new_page()
    log_in(page, live_server, moderator)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    expect(page.locator(".qitem")).to_have_count(2)
    assert_accessible(page)
    page.keyboard.press("j")  # a current item, with its key hints
    assert_accessible(page)
    assert low_contrast(page, ".key-hint, .muted, .qhistory, .chip") == []

    page.goto(f"{live_server.url}/moderation/history/")
    expect(page.locator("table.history tbody tr")).to_have_count(2)
    assert_accessible(page)

    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)
    page.screenshot(path=str(screenshot_dir / f"history-390-{language}.png"), full_page=True)
    page.goto(f"{live_server.url}/moderation/")
    expect(page.locator(".qitem")).to_have_count(2)
    no_sideways_scroll(page)
    assert_accessible(page)
    page.screenshot(path=str(screenshot_dir / f"queue-390-{language}.png"), full_page=True)
    context.close()


@pytest.fixture
def screenshot_dir():
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.mark.parametrize(("theme", "scheme"), [("dark", "light"), ("auto", "dark")])
def test_dark_theme(live_server, browser, busy_thread, settings, theme, scheme):
    """data-civility-theme="dark", and "auto" when the reader prefers dark: light text on the
    widget's own dark surface, every contrast kept."""
    from tests.browser.test_widget_languages import host_origin, host_page, news_reader

    settings.CIVILITY_EMBED_ORIGINS = [host_origin(live_server)]
    context = news_reader(browser, live_server, "az")
    context.add_init_script(script=AXE)
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    thread = host_page(page, live_server, html_lang="az", theme=theme)
    expect(thread.locator(".civ-comment")).to_have_count(2)
    assert thread.evaluate("n => getComputedStyle(n).backgroundColor") == "rgb(22, 24, 27)"
    assert_accessible(page)
    assert low_contrast(page, ".civ-hint, .civ-time, .civ-policy, .civ-author, .civ-body, label") == []
    page.screenshot(path=str(ARTIFACTS / f"widget-theme-{theme}.png"), full_page=True)
    context.close()


def test_auto_theme_stays_light_for_light_readers(live_server, browser, busy_thread, settings):
    from tests.browser.test_widget_languages import host_origin, host_page, news_reader

    settings.CIVILITY_EMBED_ORIGINS = [host_origin(live_server)]
    context = news_reader(browser, live_server, "en")
    page = context.new_page()
    page.emulate_media(color_scheme="light")
    thread = host_page(page, live_server, html_lang="en", theme="auto")
    expect(thread.locator(".civ-comment")).to_have_count(2)
    assert thread.evaluate("n => getComputedStyle(n).backgroundColor") == "rgba(0, 0, 0, 0)"
    context.close()


@pytest.mark.parametrize("language", ["en", "hy"])
def test_reported_view_and_waiting_edits(live_server, browser, busy_thread, moderator, language):
    """The queue's Reported view and the readers' edits above the queue."""
    from civility.comments.models import Comment, Status
    from civility.readers.models import Kind, Report, Revision, RevisionStatus

    published = Comment.objects.filter(status=Status.APPROVED).first()
    Report.objects.create(comment=published, reason="personal_attack", note="Rude", reporter="a" * 64)
    Revision.objects.create(comment=published, kind=Kind.EDIT, status=RevisionStatus.PENDING,
                            before=published.body, after=published.body + " Edited.")
    context = context_for(browser, language=language)
    page = context.new_page()
    log_in(page, live_server, moderator)
    page.goto(f"{live_server.url}/moderation/?show=reported")
    expect(page.locator(".reported .edit-item")).to_have_count(1)
    expect(page.locator(".edit-diff ins")).to_have_text("Edited.")
    assert_accessible(page)
    assert low_contrast(page, ".edit-diff ins, .edit-diff del, .reported .chip, .muted") == []
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)
    assert_accessible(page)
    context.close()


@pytest.fixture
def person(busy_thread, moderator):
    """A person with comments waiting, published and rejected, a colleague's note and a ban."""
    from civility.moderation.models import Action, Reason
    from civility.moderation.services import decision_record
    from civility.people.sanctions import ban_create
    from civility.people.services import person_note_add

    email = "seller@spam.example"
    comments = [submit(busy_thread, f"Cheap watches, offer {i}! Ժամացույցներ, часы.", name="Watch Seller",
                       email=email) for i in range(4)]
    approve(moderator, comments[0])
    decision_record(user=moderator, comment_ids=[comments[1].pk], action=Action.REJECT, reason=Reason.SPAM,
                    note="Same seller as last week.")
    person_note_add(user=moderator, email=email, text="Writes from three accounts; see the spam.example ban.")
    ban_create(user=moderator, reason="Watch spam, three accounts", email_domain="spam.example")
    return email


@pytest.mark.parametrize("language", ["en", "hy"])
def test_person_page(live_server, browser, person, moderator, language, screenshot_dir):
    context = context_for(browser, language=language)
    page = context.new_page()
    log_in(page, live_server, moderator)
    page.goto(f"{live_server.url}/moderation/people/{person}/")
    expect(page.get_by_test_id("person-email")).to_have_text(person)
    expect(page.locator("table.person-comments tbody tr")).to_have_count(4)
    accessible_on_desk_and_phone(page, ".muted, .chip, .status", screenshot_dir / f"person-390-{language}.png")
    context.close()


def accessible_on_desk_and_phone(page, muted: str, shot) -> None:
    """axe finds nothing serious, muted text is readable, and at 390 px nothing scrolls sideways."""
    assert_accessible(page)
    assert low_contrast(page, muted) == []
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)
    assert_accessible(page)
    page.screenshot(path=str(shot), full_page=True)


@pytest.fixture
def weeks_of_decisions(article, moderator):
    """Four weeks of decided comments with triage reports, so that every chart has points."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.browser.test_stats_page import backdate
    from tests.learning.helpers import decided, finding

    for week in range(4):
        for i in range(3 + week):
            wrong = i < 3 - week
            c = decided(article, moderator, f"week {week} comment {i}", finding("hate", 0.8, "classifier.v1"),
                        finding("spam", 0.7 if i == 0 else 0.1, "spam.v2"),
                        action="approve" if wrong else "reject", reason=None if wrong else "hate_speech")
            backdate(c, 7 * (3 - week) + 1)
    return (timezone.now() - timedelta(days=30)).date().isoformat()


@pytest.mark.parametrize("language", ["en", "hy"])
def test_stats_page(live_server, browser, weeks_of_decisions, moderator, language, screenshot_dir):
    context = context_for(browser, language=language)
    page = context.new_page()
    log_in(page, live_server, moderator)
    page.goto(f"{live_server.url}/moderation/stats/?since={weeks_of_decisions}")
    expect(page.locator("svg.chart")).to_have_count(4)
    accessible_on_desk_and_phone(page, ".muted", screenshot_dir / f"stats-390-{language}.png")
    context.close()
