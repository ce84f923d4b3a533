"""``EMAIL_URL``: one variable for how Civility sends mail, turned into Django's email settings.

    smtp://user:password@mail.example.org:25     plain SMTP (port 25 unless given)
    smtp+tls://user:password@mail.example.org    SMTP with STARTTLS (port 587 unless given)
    smtps://user:password@mail.example.org       SMTP over TLS from the first byte (port 465)
    console:                                     print each message to standard output
    file:///var/lib/civility/mail                one file per message in that folder
    memory:                                      kept in memory (tests)

User name and password are percent-decoded (``p%40ss`` is ``p@ss``); ``?timeout=SECONDS``
bounds every SMTP operation (10 seconds unless given). Parsed here rather than with
dj-email-url: that package has no ``smtp+tls`` scheme and has not been released since 2022,
and its errors would not name the variable or hide the password.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_SMTP = {"smtp": (25, False, False), "smtp+tls": (587, True, False), "smtps": (465, False, True),
         "smtp+ssl": (465, False, True)}
_SIMPLE = {"console": "django.core.mail.backends.console.EmailBackend",
           "memory": "django.core.mail.backends.locmem.EmailBackend",
           "dummy": "django.core.mail.backends.dummy.EmailBackend"}
DEFAULT_TIMEOUT = 10.0


def redact(url: str) -> str:
    """The URL with its password replaced, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def parse_email_url(url: str, *, name: str = "EMAIL_URL") -> dict[str, Any]:
    """Django's ``EMAIL_*`` settings for ``url``; ImproperlyConfigured naming ``name`` when it is wrong."""

    def wrong(why: str) -> ImproperlyConfigured:
        return ImproperlyConfigured(f"{name}={redact(url)!r}: {why}")

    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise wrong(f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme in _SIMPLE:
        return {"EMAIL_BACKEND": _SIMPLE[scheme]}
    if scheme == "file":
        if parts.netloc or not parts.path.startswith("/"):
            raise wrong("a file URL needs an absolute folder, e.g. file:///var/lib/civility/mail")
        return {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(Path(unquote(parts.path)))}
    if scheme not in _SMTP:
        raise wrong("expected smtp://, smtp+tls://, smtps://, console:, file:///folder or memory:")
    if not parts.hostname:
        raise wrong("an SMTP URL needs a host, e.g. smtp+tls://user:password@mail.example.org")
    default_port, tls, ssl = _SMTP[scheme]
    query = parse_qs(parts.query)
    unknown = sorted(set(query) - {"timeout"})
    if unknown:
        raise wrong(f"unknown option {unknown[0]!r} (only ?timeout=SECONDS is understood)")
    timeout = DEFAULT_TIMEOUT
    if "timeout" in query:
        try:
            timeout = float(query["timeout"][-1])
        except ValueError:
            raise wrong("timeout must be a number of seconds, e.g. ?timeout=10") from None
        if not 0 < timeout < float("inf"):
            raise wrong("timeout must be a positive number of seconds")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
        "EMAIL_TIMEOUT": timeout,
    }
