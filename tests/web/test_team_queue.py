"""The queue page for a team: what it polls, claims shown and taken over, "my articles"."""

import pytest

from civility.moderation.claims import claim_take
from civility.moderation.models import Decision
from civility.publishing.models import Article
from tests.conftest import submit

pytestmark = pytest.mark.django_db


def test_live_says_the_count_the_ids_and_who_is_on_what(client, moderator, anna, article):
    first, second = submit(article, "One."), submit(article, "Two.")
    claim_take(user=anna, comment_id=second.pk)
    claim_take(user=moderator, comment_id=first.pk)
    client.force_login(moderator)
    data = client.get("/moderation/live").json()
    assert data["count"] == 2
    assert set(data["ids"]) == {str(first.pk), str(second.pk)}
    assert data["claims"] == {str(second.pk): "Anna"}  # colleagues only
    assert data["mine"] == [str(first.pk)]
    page = client.get("/moderation/").content.decode()
    assert '<span class="qclaim-who">Anna</span> is on it' in page
    assert client.get("/moderation/live", {"label": "nonsense"}).status_code == 422


def test_a_decision_on_a_claimed_item_says_who_is_on_it_then_take_over_works(client, moderator, anna, article):
    c = submit(article, "Borderline.")
    claim_take(user=anna, comment_id=c.pk)
    client.force_login(moderator)
    r = client.post("/moderation/decide", {"ids": [c.pk], "action": "approve"}, follow=True)
    assert "Anna is on it" in r.content.decode()
    assert not Decision.objects.exists()
    r = client.post(f"/moderation/claim/{c.pk}", {"take_over": "1"}, HTTP_REFERER="http://testserver/moderation/?lang=en")
    assert r.status_code == 302 and r["Location"] == f"http://testserver/moderation/?lang=en#c{c.pk}"
    client.post("/moderation/decide", {"ids": [c.pk], "action": "approve"})
    assert Decision.objects.get().actor == moderator


def test_save_and_open_my_articles(client, moderator, site):
    politics = Article.objects.create(site=site, key="budget", title="Budget", section="politics")
    sport = Article.objects.create(site=site, key="derby", title="Derby", section="sport")
    submit(politics, "On the budget.")
    submit(sport, "On the derby.")
    client.force_login(moderator)
    page = client.get("/moderation/", {"section": "politics"}).content.decode()
    assert "On the budget." in page and "On the derby." not in page and "Save as my articles" in page
    r = client.post("/moderation/my-articles", {"article": "", "section": "politics"})
    assert r["Location"] == "/moderation/?mine=1"
    page = client.get("/moderation/?mine=1").content.decode()
    assert "On the budget." in page and "On the derby." not in page
    assert 'href="?mine=1">My articles' in client.get("/moderation/").content.decode()
    several = client.get("/moderation/", {"article": "budget, derby"}).content.decode()
    assert "On the budget." in several and "On the derby." in several


def test_the_live_fetch_of_new_items_leaves_messages_for_the_real_page(client, moderator, article):
    c = submit(article, "x")
    client.force_login(moderator)
    client.post("/moderation/decide", {"ids": [c.pk], "action": "reject"})  # no reason: an error message waits
    live = client.get("/moderation/", headers={"X-Civility-Live": "1"})
    assert live.status_code == 200
    assert "Choose why the comment is rejected." in client.get("/moderation/").content.decode()
    assert "Choose why the comment is rejected." not in client.get("/moderation/").content.decode()
