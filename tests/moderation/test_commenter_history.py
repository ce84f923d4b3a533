"""A queue item's "Before: … approved · rejected · waiting" counts only the person's earlier comments."""

from __future__ import annotations

from datetime import timedelta

import pytest

from civility.comments.models import Comment
from civility.moderation.models import Action, Reason
from civility.moderation.selectors import commenter_history, queue_list
from civility.moderation.services import decision_record
from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


def test_only_earlier_comments_count(article, moderator):
    first = submit(article, "One.", email="r@example.org")
    approve(moderator, first)
    second = submit(article, "Two.", email="r@example.org")
    third = submit(article, "Three.", email="r@example.org")
    later = submit(article, "Four, rejected.", email="r@example.org")
    decision_record(user=moderator, comment_ids=[later.pk], action=Action.REJECT, reason=Reason.SPAM)
    other = submit(article, "Someone else.", email="s@example.org")

    history = queue_list(user=moderator).history
    assert history[second.pk] == {"approved": 1, "rejected": 0, "pending": 0}
    assert history[third.pk] == {"approved": 1, "rejected": 0, "pending": 1}
    assert history[other.pk] == {"approved": 0, "rejected": 0, "pending": 0}
    html = _page(moderator)
    assert html.count("Before: 1 approved · 0 rejected · 1 waiting") == 1  # the third only
    assert html.count("Before: 1 approved · 0 rejected<") == 1  # the second: the later rejection is not counted


def _page(moderator) -> str:
    from django.test import Client

    client = Client()
    client.force_login(moderator)
    return client.get("/moderation/").content.decode()


def test_same_moment_goes_by_id_and_accounts_count_as_one_person(article, moderator, author):
    a = submit(article, "As myself.", user=author)
    b = submit(article, "Again.", user=author)
    anonymous_same_email = submit(article, "Not logged in.", email=author.email)
    Comment.objects.filter(pk__in=[a.pk, b.pk]).update(created_at=a.created_at)
    history = commenter_history(list(Comment.objects.filter(pk__in=[a.pk, b.pk, anonymous_same_email.pk])))
    assert history[a.pk]["pending"] == 0
    assert history[b.pk]["pending"] == 1
    assert history[anonymous_same_email.pk]["pending"] == 0  # anonymous comments are counted by email alone
    Comment.objects.filter(pk=b.pk).update(created_at=a.created_at - timedelta(seconds=1))
    history = commenter_history(list(Comment.objects.filter(pk__in=[a.pk, b.pk])))
    assert (history[a.pk]["pending"], history[b.pk]["pending"]) == (1, 0)
