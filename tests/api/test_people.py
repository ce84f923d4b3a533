"""GET /api/v1/moderation/people/{email}, its notes and "reject everything pending"."""

import pytest

from civility.comments.models import Status
from civility.moderation.models import Decision
from tests.conftest import submit, token_api

pytestmark = pytest.mark.django_db

PERSON = "/api/v1/moderation/people/troll@example.org"


def test_the_person_with_notes_bans_and_their_comments(mod_api, article, moderator):
    c = submit(article, "Buy now!", email="troll@example.org")
    assert mod_api.post(f"{PERSON}/notes", {"text": "Sells watches."})[0] == 201
    assert mod_api.post("/api/v1/moderation/bans", {"email": "troll@example.org", "reason": "Spam"})[0] == 201
    status, person = mod_api.get(PERSON)
    assert status == 200, person
    assert person["email"] == "troll@example.org"
    assert person["counts"] == {"pending": 1, "approved": 0, "rejected": 0, "unconfirmed": 0}
    [comment] = person["comments"]
    assert (comment["id"], comment["status"], comment["ip_address"]) == (c.pk, "pending", None)
    assert comment["triage"] is not None and "risk" in comment["triage"]
    assert [n["text"] for n in person["notes"]] == ["Sells watches."]
    assert [n["author"] for n in person["notes"]] == [moderator.username]
    assert [(b["kind"], b["value"]) for b in person["bans"]] == [("email", "troll@example.org")]


def test_reject_everything_pending_through_the_api(mod_api, article):
    comments = [submit(article, f"Spam {i}", email="troll@example.org") for i in range(2)]
    status, body = mod_api.post(f"{PERSON}/decision", {"action": "reject", "reason": "spam"})
    assert status == 200, body
    assert sorted(d["id"] for d in body["decided"]) == sorted(c.pk for c in comments)
    assert {d["status"] for d in body["decided"]} == {Status.REJECTED}
    assert Decision.objects.count() == 2


@pytest.mark.parametrize(("method", "path", "body", "status", "code"), [
    ("get", "/api/v1/moderation/people/nobody@example.org", None, 404, "person_not_found"),
    ("get", "/api/v1/moderation/people/not-an-email", None, 422, "invalid"),
    ("post", f"{PERSON}/notes", {"text": "  "}, 422, "invalid"),
    ("post", f"{PERSON}/decision", {"action": "approve", "reason": "spam"}, 422, "invalid"),
    ("post", f"{PERSON}/decision", {"action": "reject"}, 422, "invalid"),
])
def test_bad_input_is_a_clear_4xx(mod_api, article, method, path, body, status, code):
    submit(article, "Hi.", email="troll@example.org")
    got, answer = mod_api.get(path) if method == "get" else mod_api.post(path, body)
    assert (got, answer["error"]["code"]) == (status, code)
    assert answer["error"]["message"]


def test_only_moderators(anon_api, author, article):
    submit(article, "Hi.", email="troll@example.org")
    assert anon_api.get(PERSON)[0] == 401
    assert token_api(author).get(PERSON)[0] == 403
    assert token_api(author).post(f"{PERSON}/notes", {"text": "x"})[0] == 403
