"""Posting comments and reading the queue through the API, for the duplicate and campaign tests."""

from __future__ import annotations

import json

from django.test import TestCase


def post(client, body: str, *, email: str = "ani@example.org", ip: str = "203.0.113.7", ua: str = "Firefox/128",
         article: str = "lachin-corridor", token: str | None = None) -> int:
    """Submit as a reader would; returns the new comment's id."""
    headers = {"User-Agent": ua, **({"Authorization": f"Bearer {token}"} if token else {})}
    # the test's transaction never commits: run the follow-up tasks (re-scores) as a commit would
    with TestCase.captureOnCommitCallbacks(execute=True):
        r = client.post(f"/api/v1/articles/{article}/comments",
                        json.dumps({"body": body, "author_name": "Reader", "author_email": email}),
                        content_type="application/json", headers=headers, REMOTE_ADDR=ip)
    assert r.status_code == 202, r.content
    return r.json()["id"]


def queue(mod_api) -> dict[int, dict]:
    """The pending comments' triage reports, by comment id."""
    status, body = mod_api.get("/api/v1/moderation/queue", limit=200)
    assert status == 200
    return {c["id"]: c["triage"] for c in body["comments"]}
