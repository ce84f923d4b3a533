"""`/metrics`: the named series, counted from events and read from the database; access control."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from civility.comments.models import Comment
from civility.observability import metrics
from tests.conftest import approve, submit

TOKEN = "metrics-" + "t" * 40


def scrape(client, **headers) -> dict[tuple[str, tuple], float]:
    r = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}", **headers})
    assert r.status_code == 200, r.content
    assert r["Content-Type"].startswith("text/plain; version=")
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(r.content.decode()) for s in family.samples}


def value(samples, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def metrics_on(settings):
    settings.CIVILITY_METRICS_TOKEN = TOKEN
    settings.CIVILITY_METRICS_ALLOWED_ADDRESSES = []
    return settings


@pytest.mark.django_db(transaction=True)
def test_events_and_database_gauges_are_reported(client, metrics_on, article, moderator):
    from civility.moderation.models import Action, Reason
    from civility.moderation.services import decision_record

    before = scrape(client)
    first, second, third = (submit(article, f"Remark number {i}.", email=f"r{i}@example.org") for i in range(3))
    approve(moderator, first)
    decision_record(user=moderator, comment_ids=[second.pk], action=Action.REJECT, reason=Reason.SPAM)
    Comment.objects.filter(pk=third.pk).update(created_at=third.created_at.replace(year=2020))
    after = scrape(client)

    def grew(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("civility_comments_submitted_total") == 3
    assert grew("civility_decisions_total", action="approve", reason="none") == 1
    assert grew("civility_decisions_total", action="reject", reason="spam") == 1
    assert grew("civility_triage_duration_seconds_count") == 3
    assert value(after, "civility_comments_pending") == 1
    assert value(after, "civility_comments_oldest_pending_age_seconds") > 5 * 365 * 86400
    assert value(after, "civility_metrics_database_up") == 1
    assert value(after, "civility_background_tasks", state="failed") == 0


@pytest.mark.django_db
def test_background_tasks_are_counted_by_state(client, metrics_on):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    for status in ["FAILED", "FAILED", "READY", "SUCCESSFUL"]:
        DBTaskResult.objects.create(status=status, args_kwargs={}, task_path="x.y", backend_name="default",
                                    run_after=timezone.now())
    seen = scrape(client)
    assert value(seen, "civility_background_tasks", state="failed") == 2
    assert value(seen, "civility_background_tasks", state="queued") == 1
    assert value(seen, "civility_background_tasks", state="running") == 0


@pytest.mark.django_db
def test_rate_limit_refusals_are_counted(client, metrics_on, article, settings):
    settings.CIVILITY_SUBMIT_RATE_PER_IP = "1/min"
    body = {"body": "Hello there.", "author_name": "R", "author_email": "r@example.org"}
    before = value(scrape(client), "civility_rate_limited_total", limit="submit-ip")
    codes = [client.post(f"/api/v1/articles/{article.key}/comments", body, content_type="application/json")
             .status_code for _ in range(2)]
    assert codes == [202, 429]
    assert value(scrape(client), "civility_rate_limited_total", limit="submit-ip") == before + 1


def test_every_request_is_timed_by_route_through_the_wsgi_application():
    def app(environ, start_response):
        environ[metrics.ROUTE_KEY] = "api/v1/queue"
        start_response("404 Not Found", [])
        return [b""]

    labels = ("GET", "api/v1/queue", "4xx")
    count = _count(labels)
    metrics.observed(app)({"REQUEST_METHOD": "GET"}, lambda *a: None)
    metrics.observed(app)({"REQUEST_METHOD": "BREW"}, lambda *a: None)
    assert _count(labels) == count + 1
    assert _count(("other", "api/v1/queue", "4xx")) >= 1


def _count(labels) -> float:
    for family in metrics.REGISTRY.collect():
        if family.name == "civility_http_request_duration_seconds":
            for s in family.samples:
                if s.name.endswith("_count") and tuple(s.labels[k] for k in ("method", "route", "status")) == labels:
                    return s.value
    return 0.0


@pytest.mark.django_db
def test_django_requests_carry_their_route_not_their_path(client, article):
    """(The test client skips the WSGI wrapper: this checks what the middleware notes for it.)"""
    r = client.get(f"/api/v1/articles/{article.key}/comments")
    route = r.wsgi_request.META[metrics.ROUTE_KEY]
    assert route.startswith("api/v1/") and route.endswith("/comments") and article.key not in route
    assert client.get("/moderation/").wsgi_request.META[metrics.ROUTE_KEY] == "moderation/"
    assert metrics.ROUTE_KEY not in client.get("/no-such-page").wsgi_request.META


@pytest.mark.django_db
def test_access_needs_the_token_or_an_allowed_address(client, settings):
    settings.CIVILITY_METRICS_TOKEN = ""
    settings.CIVILITY_METRICS_ALLOWED_ADDRESSES = []
    r = client.get("/metrics")
    assert r.status_code == 404 and b"CIVILITY_METRICS_TOKEN" in r.content
    settings.CIVILITY_METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics").headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    import ipaddress

    settings.CIVILITY_METRICS_TOKEN = ""
    settings.CIVILITY_METRICS_ALLOWED_ADDRESSES = [ipaddress.ip_network("10.0.0.0/8")]
    assert client.get("/metrics").status_code == 403  # the test client is 127.0.0.1
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.post("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 405


def test_a_bad_address_setting_names_itself(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from civility.settings.env import env_networks

    monkeypatch.setenv("CIVILITY_METRICS_ALLOWED_ADDRESSES", "10.0.0.0/8, ::1, 192.168.1.300")
    with pytest.raises(ImproperlyConfigured, match=r"'192\.168\.1\.300' is not an IP address or network"):
        env_networks("CIVILITY_METRICS_ALLOWED_ADDRESSES")
    monkeypatch.setenv("CIVILITY_METRICS_ALLOWED_ADDRESSES", "10.0.0.0/8, ::1")
    assert [str(n) for n in env_networks("CIVILITY_METRICS_ALLOWED_ADDRESSES")] == ["10.0.0.0/8", "::1/128"]
