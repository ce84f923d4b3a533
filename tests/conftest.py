"""Shared fixtures: people in each role, the demo article, API clients."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from civility.accounts.models import Role, User
from civility.accounts.services import token_create, user_create
from civility.comments.models import Comment
from civility.comments.services import comment_submit
from civility.moderation.models import Action
from civility.moderation.services import decision_record
from civility.publishing.models import Article, Site


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached origins live in the cache: start every test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def site(db) -> Site:
    return Site.objects.create(name="Test Gazette", slug="gazette")


@pytest.fixture
def article(site) -> Article:
    return Article.objects.create(site=site, key="lachin-corridor", title="The corridor")


def make_user(role: Role, name: str | None = None) -> User:
    user, _ = user_create(username=name or f"{role}-user", role=role, email=f"{name or role}@news.test")
    return user


@pytest.fixture
def anna(db):
    """A second moderator, named, for a queue shared by a team."""
    user = make_user(Role.MODERATOR, "anna")
    user.display_name = "Anna"
    user.save()
    return user


@pytest.fixture
def moderator(db) -> User:
    return make_user(Role.MODERATOR)


@pytest.fixture
def admin_user(db) -> User:
    return make_user(Role.ADMIN)


@pytest.fixture
def author(db) -> User:
    return make_user(Role.AUTHOR)


class Api:
    """A JSON client: ``api.post(path, {...})`` returns (status, body)."""

    def __init__(self, client: Client, headers: dict[str, str] | None = None):
        self.client = client
        self.headers = headers or {}

    def get(self, path: str, **params: Any) -> tuple[int, Any]:
        r = self.client.get(path, params, headers=self.headers)
        return r.status_code, r.json()

    def post(self, path: str, body: Any, **headers: str) -> tuple[int, Any]:
        r = self.client.post(path, json.dumps(body), content_type="application/json",
                             headers={**self.headers, **headers})
        self.last = r
        return r.status_code, r.json()


@pytest.fixture
def anon_api(client) -> Api:
    return Api(client)


def token_api(user: User) -> Api:
    return Api(Client(), {"Authorization": f"Bearer {token_create(user=user)}"})


@pytest.fixture
def mod_api(moderator) -> Api:
    return token_api(moderator)


def submit(article: Article, body: str = "A civil remark.", *, name: str = "Reader",
           email: str = "reader@example.org", parent: Comment | None = None, user: Any = None,
           ui_lang: str = "") -> Comment:
    from django.contrib.auth.models import AnonymousUser

    return comment_submit(user=user or AnonymousUser(), article_key=article.key, body=body,
                          author_name=name, author_email=email, parent_id=parent.pk if parent else None,
                          ui_lang=ui_lang)


def approve(moderator: User, *comments: Comment) -> None:
    decision_record(user=moderator, comment_ids=[c.pk for c in comments], action=Action.APPROVE)
    for c in comments:
        c.refresh_from_db()


@pytest.fixture(autouse=True)
def _tasks_run_inline(settings):
    """Background tasks run where they are enqueued (once the transaction commits), unless a
    test is about the queue itself (tests/background)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
