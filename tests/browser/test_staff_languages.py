"""Staff pages in five languages, in a real browser: the browser's language, then the
switcher; moderation.js speaks the page's language through the script catalog."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_queue_page import PASSWORD
from tests.conftest import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUEUE = {"en": "Moderation queue", "ru": "Очередь модерации", "az": "Moderasiya növbəsi",
         "tr": "Moderasyon kuyruğu", "hy": "Մոդերացիայի հերթ"}
LOGIN = {"en": "Log in", "ru": "Войти", "az": "Daxil ol", "tr": "Giriş yap", "hy": "Մուտք"}
USER = {"en": "User name", "ru": "Имя пользователя", "az": "İstifadəçi adı", "tr": "Kullanıcı adı", "hy": "Օգտանուն"}
PASS = {"en": "Password", "ru": "Пароль", "az": "Şifrə", "tr": "Parola", "hy": "Գաղտնաբառ"}
NOTHING_SELECTED = {"en": "Nothing is selected.", "ru": "Ничего не выбрано.", "az": "Heç nə seçilməyib.",
                    "tr": "Hiçbir şey seçilmedi.", "hy": "Ոչինչ ընտրված չէ։"}


def staff_context(browser, language: str, width: int = 1200):
    return browser.new_context(locale=language, viewport={"width": width, "height": 900})


def log_in(page, live_server, user, language: str) -> None:
    user.set_password(PASSWORD)
    user.save()
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.get_by_label(USER[language]).fill(user.username)
    page.get_by_label(PASS[language]).fill(PASSWORD)
    page.get_by_role("button", name=LOGIN[language], exact=True).click()
    expect(page).to_have_url(re.compile(r"/moderation/$"))


@pytest.mark.parametrize("language", list(QUEUE))
def test_queue_follows_the_browsers_language_and_so_do_its_keys(live_server, browser, article, moderator, language):
    submit(article, "A remark worth reading twice.")
    context = staff_context(browser, language)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    log_in(page, live_server, moderator, language)
    expect(page.get_by_role("heading", level=1)).to_contain_text(QUEUE[language])
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    page.keyboard.press("Shift+A")  # approve the selection, with nothing selected
    expect(page.locator("#queue-toast")).to_contain_text(NOTHING_SELECTED[language])
    expect(page.locator("#queue-toast kbd")).to_have_text("x")
    assert errors == []
    context.close()


def test_switcher_changes_the_language_and_keeps_it(live_server, browser, moderator):
    context = staff_context(browser, "tr")
    page = context.new_page()
    log_in(page, live_server, moderator, "tr")
    page.locator("#lang-switch").select_option("hy")
    page.get_by_role("button", name="Değiştir").click()
    expect(page.locator("html")).to_have_attribute("lang", "hy")
    expect(page).to_have_url(re.compile(r"/moderation/$"))
    page.goto(f"{live_server.url}/moderation/history/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Որոշումների պատմություն")
    context.close()
