"""The Akismet adapter, against a fake Akismet on 127.0.0.1 (pytest-httpserver), never the real one."""

import socket
import threading
from datetime import UTC, datetime

import pytest
from werkzeug import Response

from civility.triage import policy
from civility.triage.models import TriageReport
from civility.triage.pipeline import Pipeline
from civility.triage.services import triage_comment
from civility.triage.signals.akismet import Akismet
from civility.triage.types import Identity, Subject
from tests.conftest import submit

CHECK = "/1.1/comment-check"
SUBJECT = Subject(
    text="Great post, visit my site", comment_id=7,
    identity=Identity(email="reader@example.org", ip_address="203.0.113.5", user_agent="Mozilla/5.0 (X11)"),
    created_at=datetime(2025, 3, 1, 12, 0, tzinfo=UTC), client={"honeypot": "", "elapsed_ms": 9000},
)


def akismet(endpoint: str, **options) -> Pipeline:
    options = {"api_key": "k3y", "blog_url": "https://news.example", "endpoint": endpoint, **options}
    return Pipeline.from_config([{"signal": "akismet.v1", "options": options}])


@pytest.fixture
def endpoint(httpserver) -> str:
    return httpserver.url_for("/").rstrip("/")


def test_spam_verdict_is_a_finding_and_the_form_is_complete(httpserver, endpoint):
    httpserver.expect_request(CHECK, method="POST").respond_with_data("true")
    doc = akismet(endpoint, is_test=True).run(SUBJECT)
    assert not doc.errors
    (finding,) = doc.findings
    assert (finding.label, finding.score, finding.reason) == ("spam", 0.8, "Akismet says spam")
    (request, _), = httpserver.log
    form = request.form
    assert form["api_key"] == "k3y" and form["blog"] == "https://news.example"
    assert form["user_ip"] == "203.0.113.5" and form["user_agent"] == "Mozilla/5.0 (X11)"
    assert form["comment_content"] == SUBJECT.text and form["comment_author_email"] == "reader@example.org"
    assert form["comment_type"] == "comment" and form["is_test"] == "1"
    assert form["comment_date_gmt"].startswith("2025-03-01T12:00:00")


def test_discard_is_blatant_spam(httpserver, endpoint):
    httpserver.expect_request(CHECK).respond_with_data("true", headers={"X-akismet-pro-tip": "discard"})
    (finding,) = akismet(endpoint).run(SUBJECT).findings
    assert finding.score == 0.95 and "discard" in finding.reason
    assert policy.assess(akismet(endpoint).run(SUBJECT)).flags[0]["label"] == "spam"


def test_ham_adds_nothing(httpserver, endpoint):
    httpserver.expect_request(CHECK).respond_with_data("false")
    doc = akismet(endpoint).run(SUBJECT)
    assert doc.findings == [] and doc.errors == []


def test_the_language_is_passed_on_when_known(httpserver, endpoint):
    httpserver.expect_request(CHECK).respond_with_data("false")
    pipe = Pipeline.from_config([
        {"signal": "langid.v1", "options": {"languages": ["en", "ru", "hy"]}},
        {"signal": "akismet.v1", "options": {"api_key": "k", "blog_url": "https://n.example", "endpoint": endpoint}},
    ])
    pipe.run(Subject(text="Лучше поздно, чем никогда, но это уже слишком поздно.", identity=SUBJECT.identity))
    assert httpserver.log[0][0].form["blog_lang"] == "ru"


def test_a_text_without_an_address_is_not_sent(httpserver, endpoint):
    doc = akismet(endpoint).run(Subject(text="a draft from the widget"))
    assert doc.findings == [] and doc.errors == [] and httpserver.log == []


@pytest.mark.parametrize(("response", "error"), [
    (Response("invalid", headers={"X-akismet-debug-help": "Empty 'api_key' value"}), "Empty 'api_key' value"),
    (Response("Internal error", status=500), "HTTP 500"),
    (Response("maybe"), "'maybe'"),
])
def test_unusable_answers_make_the_report_incomplete(httpserver, endpoint, response, error):
    httpserver.expect_request(CHECK).respond_with_response(response)
    doc = akismet(endpoint).run(SUBJECT)
    assert doc.findings == []
    assert doc.errors[0]["signal"] == "akismet.v1" and error in doc.errors[0]["error"]
    assert policy.assess(doc).complete is False


def test_a_slow_akismet_is_given_up_on(httpserver, endpoint):
    release = threading.Event()

    def stall(request):
        release.wait(10)  # until the test is done with it
        return Response("false")

    httpserver.expect_request(CHECK).respond_with_handler(stall)
    try:
        doc = akismet(endpoint, timeout=0.2).run(SUBJECT)
    finally:
        release.set()
    assert doc.errors == [{"signal": "akismet.v1", "error": "AkismetError: Akismet did not answer within 0.2 s"}]
    report = policy.assess(doc)
    assert report.complete is False and report.risk >= policy.INCOMPLETE_RISK


def test_an_outage_keeps_the_comment_and_stores_an_incomplete_report(article):
    with socket.socket() as sock:  # a port on which nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    comment = submit(article, "An ordinary remark about the budget.")
    comment.ip_address = "203.0.113.9"
    report = triage_comment(comment, using=akismet(f"http://127.0.0.1:{port}"))
    assert report.complete is False
    assert "could not reach Akismet" in report.errors[0]["error"]
    stored = TriageReport.objects.get(comment=comment)
    assert stored.complete is False and comment.pk is not None


def test_not_in_the_default_pipeline(settings):
    assert "akismet.v1" not in [entry["signal"] for entry in settings.CIVILITY_TRIAGE_PIPELINE]


@pytest.mark.parametrize(("options", "error"), [
    ({}, TypeError),
    ({"api_key": "", "blog_url": "https://n.example"}, ValueError),
    ({"api_key": 123, "blog_url": "https://n.example"}, TypeError),
    ({"api_key": "k", "blog_url": "news.example"}, ValueError),
    ({"api_key": "k", "blog_url": "https://n.example", "endpoint": "ftp://x.example"}, ValueError),
    ({"api_key": "k", "blog_url": "https://n.example", "timeout": 0}, ValueError),
    ({"api_key": "k", "blog_url": "https://n.example", "timeout": 30}, ValueError),
    ({"api_key": "k", "blog_url": "https://n.example", "timeout": "1s"}, TypeError),
    ({"api_key": "k", "blog_url": "https://n.example", "is_test": "yes"}, TypeError),
    ({"api_key": "k", "blog_url": "https://n.example", "retries": 3}, TypeError),
])
def test_bad_options_are_refused(options, error):
    with pytest.raises(error):
        Akismet(**options)
