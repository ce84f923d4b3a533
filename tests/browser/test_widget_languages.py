"""The widget in five languages, in a real browser.

Its language comes from data-civility-lang, else the page's <html lang>, else the browser's
languages; its own words come from the catalog (/i18n/widget.json), the server's words
(field errors, "held for review") in the same language through Accept-Language. Screenshots
of each language are kept under test-artifacts/ for people to read.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from civility.comments.models import Comment
from tests.browser.conftest import ARTIFACTS
from tests.conftest import approve, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_script_errors")]

#: what each language must show: heading for no comments, the button, the Name label,
#: the empty thread, the server's field error for a missing name, the server's "held" message
WORDS = {
    "en": ("0 comments", "Post comment", "Name", "No comments yet. Start the conversation.",
           "Please give a name", "held for review"),
    "ru": ("0 комментариев", "Отправить комментарий", "Имя", "Комментариев пока нет. Начните обсуждение.",
           "Укажите имя", "ждёт проверки"),
    "az": ("0 şərh", "Şərhi göndər", "Ad", "Hələ şərh yoxdur. Müzakirəyə siz başlayın.",
           "Şərhinizlə birlikdə", "yoxlamaya göndərildi"),
    "tr": ("0 yorum", "Yorumu gönder", "Ad", "Henüz yorum yok. Sohbeti siz başlatın.",
           "Lütfen yorumunuzla", "incelemeye alındı"),
    "hy": ("0 մեկնաբանություն", "Ուղարկել մեկնաբանությունը", "Անուն", "Մեկնաբանություններ դեռ չկան։ Սկսեք զրույցը։",
           "Խնդրում ենք նշել անուն", "սպասում է ստուգման"),
}
EMAIL = {"en": "Email", "ru": "Эл. почта", "az": "E-poçt", "tr": "E-posta", "hy": "Էլ. փոստ"}
COMMENT = {"en": "Comment", "ru": "Комментарий", "az": "Şərh", "tr": "Yorum", "hy": "Մեկնաբանություն"}


@pytest.mark.parametrize("language", list(WORDS))
def test_demo_article_in_each_language(live_server, page, article, language, screenshot):
    heading, button, name_label, empty, name_error, held = WORDS[language]
    page.goto(f"{live_server.url}/articles/{article.key}/?lang={language}")
    thread = page.locator(".civ-thread")
    expect(thread.get_by_role("heading", name=heading)).to_be_visible()
    expect(thread).to_have_attribute("lang", language)
    expect(thread.get_by_text(empty)).to_be_visible()

    thread.get_by_role("textbox", name=COMMENT[language]).fill("Հանգիստ քննարկում, խնդրում եմ։ Спокойно. Sakit.")
    thread.get_by_role("button", name=button).click()
    expect(thread.locator(f"#{thread.get_by_role('textbox', name=name_label).get_attribute('id')}-error")) \
        .to_contain_text(name_error)
    screenshot(f"widget-{language}-error")

    thread.get_by_role("textbox", name=name_label).fill("Ani")
    thread.get_by_role("textbox", name=EMAIL[language]).fill("ani@example.org")
    with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/comments")) as posted:
        thread.get_by_role("button", name=button).click()
    expect(thread.locator(".civ-form [role=status]")).to_contain_text(held)
    assert posted.value.post_data_json["ui_lang"] == language  # the emails to Ani go out in it
    assert Comment.objects.get().ui_lang == language
    screenshot(f"widget-{language}")


def test_comments_carry_their_language_and_direction_and_times_are_in_the_widgets(
    live_server, page, article, moderator, screenshot
):
    armenian = submit(article, "Շատ հետաքրքիր հոդված է, շնորհակալություն հեղինակին այս աշխատանքի համար։")
    short = submit(article, "ok")
    approve(moderator, armenian, short)
    armenian.refresh_from_db()
    assert armenian.lang == "hy" and short.lang in ("", "und")

    page.goto(f"{live_server.url}/articles/{article.key}/?lang=ru")
    thread = page.locator(".civ-thread")
    expect(thread.get_by_role("heading", name="2 комментария")).to_be_visible()
    bodies = thread.locator(".civ-body")
    expect(bodies.filter(has_text="Շատ")).to_have_attribute("lang", "hy")
    expect(bodies.filter(has_text="Շատ")).to_have_attribute("dir", "auto")
    expect(bodies.filter(has_text="ok")).to_have_attribute("dir", "auto")
    assert bodies.filter(has_text="ok").get_attribute("lang") is None  # triage was not sure: no lang
    now = page.evaluate("new Intl.RelativeTimeFormat('ru', {numeric: 'auto'}).format(0, 'second')")
    expect(thread.locator(".civ-time").first).to_have_text(now)
    expect(thread.get_by_role("button", name=re.compile("^Ответить пользователю"))).to_have_count(2)
    screenshot("widget-ru-comments")


def host_origin(live_server) -> str:
    """Another origin than the live server's (localhost): its address, 127.0.0.1. Both on the
    loopback, as Chromium's private-network rules want for a page that is not HTTPS."""
    return live_server.url.replace("localhost", "127.0.0.1")


@pytest.fixture
def embed_anywhere(live_server, settings):
    settings.CIVILITY_EMBED_ORIGINS = [host_origin(live_server)]


def news_reader(browser, live_server, locale: str = "en-GB"):
    """A browser context whose pages may reach the (loopback) comment server, as a reader's
    browser reaches a public one.

    The widget's modules are loaded in CORS mode. In production WhiteNoise serves static files
    with ``Access-Control-Allow-Origin: *`` (tests/i18n/test_static.py checks it); the test
    server's own static handler does not, so here the header is added on the way.
    """
    context = browser.new_context(locale=locale, permissions=["local-network-access"])

    def as_whitenoise_serves(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "access-control-allow-origin": "*"})

    context.route(f"{live_server.url}/static/**", as_whitenoise_serves)
    return context


def host_page(page, live_server, *, html_lang: str | None, data_lang: str | None = None, rtl: bool = False,
              theme: str | None = None):
    """A news page on another origin embedding the thread, as a newspaper would."""
    host = host_origin(live_server)
    attrs = (f' lang="{html_lang}"' if html_lang else "") + (' dir="rtl"' if rtl else "")
    own = (f' data-civility-lang="{data_lang}"' if data_lang else "") + (
        f' data-civility-theme="{theme}"' if theme else "")
    html = (f'<!doctype html><html{attrs}><head><meta charset="utf-8"><title>News</title></head><body>'
            f'<main><h1>خبر</h1><div data-civility-article="lachin-corridor"{own}></div></main>'
            f'<script src="{live_server.url}/static/civility/embed.js" defer></script></body></html>')
    page.route(f"{host}/story", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.goto(f"{host}/story")
    thread = page.locator(".civ-thread")
    try:
        expect(thread.locator(".civ-heading")).not_to_have_text("")
    finally:
        assert problems == []
    return thread


@pytest.mark.usefixtures("embed_anywhere")
def test_data_attribute_wins_over_the_pages_language(live_server, browser, article):
    page = news_reader(browser, live_server).new_page()
    thread = host_page(page, live_server, html_lang="ru", data_lang="hy")
    expect(thread.get_by_role("heading", name="0 մեկնաբանություն")).to_be_visible()
    expect(thread).to_have_attribute("lang", "hy")


@pytest.mark.usefixtures("embed_anywhere")
def test_the_pages_language_wins_over_the_browsers(live_server, browser, article):
    context = news_reader(browser, live_server, "tr-TR")
    page = context.new_page()
    thread = host_page(page, live_server, html_lang="az")
    expect(thread.get_by_role("heading", name="0 şərh")).to_be_visible()
    context.close()


@pytest.mark.usefixtures("embed_anywhere")
def test_unsupported_page_language_falls_to_the_browsers(live_server, browser, article):
    context = news_reader(browser, live_server, "tr-TR")
    page = context.new_page()
    thread = host_page(page, live_server, html_lang="ar", rtl=True)
    expect(thread.get_by_role("heading", name="0 yorum")).to_be_visible()
    context.close()


@pytest.mark.usefixtures("embed_anywhere")
def test_nothing_supported_gives_the_sites_default(live_server, browser, article, settings):
    settings.LANGUAGE_CODE = "ru"
    context = news_reader(browser, live_server, "fr-FR")
    page = context.new_page()
    thread = host_page(page, live_server, html_lang="fr")
    expect(thread.get_by_role("heading", name="0 комментариев")).to_be_visible()
    context.close()


@pytest.mark.usefixtures("embed_anywhere")
def test_right_to_left_host_page(live_server, browser, article, moderator):
    """On an Arabic page the Russian widget stays left to right as a whole, each comment takes
    its own text's direction, and the layout mirrors wherever the widget itself runs right to
    left (embed.css uses logical properties only)."""
    parent = submit(article, "هذا مقال مهم جدا، شكرا للكاتب على هذا العمل الرائع.", name="سارة")
    approve(moderator, parent)
    approve(moderator, submit(article, "Согласен, очень важная статья.", parent=parent, name="Иван"))
    context = news_reader(browser, live_server, "ru-RU")
    page = context.new_page()
    thread = host_page(page, live_server, html_lang="ar", rtl=True)
    expect(thread.get_by_role("heading", name="2 комментария")).to_be_visible()
    expect(thread).to_have_attribute("dir", "ltr")
    arabic = thread.locator(".civ-body").filter(has_text="شكرا")
    assert arabic.evaluate("n => getComputedStyle(n).direction") == "rtl"
    russian = thread.locator(".civ-body").filter(has_text="Согласен")
    assert russian.evaluate("n => getComputedStyle(n).direction") == "ltr"
    replies = thread.locator(".civ-replies").first
    assert replies.evaluate("n => parseFloat(getComputedStyle(n).borderLeftWidth)") > 0

    thread.evaluate("n => n.setAttribute('dir', 'rtl')")
    assert replies.evaluate("n => parseFloat(getComputedStyle(n).borderRightWidth)") > 0
    assert replies.evaluate("n => parseFloat(getComputedStyle(n).borderLeftWidth)") == 0
    assert thread.evaluate("n => getComputedStyle(n).textAlign") in ("start", "right")
    page.screenshot(path=str(ARTIFACTS / "widget-rtl-host.png"), full_page=True)
    context.close()


MONTHS = {
    "hy": ["հունվարի", "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի", "սեպտեմբերի",
           "հոկտեմբերի", "նոյեմբերի", "դեկտեմբերի"],
    "az": ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
           "dekabr"],
}


@pytest.mark.parametrize(("language", "now", "date"), [
    ("hy", "հենց նոր", "{day} {month} {year} թ."),
    ("az", "indicə", "{day} {month} {year}"),
])
def test_times_where_the_browser_lacks_the_languages_data(live_server, page, article, moderator, language, now, date):
    """Chromium's ICU has no Armenian and no Azerbaijani relative times: the catalog's words then."""
    from datetime import timedelta

    from django.utils import timezone

    recent = submit(article, "A fresh remark about the corridor.")
    earlier = submit(article, "An older remark about the corridor.")
    approve(moderator, recent, earlier)
    when = timezone.localtime(timezone.now() - timedelta(days=40)).replace(hour=12)
    Comment.objects.filter(pk=earlier.pk).update(created_at=when)
    page.goto(f"{live_server.url}/articles/{article.key}/?lang={language}&order=newest")
    times = page.locator(".civ-thread .civ-time")
    expect(times).to_have_count(2)
    expect(times.first).to_have_text(now)
    expect(times.last).to_have_text(date.format(day=when.day, month=MONTHS[language][when.month - 1], year=when.year))
