"""Which origins may embed the thread: settings.CIVILITY_EMBED_ORIGINS plus each site's list.

django-cors-headers asks every receiver of ``check_request_enabled``; we answer
from a short-lived cache so a site edited in the admin takes effect in seconds.
The cache is a help, not a need: when it does not answer (Redis down) the list is
read from the database, so the widget's requests keep their CORS headers.
"""

from __future__ import annotations

import logging
import re

from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_save

from civility.publishing.models import Site

log = logging.getLogger(__name__)

ORIGINS_CACHE_KEY = "civility:embed-origins"
_PUBLIC_PATHS = re.compile(settings.CORS_URLS_REGEX)


def _from_database() -> frozenset[str]:
    origins = set(settings.CIVILITY_EMBED_ORIGINS)
    for site in Site.objects.only("allowed_origins"):
        origins.update(site.origins)
    return frozenset(o.rstrip("/") for o in origins)


def allowed_origins() -> frozenset[str]:
    try:
        origins = cache.get(ORIGINS_CACHE_KEY)
    except Exception:  # the cache is down: the database has the truth
        log.warning("embed origins: cache unavailable", exc_info=True)
        return _from_database()
    if origins is None:
        origins = _from_database()
        try:
            cache.set(ORIGINS_CACHE_KEY, origins, 30)
        except Exception:
            log.warning("embed origins: cache unavailable", exc_info=True)
    return origins


def _origin_allowed(sender, request, **kwargs) -> bool:
    # The hook overrides CORS_URLS_REGEX, so the path is checked again here:
    # staff endpoints are never opened to other origins.
    if not _PUBLIC_PATHS.match(request.path_info):
        return False
    origin = request.headers.get("Origin", "").rstrip("/")
    return bool(origin) and origin in allowed_origins()


def _forget(sender, **kwargs) -> None:
    try:
        cache.delete(ORIGINS_CACHE_KEY)
    except Exception:  # the cache is down; its copy expires within 30 seconds
        log.warning("embed origins: could not forget the cached list", exc_info=True)


check_request_enabled.connect(_origin_allowed, dispatch_uid="civility-embed-origins")
post_save.connect(_forget, sender=Site, dispatch_uid="civility-embed-origins-reset")
