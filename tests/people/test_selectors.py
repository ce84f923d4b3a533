"""person_detail: everything known about one commenter, keyed by email (and their account)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from civility.comments.services import Origin, comment_submit
from civility.errors import InvalidInput, NotFound, PermissionDenied
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record
from civility.people.sanctions import ban_create
from civility.people.selectors import person_detail
from civility.people.services import person_note_add
from civility.triage.models import Campaign, TriageReport
from tests.conftest import submit

pytestmark = pytest.mark.django_db


def post(article, body, *, email="troll@example.org", name="Troll", ip="198.51.100.7", user=None):
    return comment_submit(user=user or AnonymousUser(), article_key=article.key, body=body, author_name=name,
                          author_email=email, origin=Origin(ip_address=ip))


def test_everything_about_one_person(article, moderator):
    first = post(article, "First.", ip="198.51.100.7")
    second = post(article, "Second, from elsewhere.", email="TROLL@example.org", name="T.", ip="203.0.113.5")
    third = post(article, "Third.", ip="203.0.113.5")
    other = post(article, "Someone else.", email="other@example.org", ip="198.51.100.7")
    decision_record(user=moderator, comment_ids=[first.pk], action=Action.APPROVE)
    decision_record(user=moderator, comment_ids=[second.pk], action=Action.REJECT, reason=Reason.SPAM)
    campaign = Campaign.objects.create(size=3)
    TriageReport.objects.filter(comment=third).update(campaign=campaign)
    person_note_add(user=moderator, email="troll@example.org", text="Posts from two networks.")
    ban = ban_create(user=moderator, reason="Flood", ip="203.0.113.0/24")
    ban_create(user=moderator, reason="Unrelated", ip="192.0.2.0/24")

    person = person_detail(user=moderator, email=" Troll@Example.org ")
    assert person.email == "troll@example.org"
    assert [c.pk for c in person.comments] == [third.pk, second.pk, first.pk]
    assert other.pk not in [c.pk for c in person.comments]
    assert person.counts == {"pending": 1, "approved": 1, "rejected": 1, "unconfirmed": 0}
    assert {(d.comment_id, d.action) for d in person.decisions} == {(first.pk, "approve"), (second.pk, "reject")}
    assert [c.pk for c in person.campaigns] == [campaign.pk]
    assert {(a.ip_address, a.comments) for a in person.addresses} == {("198.51.100.7", 1), ("203.0.113.5", 2)}
    assert person.addresses[0].ip_address == "203.0.113.5"  # most recent first
    assert [n.text for n in person.notes] == ["Posts from two networks."]
    assert [b.pk for b in person.bans] == [ban.pk]  # an IP they used lies in it
    assert set(person.names) == {"Troll", "T."}


def test_a_logged_in_author_is_found_by_their_account_email(article, moderator, author):
    mine = submit(article, "As myself.", user=author)
    assert [c.pk for c in person_detail(user=moderator, email=author.email).comments] == [mine.pk]
    assert [a.username for a in person_detail(user=moderator, email=author.email).accounts] == [author.username]


def test_unknown_people_bad_addresses_and_non_moderators(article, moderator, author):
    post(article, "Hello.")
    with pytest.raises(NotFound) as missing:
        person_detail(user=moderator, email="nobody@example.org")
    assert missing.value.code == "person_not_found"
    with pytest.raises(InvalidInput):
        person_detail(user=moderator, email="not an address")
    with pytest.raises(PermissionDenied):
        person_detail(user=author, email="troll@example.org")


def test_a_note_alone_makes_a_person_known(moderator):
    person_note_add(user=moderator, email="future@example.org", text="Wrote to the editor, may comment.")
    assert person_detail(user=moderator, email="future@example.org").comments == []
