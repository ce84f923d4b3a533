"""Which language each answer is in: Accept-Language and the switcher's cookie for pages,
Accept-Language only for the API, ?lang= on the demo article page."""

from __future__ import annotations

import json

import pytest
from django.conf import settings

from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


def post_comment(client, article, body: dict, **headers):
    return client.post(f"/api/v1/articles/{article.key}/comments", json.dumps(body),
                       content_type="application/json", headers=headers)


@pytest.mark.parametrize(("language", "expected"), [
    ("ru", "Укажите имя"), ("az", "Şərhinizlə birlikdə"), ("tr", "Lütfen yorumunuzla"),
    ("hy", "Խնդրում ենք նշել անուն"), ("en", "Please give a name"),
])
def test_api_field_errors_follow_accept_language(client, article, language, expected):
    r = post_comment(client, article, {"body": "Hello there, neighbours."}, **{"Accept-Language": language})
    assert r.status_code == 422
    assert r.json()["error"]["fields"]["author_name"].startswith(expected)
    assert r["Content-Language"] == language


def test_held_for_review_message_is_in_the_readers_language(client, article):
    r = post_comment(client, article, {"body": "Թող խաղաղություն լինի։", "author_name": "Ani",
                                       "author_email": "ani@example.org"}, **{"Accept-Language": "hy-AM,hy;q=0.9"})
    assert r.status_code == 202
    assert r.json()["message"].startswith("Շնորհակալություն։")


def test_regional_and_weighted_accept_language_picks_the_best_supported(client, article):
    r = post_comment(client, article, {"body": "x"}, **{"Accept-Language": "fr-FR, tr;q=0.8, ru;q=0.5"})
    assert r.json()["error"]["fields"]["author_name"].startswith("Lütfen")


def test_unsupported_language_falls_back_to_the_site_default(client, article, settings):
    r = post_comment(client, article, {"body": "x"}, **{"Accept-Language": "fr, de"})
    assert r.json()["error"]["fields"]["author_name"] == "Please give a name to show with your comment."


def test_api_ignores_the_staff_pages_language_cookie(client, article):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    r = post_comment(client, article, {"body": "x"}, **{"Accept-Language": "tr"})
    assert r.json()["error"]["fields"]["author_name"].startswith("Lütfen")


def test_errors_shaped_outside_the_views_are_translated_too(client):
    r = client.get("/api/v1/no-such-endpoint", headers={"Accept-Language": "ru"})
    assert r.status_code == 404
    assert r.json()["error"]["message"] == "По этому адресу ничего нет."


def test_rate_limit_message_is_translated(client, article, settings):
    settings.CIVILITY_SUBMIT_RATE_PER_IP = "1/min"
    body = {"body": "A fine remark.", "author_name": "A", "author_email": "a@example.org"}
    post_comment(client, article, body)
    r = post_comment(client, article, body, **{"Accept-Language": "az"})
    assert r.status_code == 429
    assert r.json()["error"]["message"].startswith("Bu şəbəkə ünvanından")


def test_nudge_comes_in_the_readers_language(client):
    from civility.triage import policy

    text = "You are a stupid idiot and a disgusting pig, nobody wants you here."
    r = client.post("/api/v1/triage", json.dumps({"text": text}), content_type="application/json",
                    headers={"Accept-Language": "ru"})
    nudge = r.json()["nudge"]
    assert nudge is not None, "the test text no longer nudges: pick a harsher one"
    assert nudge["message"].startswith("Этот текст может прозвучать как")
    assert policy is not None


def test_thread_pages_do_not_vary_by_language(client, article, moderator):
    """A thread is readers' comments only: one cached page for every language (the fast path
    stores only answers that vary on nothing but Origin)."""
    approve(moderator, submit(article, "Բարև ձեզ, հարևաններ, այսօր լավ օր է։"))
    r = client.get(f"/api/v1/articles/{article.key}/comments", headers={"Accept-Language": "hy"})
    assert r.status_code == 200
    assert "accept-language" not in r.get("Vary", "").lower()
    assert not r.has_header("Content-Language")


def test_staff_pages_follow_accept_language_then_the_switcher(client):
    r = client.get("/accounts/login/", headers={"Accept-Language": "tr"})
    assert '<html lang="tr"' in r.content.decode()
    assert "Kullanıcı adı" in r.content.decode()
    assert "Accept-Language" in r["Vary"] and "Cookie" in r["Vary"]
    # the switcher (Django's set_language) sets the cookie, which wins over the browser's language
    r = client.post("/i18n/setlang/", {"language": "hy", "next": "/accounts/login/"})
    assert r.status_code == 302 and r["Location"] == "/accounts/login/"
    page = client.get("/accounts/login/", headers={"Accept-Language": "tr"}).content.decode()
    assert '<html lang="hy"' in page and "Գաղտնաբառ" in page


def test_switcher_lists_every_language_in_its_own_name(client):
    page = client.get("/accounts/login/").content.decode()
    for code, name in (("ru", "Русский"), ("az", "Azərbaycanca"), ("tr", "Türkçe"), ("hy", "Հայերեն")):
        assert f'<option value="{code}" lang="{code}">' in page
        assert f'lang="{code}">{name}</option>' in page


@pytest.mark.parametrize("language", ["ru", "az", "tr", "hy"])
def test_demo_article_takes_lang(client, article, language):
    page = client.get(f"/articles/{article.key}/", {"lang": language}).content.decode()
    assert f'<html lang="{language}"' in page
    assert "A preview page with comments by Civility." not in page


def test_demo_article_ignores_an_unknown_lang(client, article):
    r = client.get(f"/articles/{article.key}/", {"lang": "xx"}, headers={"Accept-Language": "ru"})
    assert r.status_code == 200 and '<html lang="ru"' in r.content.decode()


def test_queue_times_are_armenian_too(client, moderator, article):
    """Django has no Armenian for timesince's units; our catalog fills the gap."""
    submit(article, "A remark to moderate.")
    client.force_login(moderator)
    html = client.get("/moderation/", headers={"Accept-Language": "hy"}).content.decode()
    assert "0\xa0րոպե առաջ" in html and "minutes" not in html
