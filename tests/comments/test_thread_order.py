"""The "most replies" order: the most discussed top-level comments first, then the newest."""

from __future__ import annotations

import pytest

from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


def test_most_replied_first_and_pages_keep_their_place(anon_api, article, moderator):
    quiet, busy, middling = (submit(article, f"Top comment {n}.") for n in range(3))
    approve(moderator, quiet, busy, middling)
    for n in range(3):
        approve(moderator, submit(article, f"Reply {n} to busy.", parent=busy))
    reply = submit(article, "Reply to middling.", parent=middling)
    approve(moderator, reply)
    approve(moderator, submit(article, "A reply to the reply counts too.", parent=reply))
    submit(article, "A pending reply does not count.", parent=quiet)

    status, body = anon_api.get(f"/api/v1/articles/{article.key}/comments", order="replies", limit=2)
    assert status == 200 and body["article"]["order"] == "replies"
    roots = [c["id"] for c in body["comments"] if c["parent_id"] is None]
    assert roots == [busy.pk, middling.pk]
    status, more = anon_api.get(body["next"].split("testserver")[1])
    assert [c["id"] for c in more["comments"]] == [quiet.pk]
    assert more["next"] is None


def test_unknown_order_is_refused_in_the_readers_words(client, article):
    r = client.get(f"/api/v1/articles/{article.key}/comments", {"order": "loudest"}, headers={"Accept-Language": "tr"})
    assert r.status_code == 422
    assert "order" in r.json()["error"]["fields"]
