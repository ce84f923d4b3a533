"""What moderators read about one person: everything known, on one page.

A person is keyed by email address; their comments are the ones written with that address
and the ones written while logged in to an account with that address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils.translation import gettext as _

from civility.accounts.permissions import can_moderate
from civility.comments.models import Comment, Status
from civility.errors import InvalidInput, NotFound, PermissionDenied
from civility.moderation.models import Decision
from civility.people.models import Ban, BanKind, PersonNote
from civility.people.sanctions import bans_matching

#: the person page lists this many of the latest comments and decisions (counts cover all)
MAX_LISTED = 200


@dataclass(frozen=True)
class AddressSeen:
    ip_address: str
    comments: int
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True)
class Person:
    email: str
    names: list[str]  #: the names they wrote under, most used first
    accounts: list[Any]  #: accounts with this address
    counts: dict[str, int]  #: comments by status: approved, rejected, pending, unconfirmed (all of them)
    comments: list[Comment]  #: newest first, at most MAX_LISTED, with article and triage
    decisions: list[Decision]  #: on their comments, newest first, at most MAX_LISTED
    campaigns: list[Any]  #: copy-paste campaigns their comments joined
    addresses: list[AddressSeen]  #: most recent first
    notes: list[PersonNote]  #: newest first
    bans: list[Ban]  #: bans in force that cover them (their address, domain, account or an IP they used)

    @property
    def pending(self) -> int:
        return self.counts.get(Status.PENDING, 0)


def email_clean(raw: str) -> str:
    """A person's key: the address, lower-cased; InvalidInput when it is not one."""
    email = (raw or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(_("That does not look like an email address."),
                           fields={"email": _("Not an email address.")}) from None
    return email


def person_comments(email: str) -> QuerySet[Comment]:
    """Every comment of the person with this (clean) address."""
    accounts = list(get_user_model().objects.filter(email__iexact=email).values_list("pk", flat=True))
    return Comment.objects.filter(Q(author_email=email) | Q(user_id__in=accounts))


def person_detail(*, user: Any, email: str) -> Person:
    """Everything known about one commenter. NotFound when nothing is."""
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can see people."))
    email = email_clean(email)
    accounts = list(get_user_model().objects.filter(email__iexact=email).order_by("username"))
    comments_qs = person_comments(email)
    counts = {row["status"]: row["n"] for row in comments_qs.order_by().values("status").annotate(n=Count("id"))}
    counts = {status: counts.get(status, 0) for status in Status.values}
    comments = list(comments_qs.select_related("article", "triage", "triage__campaign", "user")
                    .order_by("-created_at", "-id")[:MAX_LISTED])
    names = [row["author_name"] for row in comments_qs.order_by().values("author_name")
             .annotate(n=Count("id")).order_by("-n", "author_name")[:10]]
    addresses = [AddressSeen(row["ip_address"], row["n"], row["first"], row["last"]) for row in comments_qs
                 .exclude(ip_address__isnull=True).order_by().values("ip_address")
                 .annotate(n=Count("id"), first=Min("created_at"), last=Max("created_at")).order_by("-last")[:50]]
    notes = list(PersonNote.objects.filter(email=email).select_related("author"))
    bans = []
    for account in accounts or [None]:
        bans += bans_matching(email=email, username=account.username if account else None,
                              ips=[a.ip_address for a in addresses])
    bans = sorted({b.pk: b for b in bans}.values(), key=lambda b: b.created_at, reverse=True)
    if not (comments or notes or accounts or bans):
        raise NotFound(_("Nobody with the address %(email)s has commented here.") % {"email": email},
                       code="person_not_found")
    ids = [c.pk for c in comments] if sum(counts.values()) <= MAX_LISTED else comments_qs.values("pk")
    decisions = list(Decision.objects.filter(comment_id__in=ids).select_related("actor", "comment")
                     .order_by("-created_at", "-id")[:MAX_LISTED])
    campaigns = list({c.triage.campaign.pk: c.triage.campaign for c in comments
                      if triage_of(c) is not None and c.triage.campaign is not None}.values())
    return Person(email=email, names=names, accounts=accounts, counts=counts, comments=comments,
                  decisions=decisions, campaigns=campaigns, addresses=addresses, notes=notes, bans=bans)


def triage_of(comment: Comment):
    try:
        return comment.triage
    except Comment.triage.RelatedObjectDoesNotExist:
        return None


def person_record(email: str) -> dict[str, Any]:
    """What the people room keeps about ``email``, for the commenter's own copy (GDPR article 15):
    moderators' notes about them and the bans that name their address or its domain."""
    email = email.strip().lower()
    domain = email.rpartition("@")[2]
    notes = PersonNote.objects.filter(email=email).order_by("created_at", "pk")
    bans = Ban.objects.filter(Q(kind=BanKind.EMAIL, value=email) | Q(kind=BanKind.EMAIL_DOMAIN, value=domain))
    return {
        "notes": [{"text": n.text, "created_at": n.created_at.isoformat()} for n in notes],
        "bans": [{"kind": b.kind, "value": b.value, "reason": b.reason, "created_at": b.created_at.isoformat(),
                  "expires_at": b.expires_at.isoformat() if b.expires_at else None,
                  "lifted_at": b.lifted_at.isoformat() if b.lifted_at else None}
                 for b in bans.order_by("created_at", "pk")],
    }
