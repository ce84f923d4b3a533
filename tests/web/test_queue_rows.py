"""The queue page's presenter (civility/web/queue.py): the values it works out in Python are
what the template's filters wrote before, and the page still shows everything."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation

from civility.comments.models import Comment
from civility.moderation.explain import explain
from civility.moderation.models import Reason
from civility.web import queue
from civility.web.queue import Chip, history_text, queue_rows, reason_options, two_places
from tests.conftest import approve, submit
from tests.querycount import CAMPAIGN


@pytest.mark.parametrize("value", [
    0, 1, 0.0, 1.0, 0.125, 0.135, 0.345, 0.005, 0.015, 0.9999, 0.995, 0.5, 0.6562, 1e-9, -0.001, -0.5,
    12345.678, True, Decimal("0.125"), "0.125", "abc", None, float("nan"), float("inf"),
])
def test_two_places_is_floatformat_2(value):
    assert two_places(value) == floatformat(value, 2)


def test_two_places_follows_the_language():
    with translation.override("de"):
        assert two_places(0.5) == floatformat(0.5, 2) == "0,50"
    assert two_places(0.5) == "0.50"


def test_two_places_of_an_unhashable_value_falls_back_to_the_filter():
    assert two_places([1]) == floatformat([1], 2) == ""


def test_chips_are_escaped():
    flags = [Chip('in"sult', "In<sult>", "0.80", 'insult (en): "1d10t" & <b>')]
    assert queue.flag_chips(flags) == (
        '<span class="chip chip-in&quot;sult" title="insult (en): &quot;1d10t&quot; &amp; &lt;b&gt;">'
        'In&lt;sult&gt; <b>0.80</b></span>')
    assert queue.weak_chips([Chip("toxic", "<Toxic>", "0.30"), Chip("spam", "Spam", "0.10")]) == (
        '<span class="chip chip-weak" title="below the flag threshold">&lt;Toxic&gt; 0.30</span>'
        '<span class="chip chip-weak" title="below the flag threshold">Spam 0.10</span>')
    assert queue.reasons_html(flags) == (
        "<li><strong>In&lt;sult&gt;</strong>: insult (en): &quot;1d10t&quot; &amp; &lt;b&gt;</li>")
    assert queue.flag_chips([]) == queue.weak_chips([]) == queue.reasons_html([]) == ""


def test_reason_options_are_numbered_like_their_keys():
    html = reason_options([("spam", "Spam & <ads>"), ("other", "Other")])
    assert html == '<option value="spam">1. Spam &amp; &lt;ads&gt;</option><option value="other">2. Other</option>'
    assert reason_options(Reason.choices).count("<option") == len(Reason.choices)


@pytest.mark.parametrize(("history", "text"), [
    ({}, "First comment from this person"),
    ({"approved": 0, "rejected": 0, "pending": 0}, "First comment from this person"),
    ({"approved": 3, "rejected": 1, "pending": 0}, "Before: 3 approved · 1 rejected"),
    ({"approved": 0, "rejected": 0, "pending": 2}, "Before: 0 approved · 0 rejected · 2 waiting"),
    ({"approved": 1200, "rejected": 1, "pending": 1}, "Before: 1200 approved · 1 rejected · 1 waiting"),
])
def test_history_text(history, text):
    assert history_text(history) == text


def test_history_text_groups_thousands_when_the_site_does(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    assert history_text({"approved": 1200, "rejected": 0, "pending": 0}) == "Before: 1,200 approved · 0 rejected"


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["UTC", "Asia/Yerevan"])
def test_rows_carry_what_the_template_showed(article, moderator, zone):
    parent = submit(article, "the parent text", name="Ani")
    approve(moderator, parent)
    reply = submit(article, "a reply", parent=parent, name="Vardan", email="v@example.org")
    at = dt.datetime(2024, 3, 9, 23, 58, 7, 123456, tzinfo=dt.UTC)
    Comment.objects.filter(pk=reply.pk).update(created_at=at, ip_address="203.0.113.9")
    from civility.moderation.selectors import queue_list

    with timezone.override(zone):
        page = queue_list(user=moderator)
        [row] = queue_rows(page.items, history=page.history, originals={})
        c = page.items[0]
        local = timezone.template_localtime(c.created_at)
        assert row.created_iso == date_filter(local, "c")
        assert row.created_title == date_filter(local, "Y-m-d H:i")
    assert row.created_title == ("2024-03-09 23:58" if zone == "UTC" else "2024-03-10 03:58")
    why = explain(c.body, c.triage.report)
    assert (row.id, row.author_name, row.author_email, row.ip_address) == (str(reply.pk), "Vardan", "v@example.org",
                                                                           "203.0.113.9")
    assert row.article_url == f"/articles/{article.key}/" and row.article_title == article.title
    assert row.parent.pk == parent.pk and "the parent text" in row.parent_html
    assert row.body_html == why.body_html and row.lang == why.lang and row.complete is True
    assert row.risk == floatformat(why.risk, 2)
    assert [(f.label, f.score) for f in row.weak] == [(w["label"], floatformat(w["score"], 2)) for w in why.weak]
    assert row.history_text == history_text(page.history[c.pk])
    assert row.original is None and row.campaign is None and row.is_author is False


@pytest.mark.django_db
def test_rows_of_repeats_campaigns_and_missing_reports(article, moderator, author):
    first = submit(article, "Repeat myself, again and again, the same words here.", email="r@example.org")
    again = submit(article, "Repeat myself, again and again, the same words here.", email="r@example.org")
    for i in range(3):
        submit(article, CAMPAIGN, email=f"c{i}@example.org")
    bare = submit(article, "never triaged", user=author)
    bare.triage.delete()
    from civility.moderation.selectors import comments_by_id, queue_list

    page = queue_list(user=moderator)
    ids = {c.triage.duplicate_of_id for c in page.items if queue.report_of(c) and c.triage.duplicate_of_id}
    assert ids == {first.pk}
    rows = {int(r.id): r for r in queue_rows(page.items, history=page.history, originals=comments_by_id(ids))}
    assert rows[again.pk].original.pk == first.pk and rows[again.pk].original_on_page is True
    assert "duplicate" in {f.label for f in rows[again.pk].flags}
    campaigned = [r for r in rows.values() if r.campaign is not None]
    assert campaigned and all(r.campaign.size >= 2 for r in campaigned)
    assert rows[bare.pk].complete is False and rows[bare.pk].flags == [] and rows[bare.pk].campaign is None
    assert rows[bare.pk].is_author is True and rows[bare.pk].original is None
    # the original on another page is named, not linked
    later = queue_rows([again], history={}, originals={first.pk: first})
    assert later[0].original_on_page is False


@pytest.mark.django_db
def test_queue_page_keeps_the_markup_the_keys_need(client, moderator, article):
    first = submit(article, "Repeat myself, again and again, the same words here.", email="r@example.org")
    again = submit(article, "Repeat myself, again and again, the same words here.", email="r@example.org")
    client.force_login(moderator)
    html = client.get("/moderation/", {"lang": ""}).content.decode()
    for c in (first, again):
        assert f'<li class="qitem" id="c{c.pk}" data-id="{c.pk}" tabindex="-1"' in html
        assert f'<input type="hidden" name="ids" value="{c.pk}">' in html
    assert html.count('data-key="a"') == html.count('data-key="r"') == 2
    assert html.count('<input type="hidden" name="next" value="/moderation/?lang=">') == 3  # bulk form + 2 items
    options = "".join(f'<option value="{v}">{i}. {label}</option>' for i, (v, label) in enumerate(Reason.choices, 1))
    assert html.count(options) == 3
    assert f'Repeats <a href="#c{first.pk}">#{first.pk}</a> by the same person (held for review, ' in html
    assert re.search(r'<span class="qhistory muted">Before: 0 approved · 0 rejected · 1 waiting</span>', html)
    assert html.count('action="/moderation/decide"') == 3
