"""Which origins may embed the thread: settings.CIVILITY_EMBED_ORIGINS plus each site's list.

django-cors-headers asks every receiver of ``check_request_enabled``; we answer
from a short-lived cache so a site edited in the admin takes effect in seconds.
"""

from __future__ import annotations

import re

from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_save

from civility.publishing.models import Site

ORIGINS_CACHE_KEY = "civility:embed-origins"
_PUBLIC_PATHS = re.compile(settings.CORS_URLS_REGEX)


def allowed_origins() -> frozenset[str]:
    origins = cache.get(ORIGINS_CACHE_KEY)
    if origins is None:
        origins = set(settings.CIVILITY_EMBED_ORIGINS)
        for site in Site.objects.only("allowed_origins"):
            origins.update(site.origins)
        origins = frozenset(o.rstrip("/") for o in origins)
        cache.set(ORIGINS_CACHE_KEY, origins, 30)
    return origins


def _origin_allowed(sender, request, **kwargs) -> bool:
    # The hook overrides CORS_URLS_REGEX, so the path is checked again here:
    # staff endpoints are never opened to other origins.
    if not _PUBLIC_PATHS.match(request.path_info):
        return False
    origin = request.headers.get("Origin", "").rstrip("/")
    return bool(origin) and origin in allowed_origins()


def _forget(sender, **kwargs) -> None:
    cache.delete(ORIGINS_CACHE_KEY)


check_request_enabled.connect(_origin_allowed, dispatch_uid="civility-embed-origins")
post_save.connect(_forget, sender=Site, dispatch_uid="civility-embed-origins-reset")
