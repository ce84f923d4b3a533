import pytest
from django.core.exceptions import ImproperlyConfigured

from civility.notifications.email_url import parse_email_url, redact


def test_smtp_with_user_password_and_port():
    got = parse_email_url("smtp://mailer:p%40ss@mail.example.org:2525")
    assert got["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (got["EMAIL_HOST"], got["EMAIL_PORT"]) == ("mail.example.org", 2525)
    assert (got["EMAIL_HOST_USER"], got["EMAIL_HOST_PASSWORD"]) == ("mailer", "p@ss")
    assert (got["EMAIL_USE_TLS"], got["EMAIL_USE_SSL"]) == (False, False)
    assert got["EMAIL_TIMEOUT"] == 10


def test_starttls_and_implicit_tls_have_their_own_default_ports():
    tls = parse_email_url("smtp+tls://u:p@mail.example.org")
    assert (tls["EMAIL_PORT"], tls["EMAIL_USE_TLS"], tls["EMAIL_USE_SSL"]) == (587, True, False)
    ssl = parse_email_url("smtps://u:p@mail.example.org?timeout=3")
    assert (ssl["EMAIL_PORT"], ssl["EMAIL_USE_TLS"], ssl["EMAIL_USE_SSL"], ssl["EMAIL_TIMEOUT"]) == (465, False,
                                                                                                    True, 3.0)
    assert parse_email_url("smtp://relay")["EMAIL_PORT"] == 25


def test_console_memory_and_file():
    assert parse_email_url("console:")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert parse_email_url("memory:")["EMAIL_BACKEND"].endswith("locmem.EmailBackend")
    got = parse_email_url("file:///var/lib/civility/mail")
    assert got == {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                   "EMAIL_FILE_PATH": "/var/lib/civility/mail"}


@pytest.mark.parametrize(("url", "says"), [
    ("http://mail.example.org", "expected smtp://"),
    ("smtp://", "needs a host"),
    ("smtp://mail.example.org:99999", "not a valid URL"),
    ("file://relative/dir", "absolute folder"),
    ("smtp://mail.example.org?tls=1", "unknown option 'tls'"),
    ("smtp://mail.example.org?timeout=soon", "number of seconds"),
    ("smtp://mail.example.org?timeout=0", "positive"),
])
def test_bad_urls_name_the_variable_and_say_why(url, says):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL=") as caught:
        parse_email_url(url)
    assert says in str(caught.value)


def test_the_password_never_appears_in_an_error():
    with pytest.raises(ImproperlyConfigured) as caught:
        parse_email_url("smtp://mailer:hunter2@mail.example.org?bogus=1")
    assert "hunter2" not in str(caught.value)
    assert redact("smtp://mailer:hunter2@host") == "smtp://mailer:***@host"
