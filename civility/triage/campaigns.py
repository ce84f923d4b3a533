"""Campaigns: the same (or a near-identical) text posted by different people.

A moderator decides a campaign at once. A comment joins one when triage finds that its
text matches earlier comments (see :mod:`civility.triage.neardup`) and at least one of them
came from someone else, or one of them already belongs to a campaign::

    info = campaign_join(comment_id=c.pk, identity=identity_of(c.user_id, c.author_email), matches=found.matches)
    info.size, info.article_count      # "posted by 7 accounts on 3 articles"
    campaign_comments(info.id)         # the pending comments, to decide together

``size`` counts distinct identities: the account when a comment was posted logged in,
otherwise the e-mail address. Campaigns that a comment links together are merged into the
oldest.

Counting is incremental: each person and each article a campaign has counted is a
``CampaignTally`` row, unique per campaign, and a join adds the new member's keys with
``INSERT … ON CONFLICT DO NOTHING``; the rows actually inserted are what ``size`` and
``article_count`` grow by (an atomic ``UPDATE … SET size = size + n``). A join therefore
reads and writes the same few rows whether the campaign has 20 members or 20,000, and
concurrent joins on several servers cannot count anyone twice. Only a merge recounts, from
the merged campaigns' tallies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F

from civility.comments.models import Comment, Status
from civility.db.insert import insert_ignoring_conflicts
from civility.triage.models import Campaign, CampaignTally, TriageReport
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


def campaign_join(*, comment_id: int, identity: str, matches: Sequence[Match], article_id: int | None = None,
                  hashes: Sequence[str] = (), since: datetime | None = None) -> CampaignInfo | None:
    """Put a comment (whose report is not stored yet) in the campaign of the comments it matches.

    Nothing happens when every match is the same person's and none is in a campaign. The
    matched comments join too; ``hashes`` (given when the lookup returned only some of the
    copies) brings every earlier copy of those texts posted since ``since`` along, unless
    every copy returned is already a member. The caller stores the comment's own report
    with the returned id. ``article_id`` is the comment's (read from it when not given).
    """
    others = [m for m in matches if identity_of(m.user_id, m.email) != identity]
    joined = sorted({m.campaign_id for m in matches if m.campaign_id is not None})
    if not others and not joined:
        return None

    first = min(m.comment_id for m in matches)
    merged = False
    # locked, oldest first; one merged away by another server meanwhile is simply gone
    existing = list(Campaign.objects.select_for_update().filter(pk__in=joined).order_by("pk"))
    if existing:
        campaign, rest = existing[0], existing[1:]
        if rest:  # this comment links campaigns together: merge them into the oldest
            merged = True
            gone = [c.pk for c in rest]
            TriageReport.objects.filter(campaign__in=gone).update(campaign=campaign)
            _tally(campaign.pk, list(CampaignTally.objects.filter(campaign__in=gone).values_list("key", flat=True)))
            first = min([first, *(c.first_comment_id for c in rest if c.first_comment_id)])
            Campaign.objects.filter(pk__in=gone).delete()
    elif others:
        campaign = Campaign.objects.create(first_comment_id=first, size=0, article_count=0)
    else:
        return None

    # the new members: this comment, the matches not yet in it, and (when the lookup was cut
    # short) the other earlier copies of the matched texts
    if article_id is None:
        article_id = Comment.objects.filter(pk=comment_id).values_list("article_id", flat=True).first()
    people, places = {identity}, {article_id}
    newcomers = [m for m in matches if m.campaign_id is None]
    for m in newcomers:
        people.add(identity_of(m.user_id, m.email))
        places.add(m.article_id)
    if newcomers:
        TriageReport.objects.filter(comment_id__in=[m.comment_id for m in newcomers],
                                    campaign__isnull=True).update(campaign=campaign)
    if hashes and newcomers:
        copies = TriageReport.objects.filter(text_hash__in=list(hashes), comment_id__lt=comment_id,
                                             campaign__isnull=True)
        if since:
            copies = copies.filter(comment__created_at__gte=since)
        rows = list(copies.values_list("comment_id", "comment__user_id", "comment__author_email",
                                       "comment__article_id"))
        for _pk, user_id, email, article in rows:
            people.add(identity_of(user_id, email))
            places.add(article)
        TriageReport.objects.filter(comment_id__in=[r[0] for r in rows]).update(campaign=campaign)

    added_people = _tally(campaign.pk, sorted(people))
    added_places = _tally(campaign.pk, sorted(f"article:{a}" for a in places if a is not None))
    if merged:  # the merged campaigns' people may overlap: count the union once
        keys = CampaignTally.objects.filter(campaign=campaign)
        changes = {"size": keys.exclude(key__startswith="article:").count(),
                   "article_count": keys.filter(key__startswith="article:").count()}
    else:
        changes = {"size": F("size") + added_people, "article_count": F("article_count") + added_places}
    if campaign.first_comment_id is None or first < campaign.first_comment_id:
        changes["first_comment_id"] = first
    Campaign.objects.filter(pk=campaign.pk).update(**changes)
    size, article_count = Campaign.objects.filter(pk=campaign.pk).values_list("size", "article_count").get()
    return CampaignInfo(campaign.pk, size, article_count)


def _tally(campaign_id: int, keys: list[str]) -> int:
    """Add keys to a campaign's tally; returns how many it did not have yet."""
    return insert_ignoring_conflicts(CampaignTally, ("campaign", "key"), [(campaign_id, key) for key in keys])


def campaign_comments(campaign_id: int) -> list[int]:
    """The pending comments of a campaign, oldest first: what "decide the whole cluster" acts on."""
    return list(Comment.objects.filter(status=Status.PENDING, triage__campaign_id=campaign_id)
                .order_by("created_at", "id").values_list("id", flat=True))
