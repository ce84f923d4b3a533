"""Akismet's opinion, as evidence: ``spam`` 0.8, or 0.95 when Akismet says "discard".

Off by default: it sends the comment, the author's e-mail, address and browser to a third
party (say so in your privacy notice). Enable it in settings::

    {"signal": "akismet.v1", "options": {"api_key": "…", "blog_url": "https://news.example"}}

Options: ``api_key``, ``blog_url`` (both required), ``endpoint`` (the API's base URL, default
``https://rest.akismet.com``; tests point it at a local fake), ``timeout`` (seconds per network
step, default 1.5), ``is_test`` (ask Akismet not to learn from these calls).

Akismet never holds a comment up for long nor loses it: past the timeout, on an error status
or an answer it does not understand, the signal raises and the pipeline marks the report
incomplete ("triage incomplete"); the comment waits in the queue like any other.

Moderators' decisions teach Akismet back (``civility.learning.feedback``): a rejection for spam
is sent as ``submit-spam``, an approval of a comment Akismet called spam as ``submit-ham``
(:meth:`Akismet.submit`), from a background task.

We speak the small comment-check protocol ourselves (``POST /1.1/comment-check``) over
``httpx``: the ``akismet`` package hard-codes the service's address, so it cannot be tested
against a local server.
"""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlsplit

import httpx

from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding

DEFAULT_ENDPOINT = "https://rest.akismet.com"
SPAM = 0.8
DISCARD = 0.95  # "blatant spam": Akismet's X-akismet-pro-tip: discard


class AkismetError(Exception):
    """Akismet did not give a usable answer; the report is marked incomplete."""


def _url(option: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{option} must be a URL string")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{option} must be an http(s) URL, like 'https://news.example' (got {value!r})")
    return value.strip().rstrip("/")


class Akismet(Signal):
    labels = ("spam",)

    def __init__(self, *, api_key: str, blog_url: str, endpoint: str = DEFAULT_ENDPOINT, timeout: float = 1.5,
                 is_test: bool = False) -> None:
        super().__init__()
        if not isinstance(api_key, str):
            raise TypeError("api_key must be a string")
        if not api_key.strip():
            raise ValueError("api_key is empty: get one at akismet.com")
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise TypeError("timeout must be a number of seconds")
        if not 0 < timeout <= 10:
            raise ValueError("timeout must be above 0 and at most 10 seconds (a submission waits for it)")
        if not isinstance(is_test, bool):
            raise TypeError("is_test must be true or false")
        self.api_key = api_key.strip()
        self.blog_url = _url("blog_url", blog_url)
        self.endpoint = _url("endpoint", endpoint)
        self.timeout = float(timeout)
        self.is_test = is_test
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def _http(self) -> httpx.Client:
        """One client per signal (kept-alive connections), made on first use."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = httpx.Client(
                        timeout=httpx.Timeout(self.timeout), follow_redirects=False,
                        headers={"User-Agent": "Civility/0.1 | akismet.v1"})
        return self._client

    def form(self, doc: Doc) -> dict[str, str]:
        """The comment-check fields for ``doc``."""
        subject, identity = doc.subject, doc.subject.identity
        data = {
            "api_key": self.api_key,
            "blog": self.blog_url,
            "user_ip": identity.ip_address or "",
            "user_agent": identity.user_agent,
            "comment_type": "comment",
            "comment_author_email": identity.email,
            "comment_content": subject.text,
            "blog_charset": "UTF-8",
        }
        if subject.created_at is not None:
            data["comment_date_gmt"] = subject.created_at.isoformat()
        lang = doc.attrs.get("lang")
        if lang and lang != "und":
            data["blog_lang"] = lang
        honeypot = subject.client.get("honeypot")
        if isinstance(honeypot, str):
            data["honeypot_field_name"] = "hp"
            data["hp"] = honeypot
        if self.is_test:
            data["is_test"] = "1"
        return {k: v for k, v in data.items() if v}

    def _post(self, call: str, doc: Doc) -> httpx.Response:
        """POST the comment's fields to ``/1.1/<call>``; an answer other than HTTP 200 is an error."""
        try:
            response = self._http().post(f"{self.endpoint}/1.1/{call}", data=self.form(doc))
        except httpx.TimeoutException:
            raise AkismetError(f"Akismet did not answer within {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise AkismetError(f"could not reach Akismet: {type(exc).__name__}") from None
        if response.status_code != 200:
            raise AkismetError(f"Akismet answered HTTP {response.status_code}")
        return response

    def __call__(self, doc: Doc) -> None:
        if not doc.subject.identity.ip_address:
            return  # a bare text (CLI, the widget's draft check): Akismet needs the poster's address
        response = self._post("comment-check", doc)
        verdict = response.text.strip()
        if verdict == "true":
            discard = response.headers.get("X-akismet-pro-tip", "").strip().lower() == "discard"
            doc.add(Finding("spam", DISCARD if discard else SPAM,
                            "Akismet says blatant spam (discard)" if discard else "Akismet says spam",
                            evidence={"kind": "akismet", "verdict": "discard" if discard else "spam"},
                            signal=self.name))
        elif verdict != "false":
            hint = response.headers.get("X-akismet-debug-help") or response.headers.get("X-akismet-alert-msg")
            raise AkismetError(f"Akismet answered {verdict[:40]!r}" + (f": {hint[:200]}" if hint else ""))

    def submit(self, doc: Doc, verdict: str) -> None:
        """Tell Akismet it was wrong or right: ``verdict`` "spam" (``submit-spam``) or "ham" (``submit-ham``).

        Sends the same fields as the check. Raises :class:`AkismetError` when Akismet did not take it.
        """
        if verdict not in ("spam", "ham"):
            raise ValueError("verdict must be 'spam' or 'ham'")
        response = self._post(f"submit-{verdict}", doc)
        if not response.text.strip().lower().startswith("thanks"):
            raise AkismetError(f"Akismet did not take the submit-{verdict}: {response.text.strip()[:80]!r}")
