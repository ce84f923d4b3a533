"""A flood of one text: the work per new copy stays the same however large the campaign grows.

Counted, not timed: the statements a submission runs and the band rows its lookup reads,
with a campaign of 20 copies and one of 2,000.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civility.comments.models import Comment
from civility.comments.services import comment_submit
from civility.publishing.models import Article
from civility.triage import neardup
from civility.triage.campaigns import identity_of
from civility.triage.models import Campaign, CampaignTally, NearDupBand, TriageReport
from civility.triage.normalize import normalize

TEXTS = [
    ("Stop the lies about the corridor! The ministry knew about the convoy for weeks and said nothing, "
     "and now every channel repeats the same fairy tale. Call your deputy today and ask who gave the order."),
    ("The mayor sold the riverside park to his brother's company for one dollar, the papers prove it, and the "
     "council voted it through at midnight. Come to the square on Saturday and bring your neighbours."),
]


@pytest.fixture
def dup(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "duplicates.v1"}]
    settings.CIVILITY_SUBMIT_RATE_PER_IP = None
    settings.CIVILITY_SUBMIT_RATE_PER_EMAIL = None


def flood(article: Article, text: str, copies: int, tag: str) -> Campaign:
    """``copies`` stored comments of ``text``, each behind another prefix (so each is a distinct text
    with its own bands), all in one campaign: what a copy-paste flood leaves behind."""
    bodies = [f"Comment {tag}{i}: {text}" for i in range(copies)]
    comments = Comment.objects.bulk_create([
        Comment(article=article, author_name="Bot", author_email=f"{tag}{i}@example.org", body=body)
        for i, body in enumerate(bodies)])
    campaign = Campaign.objects.create(first_comment_id=comments[0].pk, size=copies, article_count=1,
                                       scored_size=copies)
    prints = [neardup.fingerprint(normalize(body).text) for body in bodies]
    TriageReport.objects.bulk_create([TriageReport(comment=c, text_hash=p.text_hash, campaign=campaign)
                                      for c, p in zip(comments, prints, strict=True)])
    NearDupBand.objects.bulk_create([NearDupBand(band=band, comment=c)
                                     for c, p in zip(comments, prints, strict=True) for band in p.bands])
    CampaignTally.objects.bulk_create([CampaignTally(campaign=campaign, key=identity_of(None, c.author_email))
                                       for c in comments] + [CampaignTally(campaign=campaign,
                                                                           key=f"article:{article.pk}")])
    return campaign


def one_more(article: Article, text: str, tag: str) -> tuple[Comment, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        comment = comment_submit(user=AnonymousUser(), article_key=article.key, body=f"Comment {tag}new: {text}",
                                 author_name="Bot", author_email=f"{tag}new@example.org")
    return comment, [q["sql"] for q in queries.captured_queries]


@pytest.mark.django_db
def test_a_new_copy_costs_the_same_with_20_or_2000_earlier_copies(dup, article):
    small, large = flood(article, TEXTS[0], 20, "s"), flood(article, TEXTS[1], 2000, "l")
    assert NearDupBand.objects.filter(comment__triage__campaign=large).count() >= 2000 * neardup.BANDS // 2

    results = {}
    for campaign, text, tag in ((small, TEXTS[0], "s"), (large, TEXTS[1], "l")):
        comment, sql = one_more(article, text, tag)
        report = TriageReport.objects.get(comment=comment)
        campaign.refresh_from_db()
        assert report.campaign_id == campaign.pk
        # the policy's per-site levels and the model in use are reread every few seconds
        # (civility.learning): a refresh may fall in either submission, and is not the flood's cost
        sql = [s for s in sql if "learning_sitethreshold" not in s and "learning_modelinuse" not in s]
        results[tag] = (len(sql), campaign.size)
        # the band lookup reads at most PER_BAND rows of each band, however hot the band is
        found = neardup.lookup(neardup.fingerprint(normalize(comment.body).text), before_id=comment.pk,
                               since=comment.created_at.replace(year=2000))
        assert found.band_rows <= neardup.BANDS * neardup.PER_BAND
        assert found.band_rows < 1000  # not every copy's bands: 2,000 copies share them
        assert found.candidates <= neardup.CANDIDATES
        assert found.checked <= neardup.ENOUGH  # every candidate matches: a few bodies are compared, not 20
        assert found.matches  # and still finds the campaign
        # nothing in the submission counts or scans the campaign's members
        assert not any("COUNT(" in s.upper() for s in sql)

    assert results["s"][0] == results["l"][0]  # the same statements…
    assert results["s"][1] == 21 and results["l"][1] == 2001  # …and the size grew by one person each


@pytest.mark.django_db
def test_the_same_person_again_does_not_grow_the_campaign(dup, article):
    campaign = flood(article, TEXTS[0], 20, "s")
    comment_submit(user=AnonymousUser(), article_key=article.key, body=f"Again from s3: {TEXTS[0]}",
                   author_name="Bot", author_email="S3@example.org")
    campaign.refresh_from_db()
    assert (campaign.size, campaign.article_count) == (20, 1)
    other = Article.objects.create(site=article.site, key="elsewhere", title="Elsewhere")
    comment_submit(user=AnonymousUser(), article_key=other.key, body=f"From s4 elsewhere: {TEXTS[0]}",
                   author_name="Bot", author_email="s4@example.org")
    campaign.refresh_from_db()
    assert (campaign.size, campaign.article_count) == (20, 2)


@pytest.mark.django_db
def test_a_shortened_copy_still_joins_a_flood_whose_bands_are_hot(dup, article):
    campaign = flood(article, TEXTS[0], 300, "s")
    words = TEXTS[0].split()
    shortened = " ".join(words[:round(len(words) * 0.6)])
    comment = comment_submit(user=AnonymousUser(), article_key=article.key, body=shortened,
                             author_name="Bot", author_email="short@example.org")
    assert TriageReport.objects.get(comment=comment).campaign_id == campaign.pk


@pytest.mark.django_db
def test_in_a_flood_the_persons_own_earlier_copy_is_still_verified(dup, article, monkeypatch):
    monkeypatch.setattr(neardup, "ENOUGH", 1)  # one match is enough: the others' copies fill it
    flood(article, TEXTS[0], 30, "s")

    def send(email: str, n: int) -> Comment:
        return comment_submit(user=AnonymousUser(), article_key=article.key, body=f"Comment x{n}: {TEXTS[0]}",
                              author_name="Bot", author_email=email)

    mine = send("me@example.org", 0)
    for n in range(1, 11):
        send(f"other{n}@example.org", n)
    again = send("me@example.org", 11)
    assert TriageReport.objects.get(comment=again).duplicate_of_id == mine.pk
