"""Flag statistics from decisions: the selectors and GET /api/v1/moderation/stats/flags."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civility.errors import InvalidInput, NotFound, PermissionDenied
from civility.learning.stats import flag_stats, stats_comment_ids, stats_overview
from civility.moderation.models import Action
from civility.moderation.services import decision_record, decision_undo
from civility.publishing.models import Article, Site
from tests.conftest import make_user, submit, token_api
from tests.learning.helpers import decided, finding

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(article, moderator):
    """Five decided comments: hate flagged by the classifier and rightly rejected, obscenity flagged by
    the word list but approved, a spam campaign rejected, an unflagged personal attack, a civil one."""
    return {
        "hate": decided(article, moderator, "hateful", finding("hate", 0.9, "classifier.v1"),
                        action="reject", reason="hate_speech"),
        "obscene_ok": decided(article, moderator, "damn good", finding("obscene", 0.7, "wordlist.v1")),
        "spam": decided(article, moderator, "buy now", finding("spam", 0.8, "duplicates.v1", campaign=3),
                        finding("spam", 0.6, "spam.v2"), action="reject", reason="spam"),
        "attack": decided(article, moderator, "you fool", action="reject", reason="personal_attack"),
        "civil": decided(article, moderator, "a fine piece", finding("hate", 0.1, "classifier.v1")),
    }


def test_per_label_numbers(history, moderator):
    stats = flag_stats(user=moderator)
    assert stats.decided == 5 and stats.rejected == 3
    assert stats.labels["hate"] == {"flagged": 1, "flagged_rejected": 1, "flagged_approved": 0, "precision": 1.0,
                                    "rejected_for_label": 1, "missed": 0}
    assert stats.labels["obscene"] == {"flagged": 1, "flagged_rejected": 0, "flagged_approved": 1,
                                       "precision": 0.0, "rejected_for_label": 0, "missed": 0}
    assert stats.labels["insult"]["rejected_for_label"] == 1 and stats.labels["insult"]["missed"] == 1
    assert stats.labels["insult"]["precision"] is None
    assert stats.labels["toxic"]["rejected_for_label"] == 2 and stats.labels["toxic"]["missed"] == 2
    assert stats.unflagged_rejections == 1
    assert stats.ids["unflagged_rejections"] == [history["attack"].pk]


def test_per_signal_numbers(history, moderator):
    signals = flag_stats(user=moderator).signals
    assert list(signals)[:5] == ["wordlist", "classifier", "spam", "duplicates", "campaigns"]
    assert signals["classifier"] == {"flagged": 1, "flagged_rejected": 1, "flagged_approved": 0, "precision": 1.0}
    assert signals["wordlist"]["flagged_approved"] == 1 and signals["wordlist"]["precision"] == 0.0
    assert signals["campaigns"]["flagged_rejected"] == 1 and signals["spam"]["flagged_rejected"] == 1
    assert signals["duplicates"]["flagged"] == 0  # the campaign finding counts for campaigns


def test_a_site_and_a_period_narrow_it(history, moderator, site):
    other = Site.objects.create(name="Other", slug="other")
    art = Article.objects.create(site=other, key="elsewhere", title="Elsewhere")
    decided(art, moderator, "elsewhere hate", finding("hate", 0.95, "classifier.v1"), action="reject",
            reason="hate_speech")
    assert flag_stats(user=moderator).labels["hate"]["flagged"] == 2
    assert flag_stats(user=moderator, site="other").labels["hate"]["flagged"] == 1
    assert flag_stats(user=moderator, site="gazette").decided == 5
    with pytest.raises(NotFound):
        flag_stats(user=moderator, site="nowhere")
    tomorrow = (timezone.now() + timedelta(days=1)).date()
    with pytest.raises(InvalidInput) as exc:
        flag_stats(user=moderator, since=tomorrow.isoformat())
    assert "since" in exc.value.fields
    yesterday = (timezone.now() - timedelta(days=1)).date().isoformat()
    assert flag_stats(user=moderator, since=yesterday).decided == 6


def test_only_decisions_in_force_count(article, moderator):
    c = decided(article, moderator, "first rejected", finding("insult", 0.9, "classifier.v1"), action="reject",
                reason="personal_attack")
    [again] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
    assert flag_stats(user=moderator).labels["insult"]["flagged_approved"] == 1
    decision_undo(user=moderator, decision_id=again.pk)
    stats = flag_stats(user=moderator)
    assert stats.labels["insult"]["flagged_rejected"] == 1 and stats.decided == 1
    pending = submit(article, "still waiting")
    assert pending.pk not in stats.ids["decided"]


def test_comments_behind_a_number(history, moderator):
    assert stats_comment_ids(user=moderator, metric="labels.obscene.flagged_approved") == [history["obscene_ok"].pk]
    assert stats_comment_ids(user=moderator, metric=f"moderators.{moderator.username}.rejected") == [
        history["hate"].pk, history["spam"].pk, history["attack"].pk]
    assert stats_comment_ids(user=moderator, metric="labels.nothing.flagged") == []


def test_overview_series(history, moderator, article):
    submit(article, "waiting for a moderator")
    view = stats_overview(user=moderator, since=(timezone.now() - timedelta(days=3)).date())
    assert view.moderators[moderator.username] == {"approved": 2, "rejected": 3}
    assert 4 <= len(view.queue) <= 5 and view.queue[-1].waiting == 1
    assert view.weeks[-1].labels["hate"] == (1.0, 1)


def test_authors_cannot_see_stats(author, history):
    with pytest.raises(PermissionDenied):
        flag_stats(user=author)


def test_api_shape_and_errors(history, moderator, site):
    api = token_api(moderator)
    status, body = api.get("/api/v1/moderation/stats/flags", site="gazette")
    assert status == 200
    assert set(body["labels"]["hate"]) == {"flagged", "flagged_rejected", "flagged_approved", "precision",
                                           "rejected_for_label", "missed"}
    assert body["labels"]["hate"]["precision"] == 1.0 and body["unflagged_rejections"] == 1
    assert body["signals"]["classifier"]["flagged"] == 1
    status, body = api.get("/api/v1/moderation/stats/flags", since="yesterday")
    assert status == 422 and body["error"]["fields"] == {"since": "Use a date like 2026-11-30."}
    status, body = api.get("/api/v1/moderation/stats/flags", site="nowhere")
    assert status == 404 and body["error"]["code"] == "site_not_found"
    status, body = token_api(make_user("author", "writer")).get("/api/v1/moderation/stats/flags")
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, _body = token_api(make_user("admin", "boss")).get("/api/v1/moderation/stats/flags")
    assert status == 200


def test_a_decision_shows_up_at_once(article, moderator):
    api = token_api(moderator)
    c = submit(article, "fresh")
    decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason="threat")
    _status, body = api.get("/api/v1/moderation/stats/flags")
    assert body["labels"]["threat"]["rejected_for_label"] == 1


def test_the_stats_page_shows_charts_and_links_each_number(history, moderator, client):
    client.force_login(moderator)
    r = client.get("/moderation/stats/")
    assert r.status_code == 200
    page = r.content.decode()
    assert page.count("<svg") == 4 and "Precision per label per week" in page
    assert "metric=labels.hate.flagged" in page and "metric=unflagged_rejections" in page
    assert f"metric=moderators.{moderator.username}.rejected" in page
    behind = client.get("/moderation/stats/comments/", {"metric": "labels.obscene.flagged_approved"})
    assert behind.status_code == 200
    text = behind.content.decode()
    assert "damn good" in text and "hateful" not in text and "1 comment behind" in text


def test_the_stats_page_refuses_bad_filters_and_readers(history, moderator, author, client):
    client.force_login(moderator)
    r = client.get("/moderation/stats/", {"since": "not-a-date"}, follow=True)
    assert r.status_code == 200 and "Use a date like" in r.content.decode()
    r = client.get("/moderation/stats/comments/", {"metric": "x", "site": "nowhere"}, follow=True)
    assert "No site with the key nowhere" in r.content.decode()
    client.force_login(author)
    assert client.get("/moderation/stats/").status_code == 403
