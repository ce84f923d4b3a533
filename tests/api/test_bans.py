"""POST/GET /api/v1/moderation/bans and DELETE /api/v1/moderation/bans/{id}, and what a banned reader meets."""

import json

import pytest

from civility.comments.models import Comment
from civility.people.models import Ban, SanctionLog
from tests.conftest import Api, token_api

pytestmark = pytest.mark.django_db

BANS = "/api/v1/moderation/bans"
THREAD = "/api/v1/articles/lachin-corridor/comments"
GOOD = {"body": "Hello again.", "author_name": "Troll", "author_email": "troll@example.org"}


def delete(api: Api, path: str, body=None):
    r = api.client.delete(path, json.dumps(body) if body is not None else "", content_type="application/json",
                          headers=api.headers)
    return r.status_code, r.json()


def test_ban_list_and_lift(mod_api, moderator):
    status, ban = mod_api.post(BANS, {"ip": "198.51.100.9/24", "reason": "Flood", "expires_at": "2099-01-01T00:00:00Z"})
    assert status == 201, ban
    assert (ban["kind"], ban["value"], ban["active"], ban["created_by"]) == ("ip", "198.51.100.0/24", True,
                                                                              moderator.username)
    assert ban["expires_at"].startswith("2099-01-01")
    status, listed = mod_api.get(BANS)
    assert status == 200 and [b["id"] for b in listed["bans"]] == [ban["id"]]

    status, lifted = delete(mod_api, f"{BANS}/{ban['id']}", {"note": "school network"})
    assert status == 200 and lifted["active"] is False and lifted["lifted_by"] == moderator.username
    assert mod_api.get(BANS)[1]["bans"] == []
    assert [b["id"] for b in mod_api.get(BANS, include_past="true")[1]["bans"]] == [ban["id"]]
    assert list(SanctionLog.objects.order_by("id").values_list("action", "note")) == [
        ("ban", "Flood"), ("unban", "school network")]


def test_a_banned_reader_gets_403_banned_on_submit_and_draft_check(mod_api, anon_api, article):
    assert mod_api.post(BANS, {"email": "troll@example.org", "reason": "Keeps coming back"})[0] == 201
    status, body = anon_api.post(THREAD, GOOD)
    assert status == 403
    assert body["error"]["code"] == "banned"
    assert body["error"]["message"] == "You cannot comment here at the moment."
    assert not Comment.objects.exists()
    status, body = anon_api.post("/api/v1/triage", {"text": "Draft", "author_email": "troll@example.org"})
    assert (status, body["error"]["code"]) == (403, "banned")

    assert mod_api.post(BANS, {"ip": "127.0.0.1", "reason": "Flood"})[0] == 201  # the test client's address
    status, body = anon_api.post("/api/v1/triage", {"text": "Draft"})
    assert (status, body["error"]["code"]) == (403, "banned")
    status, body = anon_api.post(THREAD, {**GOOD, "author_email": "someone.else@example.org"})
    assert (status, body["error"]["code"]) == (403, "banned")
    assert not Comment.objects.exists()


@pytest.mark.parametrize(("body", "field"), [
    ({"reason": "x"}, "target"),
    ({"ip": "10.0.0.0/33", "reason": "x"}, "ip"),
    ({"ip": "banana", "reason": "x"}, "ip"),
    ({"email": "a@b.org", "ip": "10.0.0.1", "reason": "x"}, "email"),
    ({"email": "a@b.org"}, "reason"),
    ({"email": "a@b.org", "reason": "x", "expires_at": "yesterday"}, "expires_at"),
    ({"email": "a@b.org", "reason": "x", "expires_at": "2001-01-01T00:00:00Z"}, "expires_at"),
    ({"username": "nobody", "reason": "x"}, "username"),
])
def test_bad_bans_are_422_naming_the_field(mod_api, body, field):
    status, answer = mod_api.post(BANS, body)
    assert status == 422, answer
    assert field in answer["error"]["fields"]
    assert answer["error"]["message"]
    assert not Ban.objects.exists()


def test_unknown_and_already_lifted_bans(mod_api):
    status, body = delete(mod_api, f"{BANS}/987654")
    assert (status, body["error"]["code"]) == (404, "ban_not_found")
    ban_id = mod_api.post(BANS, {"email": "a@b.org", "reason": "x"})[1]["id"]
    assert delete(mod_api, f"{BANS}/{ban_id}")[0] == 200
    status, body = delete(mod_api, f"{BANS}/{ban_id}")
    assert (status, body["error"]["code"]) == (409, "already_lifted")
    status, body = mod_api.post(BANS, {"email": "c@d.org", "reason": "x"})
    status, body = mod_api.post(BANS, {"email": "c@d.org", "reason": "twice"})
    assert (status, body["error"]["code"]) == (409, "already_banned")


def test_readers_and_authors_cannot_ban(anon_api, author):
    assert anon_api.post(BANS, {"email": "a@b.org", "reason": "x"})[0] == 401
    status, body = token_api(author).post(BANS, {"email": "a@b.org", "reason": "x"})
    assert (status, body["error"]["code"]) == (403, "forbidden")
    assert token_api(author).get(BANS)[0] == 403
