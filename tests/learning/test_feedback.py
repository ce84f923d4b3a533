"""Decisions teach Akismet back: submit-spam and submit-ham against a fake Akismet on 127.0.0.1."""

import pytest

from civility.learning.feedback import akismet_feedback
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record
from civility.triage.signals.akismet import AkismetError
from tests.conftest import submit

pytestmark = pytest.mark.django_db

CHECK, SPAM, HAM = "/1.1/comment-check", "/1.1/submit-spam", "/1.1/submit-ham"
THANKS = "Thanks for making the web a better place."


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what waits for a commit (the background stage, the decision's
    event) when the block ends, as production does when these calls commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def akismet_on(settings, httpserver):
    endpoint = httpserver.url_for("/").rstrip("/")
    settings.CIVILITY_TRIAGE_BACKGROUND = [{"signal": "akismet.v1", "options": {
        "api_key": "k3y", "blog_url": "https://news.example", "endpoint": endpoint}}]
    return httpserver


def posted(httpserver, path: str) -> list:
    return [request for request, _ in httpserver.log if request.path == path]


def reader_comment(article, body: str):
    from django.contrib.auth.models import AnonymousUser

    from civility.comments.services import Origin, comment_submit

    return comment_submit(user=AnonymousUser(), article_key=article.key, body=body, author_name="Reader",
                          author_email="reader@example.org",
                          origin=Origin(ip_address="203.0.113.5", user_agent="Mozilla/5.0"))


def test_a_spam_rejection_is_sent_as_spam(akismet_on, article, moderator, committed):
    akismet_on.expect_request(CHECK).respond_with_data("false")  # Akismet missed it
    akismet_on.expect_request(SPAM, method="POST").respond_with_data(THANKS)
    with committed():
        c = reader_comment(article, "Cheap watches at example.test, write me")
    with committed():
        decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.SPAM)
    (sent,) = posted(akismet_on, SPAM)
    assert sent.form["comment_content"] == c.body and sent.form["user_ip"] == "203.0.113.5"
    assert sent.form["api_key"] == "k3y" and sent.form["comment_author_email"] == "reader@example.org"
    assert posted(akismet_on, HAM) == []


def test_approving_what_akismet_called_spam_is_sent_as_ham(akismet_on, article, moderator, committed):
    akismet_on.expect_request(CHECK).respond_with_data("true")
    akismet_on.expect_request(HAM, method="POST").respond_with_data(THANKS)
    with committed():
        flagged = reader_comment(article, "My grandmother's recipe site has the same soup")
    with committed():
        decision_record(user=moderator, comment_ids=[flagged.pk], action=Action.APPROVE)
    (sent,) = posted(akismet_on, HAM)
    assert sent.form["comment_content"] == flagged.body


def test_other_decisions_send_nothing(akismet_on, article, moderator, committed):
    akismet_on.expect_request(CHECK).respond_with_data("false")
    with committed():
        civil, rude = reader_comment(article, "A fair point."), reader_comment(article, "You utter fool.")
    with committed():
        decision_record(user=moderator, comment_ids=[civil.pk], action=Action.APPROVE)
        decision_record(user=moderator, comment_ids=[rude.pk], action=Action.REJECT, reason=Reason.PERSONAL_ATTACK)
    assert len(posted(akismet_on, CHECK)) == 2
    assert posted(akismet_on, SPAM) == [] and posted(akismet_on, HAM) == []


def test_nothing_is_sent_when_akismet_is_off(httpserver, article, moderator, committed):
    with committed():
        c = submit(article, "Cheap watches")
        decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.SPAM)
    assert httpserver.log == [] and akismet_feedback(c.pk, "spam") is False


def test_a_refused_submission_is_an_error_for_the_task_to_retry(akismet_on, article, moderator, committed):
    akismet_on.expect_request(CHECK).respond_with_data("false")
    akismet_on.expect_request(SPAM).respond_with_data("invalid", status=200)
    with committed():
        c = reader_comment(article, "Cheap watches")
    with pytest.raises(AkismetError, match="did not take"):
        akismet_feedback(c.pk, "spam")
    # the decision itself is never held up by Akismet: the failed task is the worker's to retry
    with committed():
        [d] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.SPAM)
    assert d.to_status == "rejected" and len(posted(akismet_on, SPAM)) == 2
