"""Webhooks: each event a webhook subscribed to is POSTed to it, signed, and retried until it lands.

Every delivery is a JSON body (``payloads.py``) with these headers::

    X-Civility-Event: comment.decided
    X-Civility-Delivery: 3:comment.decided:812         (the same on every retry: deduplicate on it)
    X-Civility-Timestamp: 1796593200                   (Unix seconds when this attempt was signed)
    X-Civility-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>

The signed message is the timestamp, a full stop, and the body's exact bytes, so neither
can be changed, and a receiver that refuses timestamps older than a few minutes cannot be
fed an old delivery again. Any 2xx answer counts as delivered; anything else (another
status, a refused connection, no answer within ``TIMEOUT``) is tried again after 1, 2, 4 …
minutes, ``CIVILITY_NOTIFY_MAX_ATTEMPTS`` times in all. Redirects are not followed.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import time
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civility.errors import InvalidInput
from civility.notifications.models import DeliveryStatus, Event, Webhook, WebhookDelivery, WebhookFormat
from civility.notifications.outbox import LEASE, backoff
from civility.notifications.payloads import slack_message

log = logging.getLogger(__name__)

#: seconds to connect, and to wait for each part of the answer
TIMEOUT = 5.0
MIN_SECRET = 16


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a webhook's address, in words for the admin; None when it can."""
    if not url or url != url.strip() or any(c.isspace() or ord(c) < 32 for c in url):
        return _("Give the address without spaces, e.g. https://hooks.example.org/civility.")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number in range)
    except ValueError:
        return _("This is not a valid address.")
    if parts.scheme not in ("http", "https"):
        return _("Webhooks are sent over HTTP: the address must start with https:// (or http://).")
    if not parts.hostname:
        return _("The address has no host name.")
    if parts.username is not None or parts.password is not None:
        return _("Put no user name or password in the address; the receiver checks the signature instead.")
    if parts.fragment:
        return _("Remove the #… part: it is never sent to the server.")
    try:
        ip = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return None
    if ip.is_unspecified or ip.is_multicast or ip.is_link_local or ip.is_reserved:
        return _("%(ip)s cannot receive webhooks (unspecified, multicast, link-local or reserved).") % {"ip": ip}
    return None


def webhook_errors(*, url: str, secret: str, events: Iterable[str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    problem = url_problem(url)
    if problem:
        errors["url"] = problem
    elif len(url) > 500:
        errors["url"] = _("At most 500 characters.")
    if len(secret) < MIN_SECRET:
        errors["secret"] = _("The secret must be at least %(n)d characters.") % {"n": MIN_SECRET}
    events = list(events)
    unknown = [e for e in events if e not in Event.values]
    if unknown:
        errors["events"] = _("Unknown event %(e)s; choose from %(all)s.") % {"e": unknown[0],
                                                                         "all": ", ".join(Event.values)}
    elif not events:
        errors["events"] = _("Choose at least one event.")
    return errors


def webhook_create(*, user, name: str, url: str, events: Sequence[str], secret: str = "",
                   format: str = WebhookFormat.JSON) -> Webhook:
    """Register a webhook (the admin's form checks the same things)."""
    hook = Webhook(name=name, url=url, events=list(events), format=format)
    if secret:
        hook.secret = secret
    errors = webhook_errors(url=hook.url, secret=hook.secret, events=hook.events)
    if format not in WebhookFormat.values:
        errors["format"] = _("Choose json or slack.")
    if errors:
        raise InvalidInput(_("The webhook cannot be saved."), fields=errors)
    hook.save()
    return hook


def listening(event: str) -> list[Webhook]:
    return [hook for hook in Webhook.objects.filter(active=True) if hook.wants(event)]


def deliveries_queue(event: str, items: Iterable[tuple[str, dict]], *, hooks: list[Webhook]) -> list[int]:
    """Write a delivery per webhook for each (subject, payload); returns the new ones' ids.

    ``subject`` names what the event is about (a comment or decision id): the same event about
    the same thing is delivered once to each webhook, however often this runs.
    """
    rows = []
    due = timezone.now() + LEASE
    for subject, payload in items:
        for hook in hooks:
            key = f"{hook.pk}:{event}:{subject}"
            rows.append(WebhookDelivery(webhook=hook, key=key, event=event, next_attempt_at=due,
                                        payload={**payload, "delivery": key}))
    if not rows:
        return []
    keys = [r.key for r in rows]
    existing = set(WebhookDelivery.objects.filter(key__in=keys).values_list("key", flat=True))
    WebhookDelivery.objects.bulk_create([r for r in rows if r.key not in existing], ignore_conflicts=True)
    return list(WebhookDelivery.objects.filter(key__in=[k for k in keys if k not in existing],
                                               status=DeliveryStatus.QUEUED).values_list("pk", flat=True))


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def request_for(delivery: WebhookDelivery, *, now: float | None = None) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one attempt (signed anew, with this attempt's timestamp)."""
    hook = delivery.webhook
    data = slack_message(delivery.payload) if hook.format == WebhookFormat.SLACK else delivery.payload
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = int(now if now is not None else time.time())
    return body, {
        "Content-Type": "application/json", "User-Agent": "Civility-Webhooks/1",
        "X-Civility-Event": delivery.event, "X-Civility-Delivery": delivery.key,
        "X-Civility-Timestamp": str(timestamp), "X-Civility-Signature": sign(hook.secret, timestamp, body),
    }


def webhook_deliver(*, delivery_ids: Sequence[int], client: httpx.Client | None = None) -> int:
    """POST these queued deliveries now; returns how many were accepted (2xx)."""
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
    delivered = 0
    try:
        for delivery in (WebhookDelivery.objects.select_related("webhook")
                         .filter(pk__in=list(delivery_ids), status=DeliveryStatus.QUEUED).order_by("pk")):
            delivered += _attempt(client, delivery)
    finally:
        if own:
            client.close()
    return delivered


def _attempt(client: httpx.Client, delivery: WebhookDelivery) -> int:
    body, headers = request_for(delivery)
    attempts = delivery.attempts + 1
    try:
        response = client.post(delivery.webhook.url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        _failed(delivery, attempts, f"{type(exc).__name__}: {exc}", status=None, answer="")
        return 0
    answer = response.text[:500]
    if 200 <= response.status_code < 300:
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.SENT, attempts=attempts, delivered_at=timezone.now(), next_attempt_at=None,
            response_status=response.status_code, response_body=answer, last_error="")
        return 1
    _failed(delivery, attempts, _("The receiver answered %(status)d.") % {"status": response.status_code},
            status=response.status_code, answer=answer)
    return 0


def _failed(delivery: WebhookDelivery, attempts: int, error: str, *, status: int | None, answer: str) -> None:
    fields = {"attempts": attempts, "last_error": error[:2000], "response_status": status, "response_body": answer}
    if attempts >= settings.CIVILITY_NOTIFY_MAX_ATTEMPTS:
        fields |= {"status": DeliveryStatus.FAILED, "next_attempt_at": None}
        log.error("gave up delivering %s to %s after %d attempts: %s", delivery.key, delivery.webhook.url,
                  attempts, error)
    else:
        fields["next_attempt_at"] = timezone.now() + backoff(attempts)
        log.warning("could not deliver %s to %s (attempt %d), will try again: %s", delivery.key,
                    delivery.webhook.url, attempts, error)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**fields)


def webhooks_retry(*, limit: int = 200) -> int:
    """Deliver the queued deliveries that are due (a failed attempt's backoff, or a sender that died)."""
    now = timezone.now()
    with transaction.atomic():
        due = list(WebhookDelivery.objects.select_for_update(skip_locked=True)
                   .filter(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now)
                   .order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
        WebhookDelivery.objects.filter(pk__in=due).update(next_attempt_at=now + LEASE)
    return webhook_deliver(delivery_ids=due) if due else 0
