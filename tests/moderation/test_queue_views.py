"""Queue filters for several articles or a section, and a moderator's saved "my articles"."""

from __future__ import annotations

import pytest

from civility.errors import InvalidInput, PermissionDenied
from civility.moderation.queue_views import article_keys, queue_view_filters, queue_view_save
from civility.moderation.selectors import queue_list
from civility.publishing.models import Article
from tests.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(site):
    return [Article.objects.create(site=site, key=k, title=k, section=s)
            for k, s in (("budget", "politics"), ("mayor", "politics"), ("derby", "sport"))]


def ids(page) -> set[int]:
    return {c.pk for c in page.items}


def test_several_articles_or_a_section(three, moderator):
    budget, mayor, derby = ([submit(a, f"On {a.key}.")] for a in three)
    assert ids(queue_list(user=moderator, articles=["budget", "derby"])) == {budget[0].pk, derby[0].pk}
    assert ids(queue_list(user=moderator, section="politics")) == {budget[0].pk, mayor[0].pk}
    assert ids(queue_list(user=moderator, section="sport", articles=["mayor"])) == {derby[0].pk, mayor[0].pk}
    assert queue_list(user=moderator, section="weather").items == []
    assert queue_list(user=moderator, articles=["budget", "derby"]).total == 2


def test_my_articles_are_saved_per_moderator(three, moderator, admin_user):
    queue_view_save(user=moderator, articles="budget, mayor", section="")
    assert queue_view_filters(user=moderator) == {"articles": ["budget", "mayor"], "section": None}
    assert queue_view_filters(user=admin_user) == {}
    queue_view_save(user=moderator, articles=[], section="sport")
    assert queue_view_filters(user=moderator) == {"articles": [], "section": "sport"}
    queue_view_save(user=moderator, articles="", section="")
    assert queue_view_filters(user=moderator) == {}


def test_bad_views(moderator, author):
    with pytest.raises(InvalidInput):
        article_keys(",".join(f"a{i}" for i in range(101)))
    with pytest.raises(InvalidInput):
        queue_view_save(user=moderator, articles="a", section="s" * 101)
    with pytest.raises(PermissionDenied):
        queue_view_save(user=author, articles="a")
    assert article_keys(" a, b  c,,a ") == ["a", "b", "c"]
