"""The permission matrix: anonymous / author / moderator / admin, for every endpoint."""

import pytest
from django.test import Client

from civility.accounts.models import Role
from tests.conftest import make_user, submit, token_api

pytestmark = pytest.mark.django_db

STAFF = [
    ("get", "/api/v1/moderation/queue", None),
    ("get", "/api/v1/moderation/history", None),
    ("post", "/api/v1/moderation/comments/{id}/decision", {"action": "approve"}),
    ("post", "/api/v1/moderation/decisions", {"ids": ["{id}"], "action": "approve"}),
    ("post", "/api/v1/moderation/decisions/{decision}/undo", {}),
]
PUBLIC = [
    ("get", "/api/v1/articles/lachin-corridor/comments", None),
    ("post", "/api/v1/articles/lachin-corridor/comments",
     {"body": "hi", "author_name": "A", "author_email": "a@example.org"}),
    ("get", "/api/v1/session", None),
]
# who → expected status for staff endpoints
EXPECTED_STAFF = {None: 401, Role.AUTHOR: 403, Role.MODERATOR: 200, Role.ADMIN: 200}


@pytest.fixture
def target(article):
    from civility.moderation.models import Action
    from civility.moderation.services import decision_record

    c = submit(article)
    other = submit(article, "other")
    [d] = decision_record(user=make_user(Role.ADMIN, "setup-admin"), comment_ids=[other.pk],
                          action=Action.APPROVE)
    return {"id": c.pk, "decision": d.pk}


def _fill(value, target):
    if isinstance(value, str):
        return int(value.format(**target)) if value.startswith("{") else value.format(**target)
    if isinstance(value, list):
        return [_fill(v, target) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, target) for k, v in value.items()}
    return value


def _call(api, method, path, body, target):
    path = path.format(**target)
    return api.get(path) if method == "get" else api.post(path, _fill(body, target))


@pytest.mark.parametrize("role", list(EXPECTED_STAFF))
@pytest.mark.parametrize(("method", "path", "body"), STAFF)
def test_staff_endpoints_with_bearer_tokens(role, method, path, body, target):
    from tests.conftest import Api

    api = Api(Client()) if role is None else token_api(make_user(role, f"{role}-x"))
    status, response = _call(api, method, path, body, target)
    assert status == EXPECTED_STAFF[role], response
    if status >= 400:
        assert set(response["error"]) == {"code", "message", "fields"}


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.MODERATOR, Role.ADMIN])
@pytest.mark.parametrize(("method", "path", "body"), STAFF)
def test_staff_endpoints_with_a_browser_session_need_csrf(role, method, path, body, target):
    from tests.conftest import Api

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(role, f"{role}-s"))
    api = Api(client)
    status, _ = _call(api, method, path, body, target)
    if method == "post":
        assert status == 403  # no CSRF token: refused before any role check
        api.headers = {"X-CSRFToken": client.get("/api/v1/session").json()["csrf_token"]}
        status, _ = _call(api, method, path, body, target)
    assert status == EXPECTED_STAFF[role]


@pytest.mark.parametrize("role", list(EXPECTED_STAFF))
@pytest.mark.parametrize(("method", "path", "body"), PUBLIC)
def test_public_endpoints_are_open_to_everyone(role, method, path, body, target):
    from tests.conftest import Api

    api = Api(Client()) if role is None else token_api(make_user(role, f"{role}-p"))
    status, _ = _call(api, method, path, body, target)
    assert status == (202 if method == "post" else 200)


def test_deactivated_users_tokens_stop_working(target):
    user = make_user(Role.MODERATOR, "leaver")
    api = token_api(user)
    assert api.get("/api/v1/moderation/queue")[0] == 200
    user.is_active = False
    user.save()
    assert api.get("/api/v1/moderation/queue")[0] == 401


@pytest.mark.parametrize(("role", "expected"), [(None, 302), (Role.AUTHOR, 403), (Role.MODERATOR, 200),
                                                (Role.ADMIN, 200)])
@pytest.mark.parametrize("path", ["/moderation/", "/moderation/history/"])
def test_moderation_pages(client, target, role, expected, path):
    if role is not None:
        client.force_login(make_user(role, f"{role}-page"))
    r = client.get(path)
    assert r.status_code == expected
    if expected == 302:
        assert r["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("role", "allowed"), [(None, False), (Role.AUTHOR, False), (Role.MODERATOR, True),
                                               (Role.ADMIN, True)])
def test_queue_page_decisions(client, target, role, allowed):
    from civility.comments.models import Comment

    if role is not None:
        client.force_login(make_user(role, f"{role}-form"))
    r = client.post("/moderation/decide", {"ids": [target["id"]], "action": "approve"})
    assert r.status_code == (302 if allowed or role is None else 403)
    assert (Comment.objects.get(pk=target["id"]).status == "approved") is allowed


def test_the_admin_is_for_admins_only(client, target):
    for role, expected in [(Role.MODERATOR, 302), (Role.AUTHOR, 302), (Role.ADMIN, 200)]:
        client.force_login(make_user(role, f"{role}-admin"))
        assert client.get("/admin/publishing/article/").status_code == expected
