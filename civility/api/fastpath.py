"""Thread pages answered before Django: the WSGI application's fast path.

A reader's thread request (``GET /api/v1/articles/<key>/comments``) is the same for every
caller, and the busiest thing a newsroom serves. Through Django's whole stack a cached page
still costs about a millisecond of CPU (request object, middleware, URL resolving, the
version query), more than three thousand requests a second on two cores allow. So the
application remembers each finished thread response — status, every header the middleware
added, body — and answers a repeat of the same request from the cache alone, in one
round trip:

- the entry is keyed on everything of the request the response depends on (scheme, the
  host and proxy headers, path, query string, ``Origin``); anything else about it
  (cookies) the thread ignores; a request with ``Authorization`` goes through Django,
  which refuses a bad bearer token;
- it is served only while it names the article's current version, which the cache keeps
  under :mod:`civility.publishing.public_versions` (deleted the moment a change commits),
  and while its ``Origin`` is still as allowed to embed as when it was stored;
- ``If-None-Match`` with its ETag gets ``304 Not Modified``.

Anything else — a miss, another method or path, a cache that does not answer — goes
through Django unchanged, which then stores the response for next time.

Only with a cache that every process shares (Redis in production). With a process-local
cache (the embedded setup's memory cache) a change made by another process — a
``civility`` command in a terminal — could not delete this process's note of the version,
so there every request goes through Django, which reads the version from the database. The Django test
client does not pass through here; ``tests/api/test_fastpath.py`` calls the WSGI
application itself.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import NamedTuple

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse
from django.utils.http import parse_etags

from civility import release
from civility.publishing import public_versions
from civility.publishing.cors import ORIGINS_CACHE_KEY, allowed_origins

log = logging.getLogger(__name__)

THREAD_PATH = re.compile(r"/api/v1/articles/([^/]+)/comments")

#: the parts of a request a thread response can depend on, as WSGI names them
KEYED = (
    "wsgi.url_scheme", "HTTP_X_FORWARDED_PROTO", "HTTP_HOST", "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT", "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME", "PATH_INFO",
    "QUERY_STRING", "HTTP_ORIGIN",
)

#: set in environ by the fast path for the view: the version the cache holds (or None)
ENVIRON_VERSION = "civility.public_version"

#: entries of versions nobody asks for any more expire
TTL_SECONDS = 60 * 60

#: headers a 304 does not repeat
_BODY_HEADERS = frozenset({"content-type", "content-length"})


class Entry(NamedTuple):
    version: int
    origin_allowed: bool
    etag: str
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


def entry_key(environ) -> str:
    raw = "\0".join([release.fingerprint(), *(str(environ.get(name, "")) for name in KEYED)])
    return "civility:fast:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def _origin_allowed(origin: str, allowed) -> bool:
    return bool(origin) and origin.rstrip("/") in allowed


def mark_public(request: HttpRequest, response: HttpResponse, *, article_key: str, version: int) -> None:
    """Called by the thread view: ``response`` is the page of ``version``, fit for the fast path.

    Only requests that came through :class:`Handler` are marked; the first one of a version
    also records it as current (:func:`public_versions.remember`).
    """
    if ENVIRON_VERSION not in request.META:
        return
    if request.META[ENVIRON_VERSION] != version:
        public_versions.remember(article_key, version)
    response.civility_public_version = version


def enabled() -> bool:
    """Is the cache shared by every process that can change a thread?"""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


class Handler(WSGIHandler):
    """Django's WSGI handler with the thread fast path in front."""

    def __call__(self, environ, start_response):
        # A request with a bearer token goes through Django, which refuses a bad one (401).
        if environ.get("REQUEST_METHOD") == "GET" and "HTTP_AUTHORIZATION" not in environ and enabled():
            match = THREAD_PATH.fullmatch(environ.get("PATH_INFO", ""))
            if match:
                answer = self._fast(environ, match.group(1))
                if answer is not None:
                    environ["civility.route"] = "api/v1/articles/<key>/comments (fast path)"  # for the metrics
                    status, headers, body = answer
                    start_response(status, list(headers))
                    return body
        return super().__call__(environ, start_response)

    def _fast(self, environ, raw_key: str):
        try:  # PATH_INFO is WSGI's latin-1 view of the bytes, as Django decodes it
            article_key = raw_key.encode("iso-8859-1").decode("utf-8")
        except UnicodeError:
            return None
        version_key, key = public_versions.version_key(article_key), entry_key(environ)
        try:
            got = cache.get_many([version_key, key, ORIGINS_CACHE_KEY])
        except Exception:  # the cache is down: Django serves from the database
            log.warning("fast path: cache unavailable", exc_info=True)
            return None
        version, entry = got.get(version_key), got.get(key)
        environ[ENVIRON_VERSION] = version
        if version is None or entry is None or entry.version != version:
            return None
        origin = environ.get("HTTP_ORIGIN", "")
        if origin:
            allowed = got.get(ORIGINS_CACHE_KEY)
            if allowed is None or _origin_allowed(origin, allowed) != entry.origin_allowed:
                return None
        inm = environ.get("HTTP_IF_NONE_MATCH")
        if inm and (inm.strip() == "*" or entry.etag in parse_etags(inm)):
            headers = tuple(h for h in entry.headers if h[0].lower() not in _BODY_HEADERS)
            return "304 Not Modified", headers, []
        return entry.status, entry.headers, [entry.body]

    def get_response(self, request):
        response = super().get_response(request)
        version = getattr(response, "civility_public_version", None)
        if version is not None and response.status_code == 200 and self._storable(response):
            origin = request.META.get("HTTP_ORIGIN", "")
            entry = Entry(
                version=version,
                origin_allowed=_origin_allowed(origin, allowed_origins()) if origin else False,
                etag=response["ETag"],
                status=f"{response.status_code} {response.reason_phrase}",
                headers=tuple(response.items()),
                body=response.content,
            )
            try:
                cache.set(entry_key(request.META), entry, TTL_SECONDS)
            except Exception:
                log.warning("fast path: cache unavailable", exc_info=True)
        return response

    @staticmethod
    def _storable(response: HttpResponse) -> bool:
        if response.streaming or response.cookies or not response.has_header("ETag"):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        return vary <= {"origin"}  # the key holds Origin and nothing else a Vary could name
