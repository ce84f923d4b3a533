"""Public reads from the cache, with ETags and 304 Not Modified.

A thread page is the same for every reader (approved comments only, nothing about the
caller), so its rendered JSON is cached under the article's ``public_version``. The
services bump that number in the same transaction as any change readers would see
(``civility.publishing.services.article_public_changed``), so a cached page is never
served after a change, in any process, even without Redis. A hit costs one indexed query
(the version) and no rendering::

    return cached_page(request, scope=("thread", article_id, version, order, cursor, limit),
                       build=lambda: api.create_response(request, data, status=200))

The ETag is a hash of the bytes (strong); ``Cache-Control: no-cache`` makes browsers and
proxies revalidate every time, which then costs a ``304`` with no body.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from civility import release

log = logging.getLogger(__name__)

#: pages of versions nobody asks for any more simply expire
TTL_SECONDS = 60 * 60


def _key(request: HttpRequest, scope: Sequence[object]) -> str:
    # scheme and host are part of the page: its "next" link is absolute
    # the code's fingerprint too: a release that changes the page's shape starts afresh
    raw = "|".join(map(str, (release.fingerprint(), request.scheme, request.get_host(), *scope)))
    return "civility:page:" + hashlib.sha256(raw.encode()).hexdigest()


def cached_page(request: HttpRequest, *, scope: Sequence[object], build: Callable[[], HttpResponse]) -> HttpResponse:
    """The cached response for ``scope``, else ``build()``'s, cached when it is a 200."""
    key = _key(request, scope)
    try:
        hit = cache.get(key)
    except Exception:  # the cache is down: serve from the database
        log.warning("page cache unavailable", exc_info=True)
        hit = None
    if hit is not None:
        etag, content_type, content = hit
        response = HttpResponse(content, content_type=content_type)
    else:
        response = build()
        if response.status_code != 200:
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        try:
            cache.set(key, (etag, response["Content-Type"], response.content), TTL_SECONDS)
        except Exception:
            log.warning("page cache unavailable", exc_info=True)
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return get_conditional_response(request, etag=etag, response=response)
