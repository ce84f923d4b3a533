"""Campaigns: the same (or a near-identical) text posted by different people.

A moderator decides a campaign at once. A comment joins one when triage finds that its
text matches earlier comments (see :mod:`civility.triage.neardup`) and at least one of them
came from someone else, or one of them already belongs to a campaign::

    info = campaign_join(comment_id=c.pk, identity=identity_of(c.user_id, c.author_email), matches=found.matches)
    info.size, info.article_count      # "posted by 7 accounts on 3 articles"
    campaign_comments(info.id)         # the pending comments, to decide together

``size`` counts distinct identities: the account when a comment was posted logged in,
otherwise the e-mail address. Campaigns that a comment links together are merged into the
oldest. Sizes are recounted from the stored reports on every join, with the campaign's row
locked (PostgreSQL), so concurrent joins cannot leave a wrong count behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case, Count, F, Q, When

from civility.comments.models import Comment, Status
from civility.triage.models import Campaign, TriageReport
from civility.triage.neardup import Match


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    size: int
    article_count: int

    def public(self) -> dict[str, int]:
        """What ``doc.attrs["campaign"]`` and the queue show."""
        return {"id": self.id, "size": self.size}


def identity_of(user_id: int | None, email: str) -> str:
    """Who counts as one person in a campaign: the account, else the e-mail address."""
    return f"account:{user_id}" if user_id is not None else f"email:{(email or '').strip().lower()}"


def campaign_join(*, comment_id: int, identity: str, matches: Sequence[Match],
                  hashes: Sequence[str] = (), since: datetime | None = None) -> CampaignInfo | None:
    """Put a comment (whose report is not stored yet) in the campaign of the comments it matches.

    Nothing happens when every match is the same person's and none is in a campaign. The
    matched comments join too; ``hashes`` (given when the lookup returned only some of the
    copies) brings every earlier copy of those texts posted since ``since`` along. The caller
    stores the comment's own report with the returned id.
    """
    others = [m for m in matches if identity_of(m.user_id, m.email) != identity]
    joined = sorted({m.campaign_id for m in matches if m.campaign_id is not None})
    if not others and not joined:
        return None

    first = min(m.comment_id for m in matches)
    # locked, oldest first; one merged away by another server meanwhile is simply gone
    existing = list(Campaign.objects.select_for_update().filter(pk__in=joined).order_by("pk"))
    if existing:
        campaign, rest = existing[0], existing[1:]
        if rest:  # this comment links campaigns together: merge them into the oldest
            TriageReport.objects.filter(campaign__in=rest).update(campaign=campaign)
            first = min([first, *(c.first_comment_id for c in rest if c.first_comment_id)])
            Campaign.objects.filter(pk__in=[c.pk for c in rest]).delete()
    elif others:
        campaign = Campaign.objects.create(first_comment_id=first)
    else:
        return None

    members = Q(comment_id__in=[m.comment_id for m in matches])
    if hashes:
        copies = Q(text_hash__in=list(hashes), comment_id__lt=comment_id)
        members |= copies & Q(comment__created_at__gte=since) if since else copies
    TriageReport.objects.filter(members, campaign__isnull=True).update(campaign=campaign)

    # Members by id through the report's campaign index: an OR across the join to the
    # reports read every comment (66 ms at 100,000 comments, growing with the table).
    member_ids = TriageReport.objects.filter(campaign=campaign).values("comment_id")
    counts = Comment.objects.filter(Q(pk__in=member_ids) | Q(pk=comment_id)).aggregate(
        accounts=Count("user_id", distinct=True),
        emails=Count(Case(When(user__isnull=True, then=F("author_email"))), distinct=True),
        articles=Count("article_id", distinct=True),
    )
    campaign.size = counts["accounts"] + counts["emails"]
    campaign.article_count = counts["articles"]
    if campaign.first_comment_id is None or first < campaign.first_comment_id:
        campaign.first_comment_id = first
    campaign.save(update_fields=["size", "article_count", "first_comment"])
    return CampaignInfo(campaign.pk, campaign.size, campaign.article_count)


def campaign_comments(campaign_id: int) -> list[int]:
    """The pending comments of a campaign, oldest first: what "decide the whole cluster" acts on."""
    return list(Comment.objects.filter(status=Status.PENDING, triage__campaign_id=campaign_id)
                .order_by("created_at", "id").values_list("id", flat=True))
