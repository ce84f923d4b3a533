"""/moderation/people/<email>/: reached from every queue item; notes, bans and "reject everything"."""

import pytest

from civility.comments.models import Status
from civility.people.models import Ban, PersonNote
from tests.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def test_every_queue_item_links_to_its_person(mod_client, article):
    submit(article, "One.", email="a+tag@example.org")
    submit(article, "Two.", email="b@example.org")
    page = mod_client.get("/moderation/").content.decode()
    assert 'href="/moderation/people/a+tag@example.org/"' in page
    assert 'href="/moderation/people/b@example.org/"' in page
    person = mod_client.get("/moderation/people/a+tag@example.org/")
    assert person.status_code == 200 and "One." in person.content.decode()


def test_the_page_acts_on_the_person(mod_client, article, moderator):
    pending = [submit(article, f"Spam {i}.", email="troll@example.org") for i in range(2)]
    base = "/moderation/people/troll@example.org/"

    r = mod_client.post(base + "notes", {"text": "Third account this week."}, follow=True)
    assert "Third account this week." in r.content.decode()
    assert PersonNote.objects.get().author == moderator

    r = mod_client.post(base + "ban", {"target": "email_domain|example.org", "reason": "Spam farm"}, follow=True)
    assert "Banned example.org." in r.content.decode()
    ban = Ban.objects.get()
    assert (ban.kind, ban.value) == ("email_domain", "example.org")

    r = mod_client.post(base + "reject", {"reason": "spam"}, follow=True)
    assert "Rejected 2 pending comments." in r.content.decode()
    assert {c.status for c in type(pending[0]).objects.filter(pk__in=[c.pk for c in pending])} == {Status.REJECTED}

    r = mod_client.post(base + f"unban/{ban.pk}", follow=True)
    assert "Lifted the ban on example.org." in r.content.decode()


def test_bad_input_is_said_on_the_page(mod_client, article):
    submit(article, "x", email="troll@example.org")
    base = "/moderation/people/troll@example.org/"
    r = mod_client.post(base + "ban", {"target": "ip|10.0.0.0/33", "reason": "x"}, follow=True)
    assert "not an IP address or a CIDR network" in r.content.decode()
    r = mod_client.post(base + "ban", {"target": "email|troll@example.org", "reason": "x", "expires_at": "soon"},
                        follow=True)
    assert "must be a date" in r.content.decode()
    r = mod_client.post(base + "reject", {"reason": ""}, follow=True)
    assert "needs a reason" in r.content.decode()
    assert not Ban.objects.exists()
    assert mod_client.get("/moderation/people/nobody@example.org/").status_code == 404
    assert mod_client.get("/moderation/people/not-an-email/").status_code == 422


def test_authors_cannot_open_it(client, author, article):
    submit(article, "x", email="troll@example.org")
    client.force_login(author)
    assert client.get("/moderation/people/troll@example.org/").status_code == 403
