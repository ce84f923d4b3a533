"""Staff reset a forgotten password by email from the login page (Django's views and EMAIL_BACKEND)."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_a_moderator_resets_a_forgotten_password_by_email(client, moderator):
    login = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password-reset/"' in login

    r = client.post("/accounts/password-reset/", {"email": moderator.email}, follow=True)
    assert r.status_code == 200 and "a link to set a new password is on its way" in r.content.decode()
    [message] = mail.outbox
    assert message.to == [moderator.email]
    assert message.subject == "Reset your Civility password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert "Set a new password" in form.content.decode()
    new = "a fresh and long passphrase 93"
    r = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True)
    assert "Your new password works now." in r.content.decode()
    moderator.refresh_from_db()
    assert moderator.check_password(new)
    assert client.get(link, follow=True).content.decode().count("has been used already or has expired") == 1


def test_unknown_addresses_learn_nothing_and_get_no_mail(client, moderator):
    r = client.post("/accounts/password-reset/", {"email": "stranger@example.org"}, follow=True)
    assert "a link to set a new password is on its way" in r.content.decode()
    assert mail.outbox == []
    r = client.post("/accounts/password-reset/", {"email": "not an email"})
    assert r.status_code == 200 and "Enter a valid email address." in r.content.decode()


def test_reset_requests_are_limited_per_address(client, moderator):
    for _ in range(5):
        client.post("/accounts/password-reset/", {"email": moderator.email})
    r = client.post("/accounts/password-reset/", {"email": moderator.email})
    assert r.status_code == 200 and "Too many reset requests" in r.content.decode()
    assert len(mail.outbox) == 5
