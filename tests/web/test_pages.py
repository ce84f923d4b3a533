"""Server-rendered pages without a browser: they work with JavaScript off."""

import pytest

from civility.comments.models import Status
from civility.moderation.models import Decision
from tests.conftest import approve, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def test_article_page_embeds_the_thread(client, article):
    article.body = "First paragraph.\n\nSecond <b>paragraph</b>."
    article.save()
    r = client.get("/articles/lachin-corridor/")
    html = r.content.decode()
    assert r.status_code == 200
    assert 'data-civility-article="lachin-corridor"' in html
    assert "/static/civility/embed.js" in html
    assert "Second &lt;b&gt;paragraph&lt;/b&gt;." in html


def test_unknown_article_page_is_a_friendly_404(client, db):
    r = client.get("/articles/nope/")
    assert r.status_code == 404
    assert b"There is nothing at this address" in r.content


def test_queue_page_lists_pending_with_context(mod_client, article, moderator):
    parent = submit(article, "the parent text")
    approve(moderator, parent)
    submit(article, "a <script>reply</script>", parent=parent, name="Vardan")
    html = mod_client.get("/moderation/").content.decode()
    assert "1 pending" in html
    assert "Vardan" in html and "&lt;script&gt;reply&lt;/script&gt;" in html
    assert "the parent text" in html and "In reply to" in html
    assert "<kbd>j</kbd>" in html  # the cheat sheet is on the page


def test_bulk_form_decides_many_in_one_batch(mod_client, article):
    a, b, c = (submit(article, t) for t in "abc")
    r = mod_client.post("/moderation/decide", {"ids": [a.pk, b.pk], "action": "reject", "reason": "spam"},
                        follow=True)
    assert "Rejected 2 comments." in r.content.decode()
    assert {d.batch for d in Decision.objects.all()} and Decision.objects.values("batch").distinct().count() == 1
    c.refresh_from_db()
    assert c.status == Status.PENDING


def test_reject_without_reason_is_a_form_error(mod_client, article):
    c = submit(article)
    r = mod_client.post("/moderation/decide", {"ids": [c.pk], "action": "reject"}, follow=True)
    assert "Choose why the comment is rejected." in r.content.decode()
    c.refresh_from_db()
    assert c.status == Status.PENDING


def test_no_selection_is_a_form_error(mod_client, article):
    r = mod_client.post("/moderation/decide", {"action": "approve"}, follow=True)
    assert "Select at least one comment first." in r.content.decode()


def test_garbage_ids_are_a_message_not_a_500(mod_client, article):
    r = mod_client.post("/moderation/decide", {"ids": ["abc"], "action": "approve"}, follow=True)
    assert r.status_code == 200
    r = mod_client.post("/moderation/decide", {"ids": ["987654"], "action": "approve"}, follow=True)
    assert "No comment with id 987654" in r.content.decode()


def test_history_and_undo_from_the_page(mod_client, article, moderator):
    c = submit(article, "changed my mind")
    approve(moderator, c)
    html = mod_client.get("/moderation/history/").content.decode()
    assert "changed my mind" in html and moderator.username in html
    d = Decision.objects.get()
    r = mod_client.post(f"/moderation/undo/{d.pk}", follow=True)
    assert "Undone" in r.content.decode()
    c.refresh_from_db()
    assert c.status == Status.PENDING
    r = mod_client.post(f"/moderation/undo/{d.pk}", follow=True)
    assert "replaced this one" in r.content.decode()


def test_redirects_never_leave_the_site(mod_client, article):
    c = submit(article)
    r = mod_client.post("/moderation/decide", {"ids": [c.pk], "action": "approve", "next": "https://evil.example/"})
    assert r["Location"] == "/moderation/"


def test_login_page_and_a_wrong_password(client, moderator):
    moderator.set_password("correct horse battery staple")
    moderator.save()
    r = client.post("/accounts/login/", {"username": moderator.username, "password": "nope"})
    assert "do not match" in r.content.decode()
    r = client.post("/accounts/login/", {"username": moderator.username,
                                         "password": "correct horse battery staple"}, follow=True)
    assert r.redirect_chain[-1][0] == "/moderation/"


def test_authors_land_on_their_account_page_not_a_403(client, author, article):
    article.authors.add(author)
    client.force_login(author)
    r = client.get("/accounts/", follow=True)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Logged in as" in html
    assert article.title in html
    assert "You have not commented yet." in html


def test_authors_page_lists_their_comments_with_their_status(client, author, article):
    from tests.conftest import submit

    submit(article, "Թող խաղաղություն լինի մեր տանը, այսօր և միշտ։", user=author)
    client.force_login(author)
    html = client.get("/accounts/", headers={"Accept-Language": "ru"}).content.decode()
    assert "Ваши комментарии" in html and "Ждёт проверки" in html
    assert f'href="/articles/{article.key}/#comments"' in html
    assert 'dir="auto" lang="hy"' in html


def test_healthz(client, db):
    assert client.get("/healthz").json()["ok"] is True


def test_queue_explains_each_flag_with_marked_spans(settings, mod_client, article):
    from civility.triage import registry
    from civility.triage.registry import Signal
    from civility.triage.types import Finding

    @registry.register("test_pages_idiot.v1")
    class Idiot(Signal):
        def __call__(self, doc):
            at = doc.text.find("1d10t")
            if at >= 0:
                doc.add(Finding("insult", 0.8, 'insult (en): "1d10t"', spans=[(at, at + 5)]))

    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "test_pages_idiot.v1"}]
    submit(article, "You <b>absolute</b> 1d10t, read the article")
    submit(article, "A calm remark", email="calm@example.org")
    html = mod_client.get("/moderation/").content.decode()
    assert '<mark class="flag flag-insult" title="Insult 0.80: insult (en): &quot;1d10t&quot;">1d10t</mark>' in html
    assert "&lt;b&gt;absolute&lt;/b&gt;" in html
    assert "chip-insult" in html
    assert html.index("1d10t") < html.index("A calm remark")  # riskiest first
    assert "First comment from this person" in html
    filtered = mod_client.get("/moderation/", {"label": "insult"}).content.decode()
    assert "1d10t" in filtered
    assert "A calm remark" not in filtered
    r = mod_client.get("/moderation/", {"label": "nonsense"}, follow=True)
    assert "label must be one of" in r.content.decode()
