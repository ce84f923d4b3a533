"""Defect 5 of the hardening issue: inputs anyone can send must get a 4xx in the API's
JSON shape, never a 500 — on SQLite and on PostgreSQL (run with DATABASE_URL=postgres://…).
"""

from __future__ import annotations

import base64
import json

import pytest
from django.test import Client

from civility.accounts.models import Role
from civility.moderation.models import Action
from civility.moderation.services import decision_record
from tests.conftest import approve, make_user, submit, token_api

pytestmark = pytest.mark.django_db

THREAD = "/api/v1/articles/lachin-corridor/comments"
COMMENT = {"body": "A civil remark.", "author_name": "Reader", "author_email": "reader@example.org"}


def shape(r, status: int) -> dict:
    """The response is ``status`` with the one error shape; returns its ``error``."""
    assert r.status_code == status, (r.status_code, r.content[:300])
    assert r["Content-Type"].startswith("application/json"), r["Content-Type"]
    error = r.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    return error


def cursor(*values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


BAD_TIMES = ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2026-01-01T00:00:00", 17, None]
BAD_IDS = ["1e400", 2**63, -(2**63) - 1, 1.5, "12", True]


@pytest.fixture
def thread(article, moderator):
    approve(moderator, *[submit(article, f"Comment {i}.") for i in range(3)])
    return article


def _raw_cursor(time_value, id_value) -> str:
    # 1e400 must reach the server as the JSON number 1e400, which Python's json cannot write
    tv = json.dumps(time_value)
    iv = id_value if id_value == "1e400" else json.dumps(id_value)
    return base64.urlsafe_b64encode(f"[{tv}, {iv}]".encode()).decode().rstrip("=")


@pytest.mark.parametrize("time_value", BAD_TIMES)
def test_thread_cursors_with_out_of_range_times(thread, client, time_value):
    r = client.get(THREAD, {"cursor": _raw_cursor(time_value, 1)})
    assert shape(r, 422)["code"] == "bad_cursor"


@pytest.mark.parametrize("id_value", BAD_IDS)
def test_thread_cursors_with_out_of_range_ids(thread, client, id_value):
    r = client.get(THREAD, {"cursor": _raw_cursor("2026-01-01T00:00:00+00:00", id_value)})
    assert shape(r, 422)["code"] == "bad_cursor"


@pytest.mark.parametrize("bad", [
    ("2026-01-01T00:00:00+00:00", "1e400"), ("0001-01-01T00:00:00+05:00", 1), ("9999-12-31T23:59:59-05:00", 1),
])
def test_history_cursors(thread, mod_api, bad):
    r = mod_api.client.get("/api/v1/moderation/history", {"cursor": _raw_cursor(*bad)}, headers=mod_api.headers)
    assert shape(r, 422)["code"] == "bad_cursor"


@pytest.mark.parametrize("risk", ["1e400", "NaN", "-Infinity"])
def test_queue_cursors(article, mod_api, risk):
    submit(article)
    raw = base64.urlsafe_b64encode(f'[{risk}, "2026-01-01T00:00:00+00:00", 1]'.encode()).decode()
    r = mod_api.client.get("/api/v1/moderation/queue", {"cursor": raw}, headers=mod_api.headers)
    assert shape(r, 422)["code"] == "bad_cursor"
    r = mod_api.client.get("/api/v1/moderation/queue", {"cursor": _raw_cursor(0.5, "2026-01-01T00:00:00+00:00")},
                           headers=mod_api.headers)
    assert shape(r, 422)["code"] == "bad_cursor"


def test_a_good_cursor_still_pages(thread, client):
    first = client.get(THREAD, {"limit": 2}).json()
    second = client.get(first["next"]).json()
    assert [c["body_html"] for c in second["comments"]] == ["<p>Comment 0.</p>"]


# -- NUL characters: PostgreSQL cannot store or even compare them

def test_nul_in_an_article_key(thread, client):
    assert shape(client.get("/api/v1/articles/lachin%00corridor/comments"), 422)["fields"] == {
        "key": "Remove the NUL character (\\0): text may not contain one."}
    r = client.post("/api/v1/articles/lachin%00corridor/comments", COMMENT, content_type="application/json")
    assert "key" in shape(r, 422)["fields"]


def test_nul_in_a_counts_query(thread, client):
    assert "article" in shape(client.get("/api/v1/counts", {"article": "a\x00b"}), 422)["fields"]
    assert "articles" in shape(client.get("/api/v1/counts?articles=x,%00"), 422)["fields"]


@pytest.mark.parametrize("field", ["author_name", "author_email", "body", "website"])
def test_nul_in_a_comment_field(thread, client, field):
    r = client.post(THREAD, {**COMMENT, field: "Rea\x00der"}, content_type="application/json")
    assert shape(r, 422)["fields"] == {field: "Remove the NUL character (\\0): text may not contain one."}
    assert not thread.comments.filter(status="pending").exists()


def test_nul_in_a_decision_note_and_bulk_ids(article, mod_api):
    comment = submit(article)
    status, body = mod_api.post(f"/api/v1/moderation/comments/{comment.pk}/decision",
                                {"action": "approve", "note": "ok\x00"})
    assert status == 422 and set(body["error"]["fields"]) == {"note"}
    status, body = mod_api.post("/api/v1/moderation/decisions", {"action": "approve", "ids": [comment.pk],
                                                                "note": ["not", "text\x00"]})
    assert status == 422 and set(body["error"]["fields"]) == {"note.1"}
    status, body = mod_api.post("/api/v1/triage", {"text": "\x00"})
    assert status == 422 and set(body["error"]["fields"]) == {"text"}


@pytest.mark.parametrize("name", ["article", "label", "lang"])
def test_nul_in_the_queue_filters(article, mod_api, name):
    submit(article)
    r = mod_api.client.get("/api/v1/moderation/queue", {name: "x\x00"}, headers=mod_api.headers)
    assert set(shape(r, 422)["fields"]) == {name}


def test_nul_in_the_queue_page_filters(article, moderator):
    client = Client()
    client.force_login(moderator)
    assert client.get("/moderation/", {"article": "x\x00"}).status_code == 400
    assert client.get("/articles/a%00b/").status_code == 400
    big = 2**64
    assert client.post(f"/moderation/undo/{big}").status_code in (302, 404)
    assert client.post(f"/moderation/campaign/{big}/decide", {"action": "approve"}).status_code in (302, 404)


def test_a_nul_escaped_in_text_is_just_text(thread, client):
    # a backslash followed by "u0000" is six ordinary characters, not a NUL
    r = client.post(THREAD, json.dumps({**COMMENT, "body": "Typed \\u0000 literally."}),
                    content_type="application/json")
    assert r.status_code == 202, r.content


# -- sizes and ids

def test_a_10_mb_body_is_413(thread, client):
    body = json.dumps({**COMMENT, "body": "x" * 10_000_000})
    assert shape(client.post(THREAD, body, content_type="application/json"), 413)["code"] == "too_large"


@pytest.mark.parametrize("big", [2**63, 2**64, 10**30])
def test_ids_past_64_bits(article, mod_api, client, big):
    for path in (f"/api/v1/moderation/comments/{big}/decision", f"/api/v1/moderation/campaigns/{big}/decision"):
        status, body = mod_api.post(path, {"action": "approve"})
        assert status == 422 and set(body["error"]["fields"]) == {path.split("/")[4][:-1] + "_id"}, body
    status, body = mod_api.post(f"/api/v1/moderation/decisions/{big}/undo", {})
    assert status == 422 and "decision_id" in body["error"]["fields"]
    status, body = mod_api.post("/api/v1/moderation/decisions", {"action": "approve", "ids": [big]})
    assert status == 422 and "ids.0" in body["error"]["fields"]
    r = client.post(f"/api/v1/articles/{article.key}/comments", {**COMMENT, "parent_id": big},
                    content_type="application/json")
    assert "parent_id" in shape(r, 422)["fields"]


def test_the_largest_id_is_simply_not_found(mod_api):
    status, body = mod_api.post(f"/api/v1/moderation/comments/{2**63 - 1}/decision", {"action": "approve"})
    assert status == 404 and body["error"]["code"] == "comment_not_found"


# -- every error under /api/ in the one shape

def test_unmatched_api_paths_are_json_404(client):
    for path in ("/api/v1/nothing", "/api/v2/articles/x/comments", "/api/", "/api/v1/moderation/queue/extra"):
        assert shape(client.get(path), 404)["code"] == "not_found"


def test_a_wrong_method_is_json_405(thread, client):
    r = client.delete(THREAD)
    assert shape(r, 405)["code"] == "method_not_allowed"
    assert "GET" in r["Allow"] and "POST" in r["Allow"]


def test_a_bad_host_is_json_400(client):
    r = client.get("/api/v1/session", headers={"Host": "evil.example"})
    assert shape(r, 400)["code"] == "bad_request"


def test_pages_keep_their_html_errors(client):
    r = client.get("/no-such-page")
    assert r.status_code == 404 and r["Content-Type"].startswith("text/html")


# -- our own words

def test_validation_messages_are_ours(thread, client):
    r = client.post(THREAD, {**COMMENT, "body": "x" * 20001}, content_type="application/json")
    assert shape(r, 422)["fields"] == {"body": "Must be at most 20000 characters long."}
    r = client.post(THREAD, {"author_name": "A"}, content_type="application/json")
    assert shape(r, 422)["fields"] == {"body": "This field is required."}
    r = client.get(THREAD, {"limit": "many"})
    assert shape(r, 422)["fields"] == {"limit": "Must be a whole number."}


def test_decision_messages_are_ours(article, mod_api):
    comment = submit(article)
    status, body = mod_api.post(f"/api/v1/moderation/comments/{comment.pk}/decision", {"action": "maybe"})
    assert status == 422
    assert body["error"]["fields"] == {"action": "Choose one of: 'approve' or 'reject'."}
    status, body = mod_api.post("/api/v1/moderation/decisions", {"action": "approve", "ids": []})
    assert body["error"]["fields"] == {"ids": "Must have at least 1 items."}


def test_csrf_refusals_are_in_plain_words(article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(Role.MODERATOR, "m"))
    r = client.post(f"/api/v1/moderation/comments/{submit(article).pk}/decision", {"action": "approve"},
                    content_type="application/json")
    error = shape(r, 403)
    assert error["code"] == "csrf_failed"
    assert "CSRF" not in error["message"].replace("X-CSRFToken", "")
    assert "/api/v1/session" in error["message"]


def test_the_pages_csrf_refusal_is_in_plain_words(moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    r = client.post("/moderation/decide", {"ids": "1", "action": "approve"})
    assert r.status_code == 403
    assert b"CSRF token" not in r.content and b"reload the page" in r.content


# -- an invalid bearer token is 401 everywhere, as docs/api.md says

@pytest.mark.parametrize("path", [THREAD, "/api/v1/counts?article=lachin-corridor", "/api/v1/session"])
def test_an_invalid_bearer_token_on_a_public_get_is_401(thread, client, path):
    r = client.get(path, headers={"Authorization": "Bearer not-a-token"})
    assert shape(r, 401)["code"] == "unauthenticated"
    good = token_api(make_user(Role.AUTHOR, "script"))
    assert good.client.get(path, headers=good.headers).status_code == 200


def test_an_invalid_bearer_token_is_401_on_the_fast_path_too(thread, settings, tmp_path):
    from tests.hardening.test_redis_outage import call

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": str(tmp_path / "cache")}}
    assert call("GET", THREAD)[0] == 200
    assert call("GET", THREAD)[0] == 200  # the fast path now has it
    assert call("GET", THREAD, Authorization="Bearer not-a-token")[0] == 401


def test_undo_takes_an_empty_body(article, mod_api, moderator):
    [d] = decision_record(user=moderator, comment_ids=[submit(article).pk], action=Action.APPROVE)
    r = mod_api.client.post(f"/api/v1/moderation/decisions/{d.pk}/undo", "", content_type="",
                            headers=mod_api.headers)
    assert r.status_code == 200, r.content
