"""Defect 6 of the hardening issue: unlimited password guessing.

After 10 failed log-ins within 15 minutes for one user name, or from one address, further
attempts are refused (429, with a page that says why and for how long) even with the right
password; an admin can unlock. The failures are rows in the database, so every app server
sees them.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from civility.accounts.models import Role
from civility.accounts.services import user_create

pytestmark = pytest.mark.django_db

PASSWORD = "a long and correct horse battery"


@pytest.fixture
def mira(db):
    user, _ = user_create(username="mira", role=Role.MODERATOR, password=PASSWORD, email="mira@news.test")
    return user


def log_in(username: str, password: str, *, address: str = "198.51.100.7", path: str = "/accounts/login/"):
    return Client(REMOTE_ADDR=address).post(path, {"username": username, "password": password})


def fail(times: int, username: str = "mira", **kw) -> list[int]:
    return [log_in(username, "wrong guess", **kw).status_code for _ in range(times)]


def test_ten_failures_for_one_name_lock_it_even_with_the_right_password(mira):
    assert fail(9) == [200] * 9  # the form again, with its error
    assert log_in("mira", PASSWORD).status_code == 302  # nine are forgiven
    assert fail(1, address="203.0.113.1") == [429]  # the tenth locks
    r = log_in("mira", PASSWORD, address="203.0.113.2")  # another address: the name is locked
    assert r.status_code == 429
    page = r.content.decode()
    assert "Too many failed log-ins" in page and "15 minutes" in page and "civility user unlock" in page


def test_the_name_is_counted_without_case(mira):
    # each failure from its own address, so that only the name can be what is locked
    for i in range(5):
        fail(1, "MIRA", address=f"203.0.113.{10 + i}")
        fail(1, "Mira", address=f"203.0.113.{20 + i}")
    assert log_in("mira", PASSWORD, address="203.0.113.99").status_code == 429


def test_ten_failures_from_one_address_lock_that_address(mira):
    for i in range(10):
        log_in(f"guess{i}", "wrong guess", address="192.0.2.50")
    assert log_in("mira", PASSWORD, address="192.0.2.50").status_code == 429
    assert log_in("mira", PASSWORD, address="192.0.2.51").status_code == 302


def test_the_admin_login_is_throttled_too(mira):
    fail(10, path="/admin/login/")
    assert log_in("mira", PASSWORD).status_code == 429


def test_failures_older_than_the_window_are_forgotten(mira):
    fail(10)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in("mira", PASSWORD).status_code == 302


def test_the_cli_unlocks_a_name(mira, capsys):
    fail(10)
    call_command("user", "unlock", "Mira")
    assert "unlocked user name 'Mira'" in capsys.readouterr().out
    assert log_in("mira", PASSWORD).status_code == 302


def test_the_cli_unlocks_an_address(mira):
    for i in range(10):
        log_in(f"guess{i}", "wrong guess", address="192.0.2.50")
    call_command("user", "unlock", "--address", "192.0.2.50")
    assert log_in("mira", PASSWORD, address="192.0.2.50").status_code == 302


def test_the_cli_refuses_a_bad_address():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not an IP address"):
        call_command("user", "unlock", "--address", "not-an-address")


def test_an_admin_unlocks_in_the_admin(mira, admin_user):
    fail(10)
    admin = Client()
    admin.force_login(admin_user)
    [attempt] = AccessAttempt.objects.all()
    r = admin.post("/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": [attempt.pk],
                                                   "post": "yes"})
    assert r.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert log_in("mira", PASSWORD).status_code == 302


def test_a_proxy_header_that_is_not_an_address_is_not_a_500(mira, settings):
    settings.CIVILITY_TRUSTED_PROXIES = 1
    r = Client().post("/accounts/login/", {"username": "mira", "password": "wrong"},
                      headers={"X-Forwarded-For": "not an address"})
    assert r.status_code == 200
    assert AccessAttempt.objects.get().ip_address is None


@pytest.mark.parametrize("field", ["username", "password", "next", "other"])
def test_a_nul_in_any_log_in_field_is_a_failed_log_in_not_a_500(mira, field):
    """The failure's record keeps the request's fields (PostgreSQL refuses NUL in text)."""
    data = {"username": "mira", "password": "wrong", field: "a\x00b"}
    r = Client(REMOTE_ADDR="198.51.100.9").post("/accounts/login/", data)
    assert r.status_code == 200
