"""Campaigns: near-identical text from different people, grouped and decided together."""


import pytest

from civility.comments.models import Comment, Status
from civility.publishing.models import Article
from civility.triage import neardup
from civility.triage.campaigns import campaign_comments, campaign_join, identity_of
from civility.triage.models import Campaign, TriageReport
from civility.triage.normalize import normalize
from civility.triage.signals.duplicates import campaign_score
from tests.conftest import make_user, token_api
from tests.triage.api import post, queue

TALKING_POINT = ("Stop the biased coverage! This newspaper never mentions the refugees from the other side "
                 "and keeps publishing one-sided propaganda paid for by foreign lobbyists.")
VARIANTS = [
    TALKING_POINT,
    TALKING_POINT.upper(),
    TALKING_POINT.replace("newspaper", "paper"),
    TALKING_POINT.replace("foreign", "western").replace("!", "."),
    TALKING_POINT.replace("Stop the biased coverage!", "Stop the biased coverage!!!"),
    "  ".join(TALKING_POINT.split()),
    TALKING_POINT.replace("refugees", "displaced families"),
]
UNRELATED = ("I grew up two villages from the border and the bus to school used that road every morning "
             "until the checkpoint appeared.")


@pytest.fixture
def dup(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}, {"signal": "duplicates.v1"}]
    settings.CIVILITY_SUBMIT_RATE_PER_IP = None
    settings.CIVILITY_SUBMIT_RATE_PER_EMAIL = None


@pytest.fixture
def articles(site) -> list[Article]:
    return [Article.objects.create(site=site, key=f"story-{i}", title=f"Story {i}") for i in range(3)]


def spam_flag(triage: dict) -> dict | None:
    return next((f for f in triage["flags"] if f["label"] == "spam"), None)


def test_the_spam_score_grows_with_the_number_of_people():
    scores = [campaign_score(n) for n in range(1, 12)]
    assert scores[0] == 0
    assert scores == sorted(scores)
    assert campaign_score(2) < 0.5 <= campaign_score(3)
    assert campaign_score(100) <= 0.95


@pytest.mark.django_db
def test_seven_people_on_three_articles_make_one_campaign(dup, articles, client, mod_api):
    ids = [post(client, text, email=f"person{i}@example.org", ip=f"198.51.100.{i}",
                article=articles[i % 3].key)
           for i, text in enumerate(VARIANTS)]
    post(client, UNRELATED, email="bystander@example.org", ip="192.0.2.1", article=articles[0].key)
    campaign = Campaign.objects.get()
    assert (campaign.size, campaign.article_count) == (7, 3)
    assert campaign.first_comment_id == ids[0]
    items = queue(mod_api)
    for i in ids:
        assert items[i]["campaign"] == {"id": campaign.pk, "size": 7}  # the size as it is now
        assert items[i]["duplicate_of"] is None  # different people: a campaign, not repeats
        assert "duplicate" not in {f["label"] for f in items[i]["flags"]}
    # the first copies were re-scored as the campaign grew: all rank as a 7-person campaign
    for i in ids:
        assert spam_flag(items[i])["reason"] == "posted by 7 accounts on 3 articles"
        assert items[i]["scores"]["spam"] == campaign_score(7)
    assert len({items[i]["risk"] for i in ids[1:]}) == 1  # ids[0] alone was a first comment from its e-mail
    assert [i for i, t in items.items() if t["campaign"] is None] == [max(items)]  # the unrelated comment
    assert campaign_comments(campaign.pk) == ids


@pytest.mark.django_db
def test_size_counts_accounts_and_emails_once(dup, articles, client, mod_api):
    writer = make_user("author", "columnist")
    token = token_api(writer).headers["Authorization"].split()[1]
    a = post(client, VARIANTS[0], email="x@example.org", article=articles[0].key, token=token, ip="192.0.2.1")
    b = post(client, VARIANTS[1], email="x@example.org", article=articles[1].key, token=token, ip="192.0.2.2")
    c = post(client, VARIANTS[2], email="anon@example.org", article=articles[1].key, ip="192.0.2.3")
    d = post(client, VARIANTS[3], email="ANON@example.org", article=articles[2].key, ip="192.0.2.4")
    items = queue(mod_api)
    assert items[b]["duplicate_of"] == a  # the account repeating itself
    assert items[d]["duplicate_of"] == c  # the e-mail address repeating itself
    campaign = Campaign.objects.get()
    assert (campaign.size, campaign.article_count) == (2, 3)
    assert all(items[i]["campaign"] == {"id": campaign.pk, "size": 2} for i in (a, b, c, d))
    findings = TriageReport.objects.get(comment_id=d).report["findings"]
    assert [(f["label"], f["score"], f["reason"]) for f in findings if f["label"] == "spam"] == [
        ("spam", campaign_score(2), "posted by 2 accounts on 3 articles")]


@pytest.mark.django_db
def test_a_repeat_by_one_person_alone_makes_no_campaign(dup, articles, client):
    post(client, VARIANTS[0], email="one@example.org", article=articles[0].key)
    post(client, VARIANTS[2], email="one@example.org", article=articles[1].key)
    assert not Campaign.objects.exists()


@pytest.mark.django_db
def test_short_texts_never_cluster_people(dup, articles, client, mod_api):
    ids = [post(client, text, email=f"p{i}@example.org", ip=f"192.0.2.{i}", article=articles[i % 3].key)
           for i, text in enumerate(["Thank you", "Thank you!", "thank you", "+1", "+1", "Agree!", "Agree"])]
    assert not Campaign.objects.exists()
    assert all(t["campaign"] is None and t["flags"] == [] for t in queue(mod_api).values())
    assert len(ids) == 7


@pytest.mark.django_db
def test_a_comment_linking_two_campaigns_merges_them(dup, articles, client):
    core = ("The ceasefire agreement signed in November required both sides to withdraw their heavy weapons "
            "from the line of contact within thirty days, and independent monitors were supposed to verify "
            "every single step of that withdrawal")
    left = core + ". Winter came and nothing moved; the artillery stayed where it was."
    right = core + " under the auspices of an international mission nobody ever funded."

    def sh(t):
        return neardup.fingerprint(normalize(t).text).shingles

    assert neardup.jaccard(sh(left), sh(right)) < 0.7
    assert neardup.jaccard(sh(core), sh(left)) >= 0.7 <= neardup.jaccard(sh(core), sh(right))
    ids = [post(client, left, email="a@example.org", article=articles[0].key, ip="192.0.2.1"),
           post(client, left, email="b@example.org", article=articles[0].key, ip="192.0.2.2"),
           post(client, right, email="c@example.org", article=articles[1].key, ip="192.0.2.3"),
           post(client, right, email="d@example.org", article=articles[1].key, ip="192.0.2.4")]
    assert Campaign.objects.count() == 2
    bridge = post(client, core, email="e@example.org", article=articles[2].key, ip="192.0.2.5")
    campaign = Campaign.objects.get()
    assert (campaign.size, campaign.article_count, campaign.first_comment_id) == (5, 3, ids[0])
    assert set(TriageReport.objects.filter(campaign=campaign).values_list("comment_id", flat=True)) == {*ids, bridge}


@pytest.mark.django_db
def test_the_whole_campaign_is_decided_at_once(dup, articles, client, mod_api):
    ids = [post(client, text, email=f"person{i}@example.org", ip=f"198.51.100.{i}", article=articles[i % 3].key)
           for i, text in enumerate(VARIANTS[:4])]
    campaign = Campaign.objects.get()
    Comment.objects.filter(pk=ids[0]).update(status=Status.APPROVED)
    assert campaign_comments(campaign.pk) == ids[1:]
    status, body = mod_api.post(f"/api/v1/moderation/campaigns/{campaign.pk}/decision",
                                {"action": "reject", "reason": "spam"})
    assert status == 200
    assert [d["id"] for d in body["decided"]] == ids[1:]
    assert campaign_comments(campaign.pk) == []


@pytest.mark.django_db
def test_join_without_others_or_campaign_does_nothing(articles, settings):
    from civility.comments.services import comment_submit

    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"}]  # join by hand below, not on submit
    def make(email: str) -> Comment:
        from django.contrib.auth.models import AnonymousUser

        return comment_submit(user=AnonymousUser(), article_key=articles[0].key, body=UNRELATED,
                              author_name="R", author_email=email)

    first, second = make("one@example.org"), make("two@example.org")
    match = neardup.Match(comment_id=first.pk, similarity=1.0, exact=True, created_at=first.created_at,
                          article_id=first.article_id, user_id=None, email=first.author_email, ip_address=None,
                          user_agent="", campaign_id=None, text_hash="")
    assert campaign_join(comment_id=second.pk, identity=identity_of(None, "ONE@example.org"), matches=[match]) is None
    info = campaign_join(comment_id=second.pk, identity=identity_of(None, "two@example.org"), matches=[match])
    assert info is not None and (info.size, info.article_count) == (2, 1)
    assert info.public() == {"id": info.id, "size": 2}


@pytest.mark.django_db
def test_earlier_copies_are_rescored_in_steps_not_on_every_join(dup, articles, client, mod_api):
    from civility.triage.services import RESCORE_STEP, campaign_rescore

    first = post(client, VARIANTS[0], email="p0@example.org", ip="198.51.100.1", article=articles[0].key)
    post(client, VARIANTS[1], email="p1@example.org", ip="198.51.100.2", article=articles[1].key)
    assert spam_flag(queue(mod_api)[first]) is None  # two people: weak evidence, no flag yet
    assert queue(mod_api)[first]["scores"]["spam"] == campaign_score(2)
    post(client, VARIANTS[2], email="p2@example.org", ip="198.51.100.3", article=articles[2].key)
    after3 = queue(mod_api)[first]
    assert after3["scores"]["spam"] == campaign_score(3)
    assert spam_flag(after3)["reason"] == "posted by 3 accounts on 3 articles"
    assert Campaign.objects.get().scored_size == 3

    # far into a large campaign the score hardly moves: the members are left alone...
    campaign = Campaign.objects.get()
    assert campaign_score(41) - campaign_score(40) < RESCORE_STEP
    Campaign.objects.filter(pk=campaign.pk).update(size=41, scored_size=40)
    assert campaign_rescore(campaign.pk) == 0
    assert queue(mod_api)[first]["scores"]["spam"] == campaign_score(3)
    # ...until it has grown enough
    Campaign.objects.filter(pk=campaign.pk).update(size=5, scored_size=3)
    assert campaign_rescore(campaign.pk) == 3
    assert queue(mod_api)[first]["scores"]["spam"] == campaign_score(5)
    assert Campaign.objects.get().scored_size == 5


@pytest.mark.django_db
def test_decided_members_are_not_rescored(dup, articles, client, mod_api):
    first = post(client, VARIANTS[0], email="p0@example.org", ip="198.51.100.1", article=articles[0].key)
    post(client, VARIANTS[1], email="p1@example.org", ip="198.51.100.2", article=articles[1].key)
    Comment.objects.filter(pk=first).update(status=Status.REJECTED)
    before = TriageReport.objects.get(comment_id=first).report
    post(client, VARIANTS[2], email="p2@example.org", ip="198.51.100.3", article=articles[2].key)
    assert TriageReport.objects.get(comment_id=first).report == before
