"""Bans: who may not comment, made and lifted by moderators, enforced on every submission.

    ban = ban_create(user=moderator, ip="203.0.113.0/24", reason="Flood from one network")
    ban_check(email="troll@example.org", username=None, ip="203.0.113.9")  # raises Banned
    ban_lift(user=moderator, ban_id=ban.pk)

The check is one indexed query on the database every app server shares, so a ban made on
one server holds on all of them from the moment it commits, with no cache to invalidate.
Every ban and every lift writes a row to the sanctions log.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.errors import CivilityError, Conflict, InvalidInput, NotFound, PermissionDenied
from civility.pagination import keyset_page
from civility.people import addresses
from civility.people.models import Ban, BanKind, SanctionAction, SanctionLog

MAX_REASON = 2000
MAX_PAGE = 200
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


class Banned(CivilityError):
    """The submitter is banned. The message never says why nor for how long."""

    status = 403
    code = "banned"


def _require_moderator(user: Any) -> None:
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can ban or lift bans."))


def _target(email: str | None, email_domain: str | None, ip: str | None,
            username: str | None) -> tuple[BanKind, str, dict[str, str]]:
    """The one target of a ban, normalised, with the fields' errors."""
    given = {k: (v or "").strip() for k, v in (("email", email), ("email_domain", email_domain), ("ip", ip),
                                               ("username", username)) if (v or "").strip()}
    if not given:
        return BanKind.EMAIL, "", {"target": _("Give one of email, email_domain, ip or username.")}
    if len(given) > 1:
        message = _("Give only one of email, email_domain, ip or username (one ban each).")
        return BanKind.EMAIL, "", dict.fromkeys(given, message)
    (field, raw), = given.items()
    if field == "email":
        value = raw.lower()
        try:
            validate_email(value)
        except ValidationError:
            return BanKind.EMAIL, "", {"email": _("That does not look like an email address.")}
        return BanKind.EMAIL, value, {}
    if field == "email_domain":
        value = raw.lower().lstrip("@").rstrip(".")
        try:
            value = value.encode("idna").decode("ascii")
        except UnicodeError:
            value = ""
        if not _DOMAIN.match(value):
            message = _("That does not look like a domain (e.g. spam.example).")
            return BanKind.EMAIL_DOMAIN, "", {"email_domain": message}
        return BanKind.EMAIL_DOMAIN, value, {}
    if field == "ip":
        try:
            return BanKind.IP, str(addresses.network(raw)), {}
        except ValueError as exc:
            return BanKind.IP, "", {"ip": str(exc)}
    account = get_user_model().objects.filter(username__iexact=raw).first()
    if account is None:
        return BanKind.USERNAME, "", {"username": _("There is no account named %(name)s.") % {"name": raw}}
    if can_moderate(account):
        return BanKind.USERNAME, "", {"username": _("Staff accounts cannot be banned; deactivate them in the admin.")}
    return BanKind.USERNAME, account.username.lower(), {}


def ban_create(
    *, user: Any, reason: str, email: str | None = None, email_domain: str | None = None, ip: str | None = None,
    username: str | None = None, expires_at: datetime | None = None,
) -> Ban:
    """Ban one target: an email address, an email domain (and its subdomains), an IP address
    or CIDR network, or an account. Audited; ``expires_at`` empty means until lifted."""
    _require_moderator(user)
    kind, value, errors = _target(email, email_domain, ip, username)
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Say why (moderators will read it later; the person never does).")
    elif len(reason) > MAX_REASON:
        errors["reason"] = _("At most %(n)d characters.") % {"n": MAX_REASON}
    if expires_at is not None:
        if timezone.is_naive(expires_at):
            expires_at = expires_at.replace(tzinfo=UTC)
        if expires_at <= timezone.now():
            errors["expires_at"] = _("The end of a ban must be in the future.")
    if errors:
        raise InvalidInput(_("The ban is incomplete."), fields=errors)
    with transaction.atomic():
        if _live().filter(kind=kind, value=value).exists():
            raise Conflict(_("%(target)s is already banned; lift that ban first to change it.") % {"target": value},
                           code="already_banned")
        ban = Ban.objects.create(kind=kind, value=value, reason=reason,
                                 expires_at=expires_at, created_by=user)
        SanctionLog.objects.create(ban=ban, action=SanctionAction.BAN, actor=user, note=reason)
    return ban


def ban_lift(*, user: Any, ban_id: int, note: str = "") -> Ban:
    """Lift a ban now (it stays in the list of past bans, and the lift is audited)."""
    _require_moderator(user)
    with transaction.atomic():
        ban = Ban.objects.select_for_update().filter(pk=ban_id).first()
        if ban is None:
            raise NotFound(_("No ban with id %(id)s.") % {"id": ban_id}, code="ban_not_found")
        if ban.lifted_at is not None:
            raise Conflict(_("This ban was already lifted."), code="already_lifted")
        ban.lifted_at, ban.lifted_by = timezone.now(), user
        ban.save(update_fields=["lifted_at", "lifted_by"])
        SanctionLog.objects.create(ban=ban, action=SanctionAction.UNBAN, actor=user, note=note.strip()[:MAX_REASON])
    return ban


def _live(now: datetime | None = None) -> QuerySet[Ban]:
    now = now or timezone.now()
    return Ban.objects.filter(Q(lifted_at__isnull=True) & (Q(expires_at__isnull=True) | Q(expires_at__gt=now)))


def ban_list(*, user: Any, cursor: str | None = None, limit: int = 50, include_past: bool = False):
    """Bans newest first: those in force, or also the lifted and expired ones."""
    _require_moderator(user)
    qs = (Ban.objects.all() if include_past else _live()).select_related("created_by", "lifted_by")
    return keyset_page(qs, order=["-created_at", "-id"], cursor=cursor, limit=min(max(1, limit), MAX_PAGE))


def _domains(email: str) -> list[str]:
    """The domain of an address and every parent domain: a ban on example.org covers mail.example.org."""
    host = email.rpartition("@")[2].lower()
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)] if host else []


def bans_matching(*, email: str | None = None, username: str | None = None, ips: list[str] | None = None,
                  now: datetime | None = None) -> list[Ban]:
    """The live bans that cover any of these, in one indexed query: every value a ban on them
    could hold (the address, its domains, each network an IP lies in) looked up at once."""
    wanted: set[tuple[str, str]] = set()
    if email:
        wanted.add((BanKind.EMAIL, email.strip().lower()))
        wanted.update((BanKind.EMAIL_DOMAIN, d) for d in _domains(email))
    if username:
        wanted.add((BanKind.USERNAME, username.lower()))
    wanted.update((BanKind.IP, net) for ip in ips or [] for net in addresses.containing_networks(ip))
    if not wanted:
        return []
    rows = _live(now).filter(value__in=sorted({value for _, value in wanted})).order_by()
    return [ban for ban in rows if (ban.kind, ban.value) in wanted]


def ban_check(*, user: Any = None, email: str | None = None, ip: str | None = None) -> None:
    """Raise :class:`Banned` when a live ban covers this submitter. Staff are never refused.

    ``user``: the logged-in account, if any (its user name and email are checked too).
    """
    username = None
    if getattr(user, "is_authenticated", False):
        if can_moderate(user):
            return
        username, email = user.username, email or user.email
    if not (email or username or ip):
        return
    if bans_matching(email=email, username=username, ips=[ip] if ip else []):
        raise Banned(_("You cannot comment here at the moment."))
