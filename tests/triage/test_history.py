"""Author history: earlier comments by the same account or e-mail, first-timers, bursts."""

from datetime import timedelta

import pytest

from civility.accounts.models import Role
from civility.comments.models import Comment, Status
from civility.triage.pipeline import Pipeline
from civility.triage.services import subject_for
from civility.triage.signals.history import AuthorHistory
from civility.triage.types import Identity, Subject
from tests.conftest import approve, make_user, submit


def history(comment: Comment, **options):
    doc = Pipeline.from_config([{"signal": "history.v1", "options": options}]).run(subject_for(comment))
    assert not doc.errors, doc.errors
    return doc


def _status(comment: Comment, status: str) -> None:
    Comment.objects.filter(pk=comment.pk).update(status=status)


def _age(comment: Comment, minutes: int) -> None:
    Comment.objects.filter(pk=comment.pk).update(created_at=comment.created_at - timedelta(minutes=minutes))


def test_a_bare_text_gets_nothing(db):
    doc = Pipeline.from_config([{"signal": "history.v1"}]).run(Subject(text="no one in particular"))
    assert "first_timer" not in doc.attrs and "author_history" not in doc.attrs and not doc.findings


def test_a_first_comment_is_a_first_timer_and_not_counted_itself(article):
    doc = history(submit(article, email="new@example.org"))
    assert doc.attrs["first_timer"] is True
    assert doc.attrs["author_history"] == {"identity": "email", "earlier": 0, "approved": 0, "rejected": 0,
                                           "pending": 0, "recent": 0, "window_minutes": 10}


def test_earlier_comments_by_email_are_counted_by_status(article, moderator):
    ok, bad, waiting = (submit(article, f"comment {i}", email="reader@example.org") for i in range(3))
    approve(moderator, ok)
    _status(bad, Status.REJECTED)
    for c in (ok, bad, waiting):
        _age(c, 60)
    submit(article, "someone else", email="other@example.org")
    doc = history(submit(article, "and now this", email="reader@example.org"))
    assert doc.attrs["author_history"] == {"identity": "email", "earlier": 3, "approved": 1, "rejected": 1,
                                           "pending": 1, "recent": 0, "window_minutes": 10}
    assert doc.attrs["first_timer"] is False
    assert not doc.findings


def test_rejected_and_pending_comments_do_not_end_first_timing(article):
    _status(submit(article, "one", email="troll@example.org"), Status.REJECTED)
    submit(article, "two", email="troll@example.org")
    doc = history(submit(article, "three", email="troll@example.org"))
    assert doc.attrs["author_history"]["earlier"] == 2
    assert doc.attrs["first_timer"] is True


def test_e_mail_is_compared_without_case(article, moderator):
    approve(moderator, submit(article, email="Reader@Example.org"))  # stored lower-cased
    comment = submit(article, email="reader@example.org")
    doc = Pipeline.from_config([{"signal": "history.v1"}]).run(
        Subject(text=comment.body, comment_id=comment.pk, identity=Identity(email="READER@example.ORG"),
                created_at=comment.created_at))
    assert doc.attrs["author_history"]["approved"] == 1


def test_an_account_is_its_own_identity(article, moderator):
    reader = make_user(Role.AUTHOR, "reader-account")
    approve(moderator, submit(article, "logged in", user=reader))
    # typing the account's address while logged out must not borrow its record, nor the reverse
    anonymous = submit(article, "logged out", email=reader.email)
    assert history(anonymous).attrs["author_history"]["earlier"] == 0
    assert history(anonymous).attrs["first_timer"] is True
    doc = history(submit(article, "logged in again", user=reader))
    assert doc.attrs["author_history"]["identity"] == "account"
    assert doc.attrs["author_history"]["earlier"] == 1
    assert doc.attrs["first_timer"] is False


def test_later_comments_do_not_count_when_rerun(article, moderator):
    first = submit(article, email="early@example.org")
    _age(first, 30)
    first.refresh_from_db()
    approve(moderator, submit(article, email="early@example.org"))
    assert history(first).attrs["author_history"]["earlier"] == 0


def test_a_burst_is_spam_evidence(article):
    for i in range(4):
        submit(article, f"flood {i}", email="flood@example.org")
    old = submit(article, "long ago", email="flood@example.org")
    _age(old, 120)
    doc = history(submit(article, "flood 5", email="flood@example.org"), burst_count=5, burst_minutes=10)
    (finding,) = doc.findings
    assert finding.label == "spam" and finding.reason == "5 comments in 10 minutes"
    assert finding.score == pytest.approx(0.35)
    assert doc.attrs["author_history"]["recent"] == 4


def test_a_bigger_burst_scores_higher_and_below_is_nothing(article):
    for i in range(9):
        submit(article, f"flood {i}", email="flood@example.org")
    assert history(submit(article, "x", email="flood@example.org"), burst_count=5).findings[0].score == 0.6
    assert history(submit(article, "y", email="calm@example.org"), burst_count=5).findings == []


def test_one_query(article, django_assert_num_queries):
    comment = submit(article, email="reader@example.org")
    pipe = Pipeline.from_config([{"signal": "history.v1"}])
    subject = subject_for(comment)
    with django_assert_num_queries(1):
        pipe.run(subject)


@pytest.mark.parametrize(("options", "error"), [
    ({"burst_count": 1}, ValueError),
    ({"burst_count": "5"}, TypeError),
    ({"burst_minutes": 0}, ValueError),
    ({"burst_minutes": 5000}, ValueError),
    ({"burst_minutes": 2.5}, TypeError),
    ({"window": 5}, TypeError),
])
def test_bad_options_are_refused(options, error):
    with pytest.raises(error):
        AuthorHistory(**options)
