"""`civility user …`, `civility serve`'s set-up, and clear errors for bad input."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from civility.accounts.models import ApiToken, Role, User
from civility.publishing.demo import DEMO_ARTICLE_KEY, demo_ensure

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def logs_in(client, username: str, password: str) -> bool:
    """Through the log-in form (django-axes needs the request that Client.login() does not pass)."""
    r = client.post("/accounts/login/", {"username": username, "password": password})
    return r.status_code == 302 and "_auth_user_id" in client.session


def test_user_create_with_generated_password(client):
    out = run("user", "create", "mira", "--role", "moderator")
    password = out.split("password: ")[1].strip()
    user = User.objects.get(username="mira")
    assert user.role == Role.MODERATOR and user.can_moderate and not user.is_staff
    assert logs_in(client, "mira", password)


def test_user_create_rejects_duplicates_and_weak_passwords():
    run("user", "create", "mira", "--role", "author")
    with pytest.raises(CommandError, match="already exists"):
        run("user", "create", "MIRA", "--role", "author")
    with pytest.raises(CommandError, match="password rejected"):
        run("user", "create", "weak", "--password", "123")
    assert not User.objects.filter(username="weak").exists()


def test_admin_role_gets_the_django_admin():
    run("user", "create", "boss", "--role", "admin", "--password", "a-long-enough-passphrase")
    boss = User.objects.get(username="boss")
    assert boss.is_staff and boss.is_superuser and boss.can_moderate


def test_token_is_printed_once_and_stored_hashed(client):
    run("user", "create", "bot", "--role", "moderator")
    raw = run("user", "token", "bot").strip()
    assert raw.startswith("civ_")
    token = ApiToken.objects.get()
    assert raw not in token.digest
    r = client.get("/api/v1/moderation/queue", headers={"Authorization": f"Bearer {raw}"})
    assert r.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="no user named 'ghost'"):
        run("user", "token", "ghost")


def test_password_reset(client):
    run("user", "create", "ann", "--role", "author")
    out = run("user", "password", "ann")
    assert logs_in(client, "ann", out.rsplit(": ", 1)[1].strip())


def test_demo_is_created_once_and_never_overwritten():
    first = demo_ensure()
    assert first.article.key == DEMO_ARTICLE_KEY
    assert "Lachin" in first.article.body
    assert first.new_password and first.moderator.can_moderate
    first.article.title = "Edited by the newsroom"
    first.article.save()
    second = demo_ensure()
    assert second.new_password is None
    assert second.article.title == "Edited by the newsroom"


def test_cli_reports_bad_arguments_without_a_traceback():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "civility.cli", "user", "create", "x", "--role", "emperor"],
                       capture_output=True, text=True, check=False)
    assert r.returncode != 0
    assert "invalid choice: 'emperor'" in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_port_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PORT", "eighty")
    with pytest.raises(CommandError, match="PORT='eighty' is not a port number"):
        run("serve", "--no-demo")


def test_article_create_open_close(client):
    demo_ensure()
    assert "created budget-2027 on demo" in run("article", "create", "budget-2027", "--title", "The budget")
    assert client.get("/api/v1/articles/budget-2027/comments").status_code == 200
    run("article", "close", "budget-2027")
    r = client.post("/api/v1/articles/budget-2027/comments", {"body": "x", "author_name": "a",
                    "author_email": "a@example.org"}, content_type="application/json")
    assert r.status_code == 403
    assert "budget-2027" in run("article", "list")
    with pytest.raises(CommandError, match="key"):
        run("article", "create", "has spaces", "--title", "Bad")
    with pytest.raises(CommandError, match="no article"):
        run("article", "open", "missing")


@pytest.mark.parametrize(("name", "email", "message"), [
    ("has spaces", "", "username: Enter a valid username"),
    ("ok", "not-an-address", "email: Enter a valid email address"),
])
def test_user_create_refuses_unusable_names_and_addresses(name, email, message):
    with pytest.raises(CommandError, match=message):
        run("user", "create", name, "--role", "admin", "--email", email)
    assert not User.objects.exists()
