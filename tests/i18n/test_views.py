"""The widget's catalog: GET /i18n/widget.json?lang=…"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def catalog(client, lang: str | None):
    r = client.get("/i18n/widget.json", {"lang": lang} if lang is not None else {})
    assert r.status_code == 200
    return r, r.json()


@pytest.mark.parametrize(("wanted", "language", "post"), [
    ("hy", "hy", "Ուղարկել մեկնաբանությունը"),
    ("fr-CA,ru-RU,en", "ru", "Отправить комментарий"),  # the first supported of the list
    ("az", "az", "Şərhi göndər"),
    ("tr-TR", "tr", "Yorumu gönder"),
])
def test_catalog_answers_the_first_supported_language(client, wanted, language, post):
    _r, data = catalog(client, wanted)
    assert data["language"] == language
    assert data["catalog"]["Post comment"] == post
    assert len(data["catalog"]["%(count)s comment"]) == (3 if language == "ru" else 2)


def test_no_supported_language_gives_the_site_default(client, settings):
    _r, data = catalog(client, "fr,de")
    assert data["language"] == "en" and data["catalog"] == {}
    settings.LANGUAGE_CODE = "az"
    _r, data = catalog(client, None)
    assert data["language"] == "az"


def test_catalog_is_public_and_cacheable(client):
    r, _data = catalog(client, "ru")
    assert r["Access-Control-Allow-Origin"] == "*"
    assert "public" in r["Cache-Control"] and "max-age=3600" in r["Cache-Control"]
    assert "accept-language" not in r.get("Vary", "").lower()


def test_garbage_language_lists_are_harmless(client):
    _r, data = catalog(client, "," * 50 + "x" * 500 + ",<script>,hy")
    assert data["language"] == "hy"
