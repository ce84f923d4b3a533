"""Bans: made and lifted by moderators (audited), enforced in comment_submit before anything is stored."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civility.accounts.models import Role
from civility.comments.models import Comment
from civility.comments.services import Origin, comment_submit
from civility.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from civility.people.models import Ban, BanKind, SanctionAction, SanctionLog
from civility.people.sanctions import Banned, ban_check, ban_create, ban_lift, ban_list
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def post(article, *, email="reader@example.org", ip="198.51.100.7", user=None):
    return comment_submit(user=user or AnonymousUser(), article_key=article.key, body="Hello there.",
                          author_name="Reader", author_email=email, origin=Origin(ip_address=ip))


@pytest.mark.parametrize(("target", "submitter"), [
    ({"email": "Troll@Example.org"}, {"email": "troll@example.org"}),
    ({"email_domain": "@spam.example"}, {"email": "anyone@spam.example"}),
    ({"email_domain": "spam.example"}, {"email": "anyone@mail.spam.example"}),
    ({"ip": "198.51.100.7"}, {"ip": "198.51.100.7"}),
    ({"ip": "198.51.100.0/24"}, {"ip": "198.51.100.250"}),
    ({"ip": "2001:db8::/32"}, {"ip": "2001:db8:1::5"}),
    ({"ip": "198.51.100.0/24"}, {"ip": "::ffff:198.51.100.3"}),
])
def test_a_banned_submitter_is_refused_and_nothing_is_stored(article, moderator, target, submitter):
    ban_create(user=moderator, reason="Abuse", **target)
    with pytest.raises(Banned) as refused:
        post(article, **submitter)
    assert refused.value.status == 403
    assert "ban" not in refused.value.message.lower()  # neutral: says neither why nor how long
    assert not Comment.objects.exists()


@pytest.mark.parametrize(("target", "submitter"), [
    ({"email": "troll@example.org"}, {"email": "troll2@example.org"}),
    ({"email_domain": "spam.example"}, {"email": "anyone@notspam.example"}),
    ({"ip": "198.51.100.0/24"}, {"ip": "198.51.101.1"}),
    ({"ip": "2001:db8::/32"}, {"ip": "2001:db9::1"}),
])
def test_others_still_comment(article, moderator, target, submitter):
    ban_create(user=moderator, reason="Abuse", **target)
    assert post(article, **submitter).pk


def test_an_account_ban_holds_whatever_address_it_posts_from(article, moderator, author):
    ban_create(user=moderator, reason="Abuse", username=author.username.upper())
    with pytest.raises(Banned):
        post(article, user=author, ip="192.0.2.1")
    assert not Comment.objects.exists()


def test_staff_are_never_refused(article, moderator):
    ban_create(user=moderator, reason="A newsroom's own network", ip="198.51.100.0/24")
    assert post(article, user=moderator).pk


def test_lifted_and_expired_bans_no_longer_hold(article, moderator):
    ban = ban_create(user=moderator, reason="Abuse", email="troll@example.org")
    ban_lift(user=moderator, ban_id=ban.pk, note="Apologised")
    assert post(article, email="troll@example.org").pk

    expiring = ban_create(user=moderator, reason="Cool off", email="hot@example.org",
                          expires_at=timezone.now() + timedelta(hours=1))
    with pytest.raises(Banned):
        post(article, email="hot@example.org")
    Ban.objects.filter(pk=expiring.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert post(article, email="hot@example.org").pk


def test_every_ban_and_lift_is_audited(moderator):
    ban = ban_create(user=moderator, reason="Flood", ip="203.0.113.0/24")
    ban_lift(user=moderator, ban_id=ban.pk, note="Was a school")
    log = list(SanctionLog.objects.order_by("id").values_list("action", "actor", "note"))
    assert log == [(SanctionAction.BAN, moderator.pk, "Flood"), (SanctionAction.UNBAN, moderator.pk, "Was a school")]
    ban.refresh_from_db()
    assert ban.lifted_by == moderator and ban.lifted_at is not None
    assert (ban.kind, ban.value) == (BanKind.IP, "203.0.113.0/24")


@pytest.mark.parametrize(("kwargs", "field"), [
    ({}, "target"),
    ({"email": "a@b.org", "ip": "192.0.2.1"}, "email"),
    ({"ip": "192.0.2.0/33"}, "ip"),
    ({"ip": "0.0.0.0/0"}, "ip"),
    ({"email": "not an email"}, "email"),
    ({"email_domain": "nodot"}, "email_domain"),
    ({"username": "nobody-here"}, "username"),
    ({"email": "a@b.org", "expires_at": timezone.now() - timedelta(minutes=1)}, "expires_at"),
])
def test_bad_bans_name_the_field(moderator, kwargs, field):
    with pytest.raises(InvalidInput) as bad:
        ban_create(user=moderator, reason="x", **kwargs)
    assert field in bad.value.fields
    assert not Ban.objects.exists()


def test_a_ban_needs_a_reason_and_staff_cannot_be_banned(moderator, admin_user):
    with pytest.raises(InvalidInput) as bad:
        ban_create(user=moderator, reason="  ", email="a@b.org")
    assert "reason" in bad.value.fields
    with pytest.raises(InvalidInput) as bad:
        ban_create(user=moderator, reason="x", username=admin_user.username)
    assert "username" in bad.value.fields


def test_the_same_target_twice_is_a_conflict_and_unknown_or_lifted_bans_say_so(moderator):
    ban = ban_create(user=moderator, reason="x", email="a@b.org")
    with pytest.raises(Conflict):
        ban_create(user=moderator, reason="again", email="A@b.org")
    with pytest.raises(NotFound):
        ban_lift(user=moderator, ban_id=ban.pk + 1000)
    ban_lift(user=moderator, ban_id=ban.pk)
    with pytest.raises(Conflict):
        ban_lift(user=moderator, ban_id=ban.pk)


def test_only_moderators_ban_lift_and_list(moderator, author):
    ban = ban_create(user=moderator, reason="x", email="a@b.org")
    for call in (lambda: ban_create(user=author, reason="x", email="c@d.org"),
                 lambda: ban_lift(user=author, ban_id=ban.pk), lambda: ban_list(user=author),
                 lambda: ban_create(user=AnonymousUser(), reason="x", email="c@d.org")):
        with pytest.raises(PermissionDenied):
            call()


def test_the_list_shows_bans_in_force_unless_asked_for_past_ones(moderator):
    kept = ban_create(user=moderator, reason="x", email="a@b.org")
    lifted = ban_create(user=moderator, reason="x", email="c@d.org")
    ban_lift(user=moderator, ban_id=lifted.pk)
    assert [b.pk for b in ban_list(user=moderator)[0]] == [kept.pk]
    assert [b.pk for b in ban_list(user=moderator, include_past=True)[0]] == [lifted.pk, kept.pk]


def test_the_check_is_one_query(moderator):
    for i in range(20):
        ban_create(user=moderator, reason="x", ip=f"10.{i}.0.0/16")
    user = make_user(Role.AUTHOR, "someone")
    with CaptureQueriesContext(connection) as queries:
        ban_check(user=user, email="x@mail.example.org", ip="10.99.1.1")
    assert len(queries) == 1
    with pytest.raises(Banned):
        ban_check(email="x@example.org", ip="10.7.200.1")
