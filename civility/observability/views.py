"""``GET /metrics``: the Prometheus text format, for a bearer token or allowed addresses."""

from __future__ import annotations

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from civility.observability.metrics import registry
from civility.ratelimit import client_ip


def _token_ok(request: HttpRequest) -> bool:
    expected = settings.CIVILITY_METRICS_TOKEN
    scheme, _sep, given = request.headers.get("Authorization", "").partition(" ")
    return bool(expected) and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(),
                                                                                 expected.encode())


def _address_ok(request: HttpRequest) -> bool:
    networks = settings.CIVILITY_METRICS_ALLOWED_ADDRESSES
    if not networks:
        return False
    try:
        address = ipaddress.ip_address(client_ip(request) or "")
    except ValueError:
        return False
    return any(address in network for network in networks)


def _plain(text: str, status: int, **headers: str) -> HttpResponse:
    return HttpResponse(text + "\n", status=status, content_type="text/plain; charset=utf-8", headers=headers)


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    if not settings.CIVILITY_METRICS_TOKEN and not settings.CIVILITY_METRICS_ALLOWED_ADDRESSES:
        return _plain(_("Metrics are off: set CIVILITY_METRICS_TOKEN or CIVILITY_METRICS_ALLOWED_ADDRESSES "
                        "(docs/configuration.md)."), 404)
    if not (_token_ok(request) or _address_ok(request)):
        if settings.CIVILITY_METRICS_TOKEN:
            return _plain(_("Send the metrics token as 'Authorization: Bearer …'."), 401,
                          **{"WWW-Authenticate": 'Bearer realm="metrics"'})
        return _plain(_("This address may not read the metrics."), 403)
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
